"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";

/** A password an admin sets for someone (a new account, a reset): the policy's minimum in the hint. */
export function NewPasswordField({ id, label, minPassword, errors }: { id: string; label: string; minPassword: number; errors?: string[] }) {
  const t = useTranslations("admin.form");
  return (
    <Field
      id={id}
      name="password"
      label={label}
      hint={t("passwordHint", { min: minPassword })}
      type="password"
      autoComplete="new-password"
      required
      minLength={minPassword}
      maxLength={200}
      errors={errors}
    />
  );
}
