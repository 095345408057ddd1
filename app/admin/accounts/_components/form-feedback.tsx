import type { FormState } from "@/lib/actions/result";

/** The form's one live region: the refusal or the confirmation, read out when it changes. */
export function FormMessage({ state }: { state: FormState }) {
  return (
    <p className={state?.ok ? "notice" : "form-message"} role="status" aria-live="polite">
      {state?.message ?? ""}
    </p>
  );
}

export function fieldErrors(state: FormState): Record<string, string[]> {
  return state && !state.ok ? state.errors : {};
}

/** What the user typed before a refusal (never a password), to fill the form again. */
export function keptValues(state: FormState): Record<string, string> {
  if (!state || state.ok) return {};
  const detail = state.detail as { values?: Record<string, string> } | undefined;
  return detail?.values ?? {};
}

export function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
  return errors?.length ? (
    <p id={id} className="field-error">
      {errors[0]}
    </p>
  ) : null;
}
