"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormMessage, fieldErrors } from "@/components/ui/form-feedback";
import { resetPassword } from "@/lib/actions/accounts";

export function ResetPasswordForm({ accountId, minPassword }: { accountId: number; minPassword: number }) {
  const t = useTranslations("admin.form");
  const [state, action, pending] = useActionState(resetPassword, undefined);
  const errors = fieldErrors(state);
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="accountId" value={accountId} />
      <Field
        id="reset-password"
        name="password"
        label={t("newPassword")}
        hint={t("passwordHint", { min: minPassword })}
        type="password"
        autoComplete="new-password"
        required
        minLength={minPassword}
        maxLength={200}
        errors={errors.password}
      />
      <FormMessage state={state} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("resetting") : t("reset")}
      </button>
    </form>
  );
}
