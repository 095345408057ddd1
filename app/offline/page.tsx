import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/config";

// The page the offline worker (lib/offline/sw.ts) shows for what it has not saved, an offline
// search, or a form that could not be sent. It keeps a copy per language, fetched without cookies:
// nothing here belongs to an account. The worker serves it without scripts and shows one section.

type SearchParams = Promise<{ lang?: string }>;

async function texts(searchParams: SearchParams) {
  const { lang } = await searchParams;
  return getTranslations({ locale: isLocale(lang) ? lang : await getLocale(), namespace: "offline.page" });
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const t = await texts(searchParams);
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function OfflinePage({ searchParams }: { searchParams: SearchParams }) {
  const [t, { lang }] = await Promise.all([texts(searchParams), searchParams]);
  return (
    <div className="offline-page" lang={isLocale(lang) ? lang : undefined}>
      <section data-offline-mode="page" hidden>
        <h1>{t("title")}</h1>
        <p>{t("notSavedPage")}</p>
      </section>
      <section data-offline-mode="search" hidden>
        <h1>{t("searchTitle", { q: "{q}" })}</h1>
        <p className="notice">{t("searchNote")}</p>
        <div data-offline-results="true"></div>
        <p className="muted small offline-search-none">{t("searchNone")}</p>
      </section>
      <section data-offline-mode="post" hidden>
        <h1>{t("postTitle")}</h1>
        <p className="notice" role="alert">
          {t("postText")}
        </p>
      </section>
      <section data-offline-mode="logout" hidden>
        <h1>{t("logoutTitle")}</h1>
        <p className="notice" role="alert">
          {t("logoutText")}
        </p>
      </section>
      <p className="muted">{t("whatIsKept")}</p>
      <p>
        <a href="/" className="button button-secondary">
          {t("home")}
        </a>
      </p>
    </div>
  );
}
