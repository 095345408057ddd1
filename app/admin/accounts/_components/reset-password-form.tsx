"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormSubmit, fieldErrors } from "@/components/ui/form-feedback";
import { resetPassword } from "@/lib/actions/accounts";
import { NewPasswordField } from "./new-password-field";

export function ResetPasswordForm({ accountId, minPassword }: { accountId: number; minPassword: number }) {
  const t = useTranslations("admin.form");
  const [state, action, pending] = useActionState(resetPassword, undefined);
  const errors = fieldErrors(state);
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="accountId" value={accountId} />
      <NewPasswordField id="reset-password" label={t("newPassword")} minPassword={minPassword} errors={errors.password} />
      <FormSubmit state={state} pending={pending} label={t("reset")} pendingLabel={t("resetting")} />
    </form>
  );
}
