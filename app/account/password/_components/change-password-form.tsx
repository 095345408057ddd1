"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changePassword } from "@/lib/actions/password";
import { FieldError, FormMessage, fieldErrors } from "@/app/admin/accounts/_components/form-feedback";

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
      {FIELDS.map((f) => {
        const described = [f.name === "password" ? "password-hint" : "", errors[f.name] ? `${f.name}-error` : ""].join(" ").trim();
        return (
          <div className="field" key={f.name}>
            <label htmlFor={`pw-${f.name}`}>{t(f.label)}</label>
            <input
              id={`pw-${f.name}`}
              name={f.name}
              type="password"
              autoComplete={f.autoComplete}
              required
              maxLength={200}
              aria-invalid={errors[f.name] ? true : undefined}
              aria-describedby={described || undefined}
            />
            {f.name === "password" ? (
              <p id="password-hint" className="muted small">
                {t("hint", { min: minPassword })}
              </p>
            ) : null}
            <FieldError id={`${f.name}-error`} errors={errors[f.name]} />
          </div>
        );
      })}
      <FormMessage state={state} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
