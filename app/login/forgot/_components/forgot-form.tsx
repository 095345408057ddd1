"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { requestReset } from "@/lib/actions/password";
import { FieldError, FormMessage, fieldErrors } from "@/app/admin/accounts/_components/form-feedback";

export function ForgotForm() {
  const t = useTranslations("account.forgot");
  const [state, action, pending] = useActionState(requestReset, undefined);
  const errors = fieldErrors(state);
  const typed = state && !state.ok ? state.values?.mobile : undefined;
  return (
    <form action={action} className="form" noValidate>
      <div className="field">
        <label htmlFor="forgot-mobile">{t("mobile")}</label>
        <input
          id="forgot-mobile"
          name="mobile"
          type="tel"
          inputMode="tel"
          autoComplete="username"
          placeholder={t("mobileHint")}
          defaultValue={typed}
          required
          aria-invalid={errors.mobile ? true : undefined}
          aria-describedby={errors.mobile ? "forgot-mobile-error" : undefined}
        />
        <FieldError id="forgot-mobile-error" errors={errors.mobile} />
      </div>
      <FormMessage state={state} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
