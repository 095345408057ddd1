"use server";

import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { changeOwnPassword, loginOf, requestPasswordReset } from "@/lib/accounts/passwords";
import type { FormState } from "@/lib/actions/result";
import { runAction, type Texts } from "@/lib/actions/pipeline";
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

async function texts(): Promise<Texts> {
  const t = await getTranslations("account.errors");
  const params = { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH, minutes: LOGIN_WINDOW_MINUTES };
  return { field: (code) => (t.has(code) ? t(code, params) : t("failed")), check: t("check"), denied: t("failed"), failed: t("failed") };
}

/** One's own new password: checks the current one, then signs this browser in again with the new one. */
export async function changePassword(_prev: FormState, formData: FormData): Promise<FormState> {
  const current = await getAccountForPasswordChange();
  if (!current) redirect("/login");
  const accountId = current.viewer.accountId;
  const outcome = await runAction(
    {
      name: "account.changePassword",
      schema: changePasswordSchema,
      texts,
      keep: [], // passwords only: nothing is shown again
      run: async (input, refuse) => {
        const result = await changeOwnPassword(accountId, input, await requestAddress());
        if (result.ok) return result;
        if (result.message === "rate_limited") return refuse.with((await texts()).field("rate_limited"), { code: "rate_limited" });
        return refuse.fields(result.errors);
      },
    },
    formData,
  );
  if (!outcome.ok) return outcome;
  // Every session of the account ended with the change (this one too): a fresh one for this browser.
  const mobile = await loginOf(accountId);
  if (mobile) await signIn("credentials", { mobile, password: outcome.input.password, redirectTo: "/" });
  redirect("/login");
}

/** "Forgot password": the same answer whether or not the number has an account. */
export async function requestReset(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("account.errors");
  const outcome = await runAction(
    {
      name: "account.requestReset",
      schema: resetRequestSchema,
      // Any refusal of the number is the one sentence: not a valid mobile.
      texts: async () => ({ ...(await texts()), field: () => t("mobile_invalid"), check: "" }),
      keep: ["mobile"],
      run: async (input, refuse) => {
        const result = await requestPasswordReset(input.mobile, await requestAddress());
        return result.ok ? result : refuse.with(t("rate_limited", { minutes: 60 }), { code: "rate_limited" });
      },
    },
    formData,
  );
  if (!outcome.ok) return outcome;
  return { ok: true, message: (await getTranslations("account.forgot"))("sent") };
}
