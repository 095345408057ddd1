"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import * as service from "@/lib/accounts/service";
import type { ActionResult, FormState } from "@/lib/actions/result";
import { Denied } from "@/lib/auth/guard";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { requireViewer, type Viewer } from "@/lib/auth/session";
import {
  addGrantSchema,
  createAccountSchema,
  MAX_PASSWORD_LENGTH,
  removeGrantSchema,
  resetPasswordSchema,
  setAccountDisabledSchema,
} from "@/lib/validation/accounts";

type Failure = Extract<ActionResult, { ok: false }>;
type DeniedKind = "create" | "grant" | "account";

// Fields a form may show again after a refusal; never the password.
const KEPT_FIELDS = ["mobile", "unitId", "otherUnitId", "role", "bodyId"];

function keptValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of KEPT_FIELDS) {
    const value = formData.get(name);
    if (typeof value === "string") values[name] = value.slice(0, 100);
  }
  return values;
}

/** Parses, checks the session, calls the service, and turns codes and refusals into sentences. */
async function perform<I, O extends object>(
  schema: z.ZodType<I>,
  formData: FormData,
  call: (viewer: Viewer, input: I) => service.ServiceResult<O>,
  deniedKind: DeniedKind,
): Promise<Failure | ({ ok: true } & O)> {
  const viewer = await requireViewer();
  const [t, ta] = await Promise.all([getTranslations("admin.errors"), getTranslations("account.errors")]);
  const params = { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH };
  // The password policy's codes (common, mobile) are worded with the account texts.
  const say = (code: string) => (t.has(code) ? t(code, params) : ta.has(code) ? ta(code, params) : t("invalid"));
  const fail = (errors: Record<string, string[]>, message: string): Failure => ({
    ok: false,
    errors: Object.fromEntries(Object.entries(errors).map(([field, codes]) => [field, codes.map(say)])),
    message,
    detail: { values: keptValues(formData) },
  });

  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (errors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    return fail(errors, t("check"));
  }
  try {
    const result = call(viewer, parsed.data);
    return result.ok ? result : fail(result.errors, t("check"));
  } catch (error) {
    if (error instanceof Denied) return fail({}, t(`denied_${deniedKind}`));
    console.error("account action failed", error);
    return fail({}, t("failed"));
  }
}

export async function createAccount(_prev: FormState, formData: FormData): Promise<FormState> {
  const outcome = await perform(createAccountSchema, formData, service.createAccount, "create");
  if (!outcome.ok) return outcome;
  revalidatePath("/admin", "layout");
  redirect(`/admin/accounts/${outcome.accountId}?created=1`);
}

// Account lists, account pages and the audit trail all change with any of these.
async function done(messageKey: string): Promise<FormState> {
  revalidatePath("/admin", "layout");
  const t = await getTranslations("admin.saved");
  return { ok: true, message: t(messageKey) };
}

export async function addGrant(_prev: FormState, formData: FormData): Promise<FormState> {
  const outcome = await perform(addGrantSchema, formData, service.addGrant, "grant");
  if (!outcome.ok) return outcome;
  return done("grantAdded");
}

export async function removeGrant(_prev: FormState, formData: FormData): Promise<FormState> {
  const outcome = await perform(removeGrantSchema, formData, service.removeGrant, "grant");
  if (!outcome.ok) return outcome;
  return done("grantRemoved");
}

export async function resetPassword(_prev: FormState, formData: FormData): Promise<FormState> {
  const outcome = await perform(resetPasswordSchema, formData, service.resetPassword, "account");
  if (!outcome.ok) return outcome;
  return done("passwordReset");
}

export async function setAccountDisabled(_prev: FormState, formData: FormData): Promise<FormState> {
  const outcome = await perform(setAccountDisabledSchema, formData, service.setAccountDisabled, "account");
  if (!outcome.ok) return outcome;
  return done(formData.get("disabled") === "true" ? "disabled" : "enabled");
}
