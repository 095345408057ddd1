import type { FormState } from "@/lib/actions/result";

export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages || messages.length === 0) return <span id={id} hidden />;
  return (
    <p id={id} className="field-error">
      {messages[0]}
    </p>
  );
}

/** The form-level outcome, announced to screen readers as it changes. */
export function FormMessage({ state }: { state: FormState }) {
  const message = state?.message ?? "";
  return (
    <p className={state && !state.ok ? "form-message" : "form-message ok"} role="status" aria-live="polite">
      {message}
    </p>
  );
}
