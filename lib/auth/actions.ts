"use server";

import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { databaseTroubleMessage, runAction, type Texts } from "@/lib/actions/pipeline";
import type { FormState } from "@/lib/actions/result";
import { log } from "@/lib/log";
import { normaliseMobile } from "@/lib/people/phone";
import { auth, signIn, signOut } from "./config";
import { revokeSession } from "./login";
import { LOGIN_WINDOW_MINUTES, MAX_NEXT_LENGTH } from "./limits";

const loginSchema = z.object({
  mobile: z.string().trim().max(40),
  password: z.string().max(200),
  next: z.string().max(MAX_NEXT_LENGTH).optional(),
});

function safeNext(next: string | undefined): string {
  // Only same-site paths: "//evil.example" and "https://…" are refused.
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

export async function login(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("login");
  const texts = async (): Promise<Texts> => ({ field: () => t("failed"), check: t("failed"), denied: t("failed"), failed: t("failed") });
  const outcome = await runAction(
    {
      name: "login",
      schema: loginSchema,
      texts,
      keep: ["mobile"],
      run: async ({ mobile, password, next }, refuse) => {
        const errors: Record<string, string[]> = {};
        if (!normaliseMobile(mobile)) errors.mobile = [t("invalidMobile")];
        if (password.length === 0) errors.password = [t("passwordRequired")];
        if (errors.mobile || errors.password) return refuse.with("", { errors });
        try {
          await signIn("credentials", { mobile, password, redirectTo: safeNext(next) });
        } catch (error) {
          if (!(error instanceof AuthError)) throw error; // the success redirect arrives as a thrown NEXT_REDIRECT
          const code = (error as AuthError & { code?: string }).code;
          if (code === "rate_limited") return refuse.with(t("rateLimited", { minutes: LOGIN_WINDOW_MINUTES }), { code });
          if (error.type === "CredentialsSignin") return refuse.with(t("invalid"), { code: "invalid" });
          // The database busy or not answering (next-auth wraps what authorize() threw): said so, not "failed".
          const trouble = await databaseTroubleMessage(error);
          if (trouble) return refuse.with(trouble.message, { code: trouble.code });
          await log.error("login.failed", error, { type: error.type });
          return refuse.with(t("failed"), { code: "failed" });
        }
        return null;
      },
    },
    formData,
  );
  return outcome.ok ? undefined : outcome;
}

export async function logout() {
  // A copied cookie must not outlive logout: this session's id is revoked on the server.
  const session = await auth();
  await revokeSession((session as { sid?: string } | null)?.sid ?? "");
  await signOut({ redirectTo: "/login" });
}
