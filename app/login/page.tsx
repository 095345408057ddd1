import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { getAccountForPasswordChange } from "@/lib/auth/session";
import { LoginForm } from "./_components/login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const current = await getAccountForPasswordChange();
  if (current) redirect(current.mustChangePassword ? "/account/password" : "/");
  const [{ next }, t, messages] = await Promise.all([searchParams, getTranslations(), getMessages()]);
  return (
    <div className="login">
      <h1>{t("login.title")}</h1>
      <p className="muted">{t("app.tagline")}</p>
      <NextIntlClientProvider messages={{ login: messages.login }}>
        <LoginForm next={typeof next === "string" ? next : undefined} />
      </NextIntlClientProvider>
      <p>
        <Link href="/login/forgot" className="tap-link">
          {t("account.forgot.link")}
        </Link>
      </p>
    </div>
  );
}
