import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { FieldError } from "./form-feedback";

type Common = {
  id: string;
  label: ReactNode;
  /** A line under the input (format, example); read out with it. */
  hint?: ReactNode;
  /** The field's refusals from the action; the first is shown and read out. */
  errors?: string[];
  /** Anything after the error: a button offering an existing person, say. */
  after?: ReactNode;
  /** The error's and hint's element ids, when a page already names them otherwise ("<id>-error", "<id>-hint"). */
  errorId?: string;
  hintId?: string;
};

/**
 * One form field: label, input, hint and error, tied together with aria-describedby and
 * aria-invalid. The input's name defaults to its id (the names the actions read).
 */
export function Field({ id, label, hint, errors, after, errorId = `${id}-error`, hintId = `${id}-hint`, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={id} {...input} aria-describedby={describedBy(hint ? hintId : undefined, errorId, input["aria-describedby"])} aria-invalid={errors?.length ? true : undefined} />
      {hint ? (
        <p id={hintId} className="muted small">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} messages={errors} />
      {after}
    </div>
  );
}

/** The same for a <select>: its options are the children. */
export function SelectField({ id, label, hint, errors, after, children, errorId = `${id}-error`, hintId = `${id}-hint`, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={id} {...select} aria-describedby={describedBy(hint ? hintId : undefined, errorId, select["aria-describedby"])} aria-invalid={errors?.length ? true : undefined}>
        {children}
      </select>
      {hint ? (
        <p id={hintId} className="muted small">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} messages={errors} />
      {after}
    </div>
  );
}

function describedBy(hintId: string | undefined, errorId: string, extra: string | undefined): string {
  return [hintId, errorId, extra].filter(Boolean).join(" ");
}
