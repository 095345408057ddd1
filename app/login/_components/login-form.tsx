"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormSubmit, fieldErrors, keptValues } from "@/components/ui/form-feedback";
import { login } from "@/lib/auth/actions";

export function LoginForm({ next }: { next?: string }) {
  const t = useTranslations("login");
  const [state, action, pending] = useActionState(login, undefined);
  const errors = fieldErrors(state);
  return (
    <form action={action} className="form" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field
        id="mobile"
        label={t("mobile")}
        type="tel"
        inputMode="tel"
        autoComplete="username"
        placeholder={t("mobileHint")}
        defaultValue={keptValues(state).mobile}
        required
        errors={errors.mobile}
      />
      <Field id="password" label={t("password")} type="password" autoComplete="current-password" required errors={errors.password} />
      <FormSubmit state={state} pending={pending} label={t("submit")} pendingLabel={t("pending")} alert />
    </form>
  );
}
