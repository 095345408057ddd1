import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { logout } from "@/lib/auth/actions";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { getAccountForPasswordChange } from "@/lib/auth/session";
import { ChangePasswordForm } from "./_components/change-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.password");
  return { title: t("title") };
}

/** One's own password; the only page an account reaches while it must choose a new one. */
export default async function ChangePasswordPage() {
  const current = await getAccountForPasswordChange();
  if (!current) redirect("/login?next=/account/password");
  const [t, messages] = await Promise.all([getTranslations(), getMessages()]);
  const account = messages.account as AbstractIntlMessages;
  return (
    <div className="login">
      <h1>{t("account.password.title")}</h1>
      {current.mustChangePassword ? (
        <p className="notice" role="status">
          {t("account.password.mustChange")}
        </p>
      ) : null}
      <NextIntlClientProvider messages={{ account: { password: account.password } }}>
        <ChangePasswordForm minPassword={MIN_PASSWORD_LENGTH} />
      </NextIntlClientProvider>
      {current.mustChangePassword ? (
        // The header shows no account links until the new password is chosen: the way out is here.
        <form action={logout} data-logout="true">
          {/* A logout sent offline deletes this phone's saved pages (components/offline, lib/offline/sw.ts). */}
          <input type="hidden" name="offline-logout" value="1" />
          <button type="submit" className="link-button">
            {t("app.logout")}
          </button>
        </form>
      ) : null}
    </div>
  );
}
