"use server";

import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { changeOwnPassword, loginOf, requestPasswordReset } from "@/lib/accounts/passwords";
import type { FormState } from "@/lib/actions/result";
import { signIn } from "@/lib/auth/config";
import { LOGIN_WINDOW_MINUTES } from "@/lib/auth/limits";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { MAX_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { getAccountForPasswordChange } from "@/lib/auth/session";
import { changePasswordSchema, resetRequestSchema } from "@/lib/validation/accounts";

// The client's address as the login reads it (lib/auth/config.ts), for the same limits.
// The connection's address (or a trusted proxy's view of it): never the client's own header.
async function requestAddress(): Promise<string> {
  return clientAddress((await headers()).get("x-forwarded-for"));
}

async function sayer() {
  const t = await getTranslations("account.errors");
  const params = { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH, minutes: LOGIN_WINDOW_MINUTES };
  return { t, say: (code: string, minutes = LOGIN_WINDOW_MINUTES) => (t.has(code) ? t(code, { ...params, minutes }) : t("failed")) };
}

function issuesOf(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) (errors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return errors;
}

/** One's own new password: checks the current one, then signs this browser in again with the new one. */
export async function changePassword(_prev: FormState, formData: FormData): Promise<FormState> {
  const current = await getAccountForPasswordChange();
  if (!current) redirect("/login");
  const { t, say } = await sayer();
  const translate = (errors: Record<string, string[]>) => Object.fromEntries(Object.entries(errors).map(([f, codes]) => [f, codes.map(say)]));

  const parsed = changePasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, errors: translate(issuesOf(parsed.error.issues)), message: t("check") };
  const accountId = current.viewer.accountId;
  let result;
  try {
    result = await changeOwnPassword(accountId, parsed.data, await requestAddress());
  } catch (error) {
    console.error("password change failed", error);
    return { ok: false, errors: {}, message: t("failed") };
  }
  if (!result.ok) {
    if (result.message === "rate_limited") return { ok: false, errors: {}, message: say("rate_limited") };
    return { ok: false, errors: translate(result.errors), message: t("check") };
  }
  // Every session of the account ended with the change (this one too): a fresh one for this browser.
  const mobile = loginOf(accountId);
  if (mobile) await signIn("credentials", { mobile, password: parsed.data.password, redirectTo: "/" });
  redirect("/login");
}

/** "Forgot password": the same answer whether or not the number has an account. */
export async function requestReset(_prev: FormState, formData: FormData): Promise<FormState> {
  const { say } = await sayer();
  const tf = await getTranslations("account.forgot");
  const parsed = resetRequestSchema.safeParse({ mobile: formData.get("mobile") ?? "" });
  if (!parsed.success) {
    return { ok: false, errors: { mobile: [say("mobile_invalid")] }, message: "", values: { mobile: String(formData.get("mobile") ?? "").slice(0, 40) } };
  }
  const result = requestPasswordReset(parsed.data.mobile, await requestAddress());
  if (!result.ok) return { ok: false, errors: {}, message: say("rate_limited", 60) };
  return { ok: true, message: tf("sent") };
}
