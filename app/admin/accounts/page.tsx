import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { requireViewer } from "@/lib/auth/session";
import { openResetRequests } from "@/lib/accounts/passwords";
import { listAdminUnits, listGrantBodies, listManageableAccounts } from "@/lib/data/accounts";
import { localName } from "@/lib/i18n/names";
import { formatMobile } from "@/lib/people/phone";
import { grantLabel, grantOptions } from "./_components/grant-labels";
import { NewAccountForm } from "./_components/new-account-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.accounts");
  return { title: t("title") };
}

export default async function AccountsPage() {
  const viewer = await requireViewer();
  const accounts = await listManageableAccounts(viewer);
  const units = await listAdminUnits(viewer);
  if (!accounts || !units) notFound();
  const [t, locale, messages] = await Promise.all([getTranslations(), getLocale(), getMessages()]);

  const options = grantOptions(t, locale, units, await listGrantBodies(viewer));
  const requests = (await openResetRequests(viewer)) ?? [];
  const when = new Intl.DateTimeFormat(locale === "hi" ? "hi-IN" : "en-IN", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Kolkata" });

  return (
    <>
      <h1>{t("admin.accounts.title")}</h1>
      <p>
        <a href="/admin/audit">{t("admin.accounts.auditLink")}</a>
      </p>

      {requests.length > 0 ? (
        <section aria-labelledby="reset-requests-heading" className="card">
          <h2 id="reset-requests-heading">{t("account.requests.title")}</h2>
          <p className="muted small">{t("account.requests.intro")}</p>
          <ul>
            {requests.map((r) => (
              <li key={r.requestId}>
                {t("account.requests.requested", { name: r.name, mobile: formatMobile(r.login), when: when.format(new Date(r.createdAt)) })}{" "}
                <a href={`/admin/accounts/${r.accountId}#password-heading`} className="tap-link">
                  {t("account.requests.reset")}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="new-account-heading" className="card">
        <h2 id="new-account-heading">{t("admin.accounts.new")}</h2>
        <p className="muted small">{t("admin.accounts.newIntro")}</p>
        <NextIntlClientProvider messages={{ admin: { form: (messages.admin as AbstractIntlMessages).form } }}>
          <NewAccountForm {...options} minPassword={MIN_PASSWORD_LENGTH} />
        </NextIntlClientProvider>
      </section>

      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">{t("admin.accounts.list", { count: accounts.length })}</h2>
        <p className="muted small">{t("admin.accounts.intro")}</p>
        {accounts.length === 0 ? (
          <p className="empty">{t("admin.accounts.none")}</p>
        ) : (
          <ul className="card-list">
            {accounts.map((a) => (
              <li key={a.id} className="card">
                <h3>
                  <a href={`/admin/accounts/${a.id}`}>
                    {a.nameHi && a.nameEn ? localName(locale, { nameHi: a.nameHi, nameEn: a.nameEn }) : a.displayName}
                  </a>{" "}
                  {a.disabled ? <span className="level-tag">{t("admin.accounts.disabled")}</span> : null}
                </h3>
                <p className="muted small">{t("admin.accounts.login", { mobile: formatMobile(a.login) })}</p>
                {a.grants.length === 0 ? (
                  <p className="small">{t("admin.accounts.noGrants")}</p>
                ) : (
                  <ul className="small">
                    {a.grants.map((g) => (
                      <li key={g.id}>{grantLabel(t, locale, g)}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
