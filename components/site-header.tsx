import { getLocale, getTranslations } from "next-intl/server";
import { logout } from "@/lib/auth/actions";
import { getViewer } from "@/lib/auth/session";
import { countOpenRequests } from "@/lib/access/requests";
import { setLocale } from "@/lib/i18n/actions";
import { LEVELS } from "@/lib/tree";
import { HeaderSearch } from "./header-search";

export async function SiteHeader() {
  const [t, ts, tl, tacc, locale, viewer] = await Promise.all([
    getTranslations("app"),
    getTranslations("search"),
    getTranslations("levels"),
    getTranslations("account"),
    getLocale(),
    getViewer(),
  ]);
  const other = locale === "hi" ? "en" : "hi";
  const isAdmin = !!viewer?.grants.some((g) => g.role === "admin");
  const ta = isAdmin ? await getTranslations("access") : null;
  const open = isAdmin && viewer ? await countOpenRequests(viewer) : 0;
  return (
    <header className="site-header">
      <a href="/" className="brand">
        {t("name")}
      </a>
      {viewer ? (
        <HeaderSearch
          locale={locale}
          levels={Object.fromEntries(LEVELS.map((l) => [l, tl(l)]))}
          labels={{ label: ts("label"), placeholder: ts("placeholder"), submit: ts("submit"), suggestions: ts("suggestions"), allResults: ts("allResults") }}
        />
      ) : null}
      <div className="header-actions">
        <form action={setLocale}>
          <input type="hidden" name="locale" value={other} />
          <button type="submit" className="link-button" lang={other} aria-label={`${t("language")}: ${t("switchTo")}`}>
            {t("switchTo")}
          </button>
        </form>
        {isAdmin ? (
          <nav aria-label={t("mainNav")} className="admin-nav">
            <a href="/admin/accounts">{t("accounts")}</a>
            <a href="/admin/audit">{t("audit")}</a>
            <a href="/admin/requests">{open > 0 ? ta?.("navCount", { count: open }) : ta?.("nav")}</a>
          </nav>
        ) : null}
        {viewer ? (
          <a href="/account/password" className="account-link">
            {tacc("menu")}
          </a>
        ) : null}
        {viewer ? (
          <form action={logout} data-logout="true">
            {/* A logout sent offline deletes this phone's saved pages (components/offline, lib/offline/sw.ts). */}
            <input type="hidden" name="offline-logout" value="1" />
            <span className="viewer-name">{viewer.name}</span>{" "}
            <button type="submit" className="link-button">
              {t("logout")}
            </button>
          </form>
        ) : null}
      </div>
    </header>
  );
}
