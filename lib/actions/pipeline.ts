import "server-only";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { databaseTrouble } from "@/db/errors";
import { Denied } from "@/lib/auth/guard";
import { log } from "@/lib/log";
import type { ActionResult } from "./result";

/**
 * The one way a server action runs: parse the form with zod, call the service (which checks the
 * grants itself and writes its audit row), and answer in the one result shape with sentences in
 * the user's language. A refused form comes back with what was typed (never a password); a grant
 * refusal (Denied) gets the action's own sentence; a database that is busy or does not answer gets
 * its own sentence (try again in a moment); anything unexpected is logged through the app's
 * logger and answered with the action's "failed" sentence, never swallowed.
 */
export type Failure = Extract<ActionResult, { ok: false }>;

export type Texts = {
  /** A field's code ("required", "mobile_invalid"…) as a sentence. */
  field: (code: string) => string;
  /** The form-level sentence when fields are refused. */
  check: string;
  denied: string;
  failed: string;
};

export type ActionSpec<I, O> = {
  /** Names the action in the log. */
  name: string;
  schema: z.ZodType<I>;
  texts: () => Promise<Texts>;
  /** Fields a refused form shows again (never a password). */
  keep: readonly string[];
  /** The service call: returns its value, or a refusal made with `refuse`. Throws Denied when the grants say no. */
  run: (input: I, refuse: Refuse) => Promise<O | Failure> | O | Failure;
};

export type Refuse = {
  /** Field codes from a service, translated like zod's. */
  fields: (fields: Record<string, string[]>, message?: string) => Failure;
  /** A form-level refusal with its own sentence (and, optionally, field sentences already worded). */
  with: (message: string, extra?: Partial<Omit<Failure, "ok" | "message">>) => Failure;
};

export function zodFields(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) (fields[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return fields;
}

export function keptValues(formData: FormData, keep: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of keep) {
    const v = formData.get(key);
    if (typeof v === "string") values[key] = v.slice(0, 300);
  }
  return values;
}

function isFailure(value: unknown): value is Failure {
  return typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false && "errors" in value;
}

/** Parse → service → one result shape. The caller redirects or answers on success. */
export async function runAction<I, O>(spec: ActionSpec<I, O>, formData: FormData): Promise<{ ok: true; value: O; input: I } | Failure> {
  const texts = await spec.texts();
  const values = keptValues(formData, spec.keep);
  const translate = (fields: Record<string, string[]>) =>
    Object.fromEntries(Object.entries(fields).map(([field, codes]) => [field, codes.map(texts.field)]));
  const refuse: Refuse = {
    fields: (fields, message = texts.check) => ({ ok: false, errors: translate(fields), message, values }),
    with: (message, extra = {}) => ({ ok: false, errors: {}, ...extra, message, values }),
  };
  const parsed = spec.schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return refuse.fields(zodFields(parsed.error));
  try {
    const value = await spec.run(parsed.data, refuse);
    return isFailure(value) ? value : { ok: true, value, input: parsed.data };
  } catch (error) {
    if (error instanceof Denied) return refuse.with(texts.denied, { code: "denied" });
    if (isNextControlFlow(error)) throw error;
    const trouble = await databaseTroubleMessage(error);
    if (trouble) {
      await log.warn("action.database", { action: spec.name, trouble: trouble.code });
      return refuse.with(trouble.message, { code: trouble.code });
    }
    await log.error("action.failed", error, { action: spec.name });
    return refuse.with(texts.failed, { code: "failed" });
  }
}

/**
 * The user's sentence for an error that means the database was busy (a write waited its bounded
 * time for the writer lock) or did not answer, or null for any other error. For actions that
 * answer in their own shape (imports, login).
 */
export async function databaseTroubleMessage(error: unknown): Promise<{ code: "database_busy" | "database_unreachable"; message: string } | null> {
  const trouble = databaseTrouble(error);
  if (!trouble) return null;
  const t = await getTranslations("database");
  return { code: `database_${trouble}`, message: t(trouble) };
}

// redirect() and notFound() arrive as thrown errors that Next must see.
function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "DYNAMIC_SERVER_USAGE");
}

/** A code the texts know, or "invalid". */
export function knownOr(codes: ReadonlySet<string>, code: string): string {
  return codes.has(code) ? code : "invalid";
}

/**
 * For plain form posts that answer by redirecting with a code the page words itself
 * (/admin/requests?done=…, the seat page's ?denied=1): fields and refusals stay codes.
 */
export async function codeTexts(): Promise<Texts> {
  return { field: (code) => code, check: "invalid", denied: "denied", failed: "failed" };
}
