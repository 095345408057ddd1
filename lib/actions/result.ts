/** The one shape every server action returns; forms show it with useActionState and aria-live. */
export type ActionResult<T = undefined> =
  | ({ ok: true; message?: string } & (T extends undefined ? unknown : { data: T }))
  | {
      ok: false;
      errors: Record<string, string[]>;
      message: string;
      code?: string;
      detail?: unknown;
      // What the user typed, so a refused form comes back filled in (React resets forms after an action).
      values?: Record<string, string>;
    };

export type FormState<T = undefined> = ActionResult<T> | undefined;
