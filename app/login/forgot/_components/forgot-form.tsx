"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { requestReset } from "@/lib/actions/password";
import { Field } from "@/components/ui/field";
import { FormSubmit, fieldErrors, keptValues } from "@/components/ui/form-feedback";

export function ForgotForm() {
  const t = useTranslations("account.forgot");
  const [state, action, pending] = useActionState(requestReset, undefined);
  const errors = fieldErrors(state);
  const typed = keptValues(state).mobile;
  return (
    <form action={action} className="form" noValidate>
      <Field
        id="forgot-mobile"
        name="mobile"
        label={t("mobile")}
        type="tel"
        inputMode="tel"
        autoComplete="username"
        placeholder={t("mobileHint")}
        defaultValue={typed}
        required
        errors={errors.mobile}
      />
      <FormSubmit state={state} pending={pending} label={t("submit")} pendingLabel={t("pending")} />
    </form>
  );
}
