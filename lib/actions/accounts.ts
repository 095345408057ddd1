"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import * as service from "@/lib/accounts/service";
import type { FormState } from "@/lib/actions/result";
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
import { runAction, type Failure, type Texts } from "./pipeline";

type DeniedKind = "create" | "grant" | "account";

// Fields a form may show again after a refusal; never the password.
const KEEP = ["mobile", "unitId", "otherUnitId", "role", "bodyId"];

/** Parses, checks the session, calls the service, and turns codes and refusals into sentences (lib/actions/pipeline.ts). */
async function perform<I, O extends object>(
  name: string,
  schema: z.ZodType<I>,
  formData: FormData,
  call: (viewer: Viewer, input: I) => Promise<service.ServiceResult<O>>,
  deniedKind: DeniedKind,
): Promise<Failure | ({ ok: true } & O)> {
  const viewer = await requireViewer();
  const texts = async (): Promise<Texts> => {
    const [t, ta] = await Promise.all([getTranslations("admin.errors"), getTranslations("account.errors")]);
    const params = { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH };
    // The password policy's codes (common, mobile) are worded with the account texts.
    const field = (code: string) => (t.has(code) ? t(code, params) : ta.has(code) ? ta(code, params) : t("invalid"));
    return { field, check: t("check"), denied: t(`denied_${deniedKind}`), failed: t("failed") };
  };
  const outcome = await runAction(
    {
      name,
      schema,
      texts,
      keep: KEEP,
      run: async (input, refuse) => {
        const result = await call(viewer, input);
        return result.ok ? result : refuse.fields(result.errors);
      },
    },
    formData,
  );
  return outcome.ok ? outcome.value : outcome;
}

export async function createAccount(_prev: FormState, formData: FormData): Promise<FormState> {
  const outcome = await perform("account.create", createAccountSchema, formData, service.createAccount, "create");
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
  const outcome = await perform("grant.add", addGrantSchema, formData, service.addGrant, "grant");
  if (!outcome.ok) return outcome;
  return done("grantAdded");
}

export async function removeGrant(_prev: FormState, formData: FormData): Promise<FormState> {
  const outcome = await perform("grant.remove", removeGrantSchema, formData, service.removeGrant, "grant");
  if (!outcome.ok) return outcome;
  return done("grantRemoved");
}

export async function resetPassword(_prev: FormState, formData: FormData): Promise<FormState> {
  const outcome = await perform("account.resetPassword", resetPasswordSchema, formData, service.resetPassword, "account");
  if (!outcome.ok) return outcome;
  return done("passwordReset");
}

export async function setAccountDisabled(_prev: FormState, formData: FormData): Promise<FormState> {
  const outcome = await perform("account.setDisabled", setAccountDisabledSchema, formData, service.setAccountDisabled, "account");
  if (!outcome.ok) return outcome;
  return done(formData.get("disabled") === "true" ? "disabled" : "enabled");
}
