"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { login } from "@/lib/auth/actions";

export function LoginForm({ next }: { next?: string }) {
  const t = useTranslations("login");
  const [state, action, pending] = useActionState(login, undefined);
  return (
    <form action={action} className="form" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <div className="field">
        <label htmlFor="mobile">{t("mobile")}</label>
        <input
          id="mobile"
          name="mobile"
          type="tel"
          inputMode="tel"
          autoComplete="username"
          placeholder={t("mobileHint")}
          defaultValue={state?.mobile}
          required
          aria-invalid={state?.errors?.mobile ? true : undefined}
          aria-describedby={state?.errors?.mobile ? "mobile-error" : undefined}
        />
        {state?.errors?.mobile ? (
          <p id="mobile-error" className="field-error">
            {state.errors.mobile[0]}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="password">{t("password")}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={state?.errors?.password ? true : undefined}
          aria-describedby={state?.errors?.password ? "password-error" : undefined}
        />
        {state?.errors?.password ? (
          <p id="password-error" className="field-error">
            {state.errors.password[0]}
          </p>
        ) : null}
      </div>
      <p className="form-message" role="alert" aria-live="polite">
        {state?.message ?? ""}
      </p>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
