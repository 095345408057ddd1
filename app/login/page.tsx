import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getAccountForPasswordChange } from "@/lib/auth/session";
import { LoginForm } from "./_components/login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const current = await getAccountForPasswordChange();
  if (current) redirect(current.mustChangePassword ? "/account/password" : "/");
  const [{ next }, t] = await Promise.all([searchParams, getTranslations()]);
  const labels = {
    mobile: t("login.mobile"),
    mobileHint: t("login.mobileHint"),
    password: t("login.password"),
    submit: t("login.submit"),
    pending: t("login.pending"),
  };
  return (
    <div className="login">
      <h1>{t("login.title")}</h1>
      <p className="muted">{t("app.tagline")}</p>
      <LoginForm next={typeof next === "string" ? next : undefined} labels={labels} />
      <p>
        <a href="/login/forgot" className="tap-link">
          {t("account.forgot.link")}
        </a>
      </p>
    </div>
  );
}
