"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { resetPassword } from "@/lib/actions/accounts";
import { FieldError, FormMessage, fieldErrors } from "./form-feedback";

export function ResetPasswordForm({ accountId, minPassword }: { accountId: number; minPassword: number }) {
  const t = useTranslations("admin.form");
  const [state, action, pending] = useActionState(resetPassword, undefined);
  const errors = fieldErrors(state);
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="accountId" value={accountId} />
      <div className="field">
        <label htmlFor="reset-password">{t("newPassword")}</label>
        <input
          id="reset-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={minPassword}
          maxLength={200}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={["reset-password-hint", errors.password ? "reset-password-error" : ""].join(" ").trim()}
        />
        <p id="reset-password-hint" className="muted small">
          {t("passwordHint", { min: minPassword })}
        </p>
        <FieldError id="reset-password-error" errors={errors.password} />
      </div>
      <FormMessage state={state} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("resetting") : t("reset")}
      </button>
    </form>
  );
}
