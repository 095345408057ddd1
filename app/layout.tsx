import "@fontsource-variable/noto-sans-devanagari/wght.css";
import "./globals.css";
import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { HydrationMarker } from "@/components/hydration-marker";
import { OfflineBanner } from "@/components/offline/offline-banner";
import { OfflineClient } from "@/components/offline/offline-client";
import { databaseTrouble, markRequestUnavailable } from "@/db/errors";
import { getOfflineKey } from "@/lib/auth/session";
import { DatabaseTrouble } from "@/components/database-trouble";
import { SiteHeader } from "@/components/site-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#b45309" };

/**
 * The session's offline key, or "unavailable" when the database is busy or does not answer: the
 * session can't be checked, which is not the same as no session (that would show a logged-out page
 * and make the offline worker forget the account's saved pages).
 */
async function offlineKeyOrTrouble(): Promise<string | null | "unavailable"> {
  try {
    return await getOfflineKey();
  } catch (error) {
    if (!databaseTrouble(error)) throw error;
    markRequestUnavailable();
    return "unavailable";
  }
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const [t, to, offlineKey] = await Promise.all([getTranslations("app"), getTranslations("offline"), offlineKeyOrTrouble()]);
  if (offlineKey === "unavailable") {
    // The page itself is not rendered (it would ask the database too); no offline-key meta: the
    // worker learns nothing from this page and keeps what it saved. scripts/serve.mjs sends it as 503.
    return (
      <html lang={locale}>
        <body>
          <DatabaseTrouble />
        </body>
      </html>
    );
  }
  return (
    <html lang={locale}>
      <body>
        {/* Whose session this page was rendered for: the offline worker keeps copies under it (lib/offline/sw.ts).
            "none": rendered for no session (logged out, session ended), the one sign that deletes them. */}
        <meta name="offline-key" content={offlineKey ?? "none"} />
        <a className="skip-link" href="#main">
          {t("skip")}
        </a>
        <SiteHeader />
        <OfflineBanner template={to("banner", { time: "{time}" })} />
        <main id="main" className="page">
          {children}
        </main>
        <HydrationMarker />
        <OfflineClient
          accountKey={offlineKey}
          texts={{ notSaved: to("notSaved"), notSent: to("notSent"), loggedOutOffline: to("loggedOutOffline"), dismiss: to("dismiss") }}
        />
      </body>
    </html>
  );
}
