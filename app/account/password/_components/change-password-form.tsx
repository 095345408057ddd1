"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changePassword } from "@/lib/actions/password";
import { Field } from "@/components/ui/field";
import { FormSubmit, fieldErrors } from "@/components/ui/form-feedback";

const FIELDS = [
  { name: "current", label: "current", autoComplete: "current-password" },
  { name: "password", label: "new", autoComplete: "new-password" },
  { name: "repeat", label: "repeat", autoComplete: "new-password" },
] as const;

export function ChangePasswordForm({ minPassword }: { minPassword: number }) {
  const t = useTranslations("account.password");
  const [state, action, pending] = useActionState(changePassword, undefined);
  const errors = fieldErrors(state);
  return (
    <form action={action} className="form" noValidate>
      {FIELDS.map((f) => (
        <Field
          key={f.name}
          id={`pw-${f.name}`}
          name={f.name}
          errorId={`${f.name}-error`}
          hintId={`${f.name}-hint`}
          label={t(f.label)}
          hint={f.name === "password" ? t("hint", { min: minPassword }) : undefined}
          type="password"
          autoComplete={f.autoComplete}
          required
          maxLength={200}
          errors={errors[f.name]}
        />
      ))}
      <FormSubmit state={state} pending={pending} label={t("submit")} pendingLabel={t("pending")} />
    </form>
  );
}
