"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormSubmit, fieldErrors, keptValues } from "@/components/ui/form-feedback";
import { login } from "@/lib/auth/actions";

type Labels = Record<"mobile" | "mobileHint" | "password" | "submit" | "pending", string>;

/** The login form. Its words come from the server page: the login page ships no translation runtime. */
export function LoginForm({ next, labels }: { next?: string; labels: Labels }) {
  const [state, action, pending] = useActionState(login, undefined);
  const errors = fieldErrors(state);
  return (
    <form action={action} className="form" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field
        id="mobile"
        label={labels.mobile}
        type="tel"
        inputMode="tel"
        autoComplete="username"
        placeholder={labels.mobileHint}
        defaultValue={keptValues(state).mobile}
        required
        errors={errors.mobile}
      />
      <Field id="password" label={labels.password} type="password" autoComplete="current-password" required errors={errors.password} />
      <FormSubmit state={state} pending={pending} label={labels.submit} pendingLabel={labels.pending} alert />
    </form>
  );
}
