import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { requireViewer } from "@/lib/auth/session";
import { getManagedAccount, listAdminUnits, listGrantBodies } from "@/lib/data/accounts";
import { localName } from "@/lib/i18n/names";
import { formatMobile } from "@/lib/people/phone";
import { AccountStatusForm } from "../_components/account-status-form";
import { AddGrantForm } from "../_components/add-grant-form";
import { grantLabel, grantOptions } from "../_components/grant-labels";
import { GrantList } from "../_components/grant-list";
import { ResetPasswordForm } from "../_components/reset-password-form";
import { isRowIdText } from "@/lib/validation/row-id";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function load(params: Params) {
  const viewer = await requireViewer();
  const raw = (await params).id;
  const account = isRowIdText(raw) ? await getManagedAccount(viewer, Number(raw)) : null;
  const units = await listAdminUnits(viewer);
  if (!account || !units) notFound();
  return { viewer, account, units };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { account } = await load(params);
  return { title: account.displayName };
}

export default async function AccountPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ viewer, account, units }, query, t, locale, messages] = await Promise.all([
    load(params),
    searchParams,
    getTranslations(),
    getLocale(),
    getMessages(),
  ]);
  const name = account.nameHi && account.nameEn ? localName(locale, { nameHi: account.nameHi, nameEn: account.nameEn }) : account.displayName;
  const options = grantOptions(t, locale, units, await listGrantBodies(viewer));
  const grants = account.grants.map((g) => ({
    id: g.id,
    label: grantLabel(t, locale, g),
    removable: g.removable,
    note: g.removable ? null : account.isSelf && g.role === "admin" ? t("admin.form.lastAdmin") : t("admin.form.outside"),
  }));

  return (
    <>
      <p>
        <a href="/admin/accounts">{t("admin.accounts.back")}</a>
      </p>
      <h1>
        {name} {account.disabled ? <span className="level-tag">{t("admin.accounts.disabled")}</span> : null}
      </h1>
      <p className="muted">
        {t("admin.accounts.login", { mobile: formatMobile(account.login) })}
        {account.personId !== null ? (
          <>
            {" · "}
            <a href={`/people/${account.personId}`}>{t("admin.accounts.person")}</a>
          </>
        ) : null}
      </p>
      {query.created === "1" ? (
        <p className="notice" role="status">
          {t("admin.accounts.created")}
        </p>
      ) : null}
      {account.isSelf ? <p className="muted">{t("admin.accounts.self")}</p> : null}

      <NextIntlClientProvider messages={{ admin: { form: (messages.admin as AbstractIntlMessages).form } }}>
        <section aria-labelledby="grants-heading">
          <h2 id="grants-heading">{t("admin.accounts.grants")}</h2>
          <GrantList grants={grants} emptyText={t("admin.accounts.noGrants")} />
        </section>

        <section aria-labelledby="add-grant-heading" className="card">
          <h2 id="add-grant-heading">{t("admin.accounts.addGrant")}</h2>
          <AddGrantForm accountId={account.id} {...options} />
        </section>

        <section aria-labelledby="password-heading">
          <h2 id="password-heading">{t("admin.accounts.password")}</h2>
          <ResetPasswordForm accountId={account.id} minPassword={MIN_PASSWORD_LENGTH} />
        </section>

        <section aria-labelledby="status-heading">
          <h2 id="status-heading">{t("admin.accounts.status")}</h2>
          <p>{account.disabled ? t("admin.accounts.statusDisabled") : t("admin.accounts.statusActive")}</p>
          {account.isSelf ? (
            <p className="muted small">{t("admin.accounts.cannotDisableSelf")}</p>
          ) : (
            <AccountStatusForm accountId={account.id} disabled={account.disabled} />
          )}
        </section>
      </NextIntlClientProvider>
    </>
  );
}
