import type { ReactNode } from "react";
import type { FormState } from "@/lib/actions/result";

/**
 * The one feedback module every form uses: the field's error (always rendered, so the input's
 * aria-describedby points at something), the form's live region, and the state's errors and
 * kept values.
 */
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages || messages.length === 0) return <span id={id} hidden />;
  return (
    <p id={id} className="field-error">
      {messages[0]}
    </p>
  );
}

/** The form's one live region: the refusal or the confirmation, read out when it changes. */
export function FormMessage({ state, alert = false }: { state: FormState; alert?: boolean }) {
  return (
    <p className={state?.ok ? "notice" : "form-message"} role={alert ? "alert" : "status"} aria-live="polite">
      {state?.message ?? ""}
    </p>
  );
}

/** The end of a form: its live region, then the submit button, which says so while the action runs. */
export function FormSubmit({
  state,
  pending,
  label,
  pendingLabel,
  alert,
  secondary = false,
}: {
  state: FormState;
  pending: boolean;
  label: ReactNode;
  pendingLabel: ReactNode;
  alert?: boolean;
  secondary?: boolean;
}) {
  return (
    <>
      <FormMessage state={state} alert={alert} />
      <button type="submit" className={secondary ? "button button-secondary" : "button"} disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
    </>
  );
}

export function fieldErrors(state: FormState): Record<string, string[]> {
  return state && !state.ok ? state.errors : {};
}

/** What the user typed before a refusal (never a password), to fill the form again. */
export function keptValues(state: FormState): Record<string, string> {
  return state && !state.ok ? (state.values ?? {}) : {};
}
