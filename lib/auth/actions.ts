"use server";

import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { normaliseMobile } from "@/lib/people/phone";
import { auth, signIn, signOut } from "./config";
import { revokeSession } from "./login";
import { LOGIN_WINDOW_MINUTES } from "./limits";

export type LoginState = { errors?: { mobile?: string[]; password?: string[] }; message?: string; mobile?: string } | undefined;

const loginSchema = z.object({
  mobile: z.string().trim().max(40),
  password: z.string().max(200),
  next: z.string().max(500).optional(),
});

function safeNext(next: string | undefined): string {
  // Only same-site paths: "//evil.example" and "https://…" are refused.
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

export async function login(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const t = await getTranslations("login");
  const parsed = loginSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { message: t("failed") };
  const { mobile, password, next } = parsed.data;
  const errors: NonNullable<LoginState>["errors"] = {};
  if (!normaliseMobile(mobile)) errors.mobile = [t("invalidMobile")];
  if (password.length === 0) errors.password = [t("passwordRequired")];
  if (errors.mobile || errors.password) return { errors, mobile };

  try {
    await signIn("credentials", { mobile, password, redirectTo: safeNext(next) });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      if (code === "rate_limited") return { message: t("rateLimited", { minutes: LOGIN_WINDOW_MINUTES }), mobile };
      if (error.type === "CredentialsSignin") return { message: t("invalid"), mobile };
      console.error("login failed", error.type);
      return { message: t("failed"), mobile };
    }
    throw error; // the success redirect arrives as a thrown NEXT_REDIRECT
  }
  return undefined;
}

export async function logout() {
  // A copied cookie must not outlive logout: this session's id is revoked on the server.
  const session = await auth();
  revokeSession((session as { sid?: string } | null)?.sid ?? "");
  await signOut({ redirectTo: "/login" });
}
