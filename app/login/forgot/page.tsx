import type { Metadata } from "next";
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { ForgotForm } from "./_components/forgot-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.forgot");
  return { title: t("title") };
}

/** "Forgot password": a request to the admins of the account's area; no login needed. */
export default async function ForgotPasswordPage() {
  const [t, messages] = await Promise.all([getTranslations("account.forgot"), getMessages()]);
  const account = messages.account as AbstractIntlMessages;
  return (
    <div className="login">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <NextIntlClientProvider messages={{ account: { forgot: account.forgot } }}>
        <ForgotForm />
      </NextIntlClientProvider>
      <p>
        <a href="/login" className="tap-link">
          {t("back")}
        </a>
      </p>
    </div>
  );
}
