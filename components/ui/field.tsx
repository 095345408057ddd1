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
  const ids = { id, hint, errors, errorId, hintId };
  return (
    <FieldShell {...ids} label={label} after={after}>
      <input id={id} name={id} {...input} {...described(ids, input["aria-describedby"])} />
    </FieldShell>
  );
}

/** The same for a <select>: its options are the children. */
export function SelectField({ id, label, hint, errors, after, children, errorId = `${id}-error`, hintId = `${id}-hint`, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const ids = { id, hint, errors, errorId, hintId };
  return (
    <FieldShell {...ids} label={label} after={after}>
      <select id={id} name={id} {...select} {...described(ids, select["aria-describedby"])}>
        {children}
      </select>
    </FieldShell>
  );
}

type Ids = Pick<Common, "id" | "hint" | "errors"> & { errorId: string; hintId: string };

/** Label, the control, hint, error, and what comes after: the markup every field shares. */
function FieldShell({ id, label, hint, errors, after, errorId, hintId, children }: Ids & Pick<Common, "label" | "after"> & { children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
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

function described({ hint, errors, errorId, hintId }: Ids, extra: string | undefined) {
  return {
    "aria-describedby": [hint ? hintId : undefined, errorId, extra].filter(Boolean).join(" "),
    "aria-invalid": errors?.length ? true : undefined,
  };
}
