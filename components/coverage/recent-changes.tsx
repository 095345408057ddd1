import { getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/auth/session";
import { rowSentence } from "@/lib/audit/sentence";
import { recentChanges } from "@/lib/coverage/recent";
import { formatDateTime, localName } from "@/lib/i18n/names";

const fileOf = (after: unknown): string =>
  after !== null && typeof after === "object" && typeof (after as { file?: unknown }).file === "string" ? (after as { file: string }).file : "";

/** The last 7 days' roster and structure changes in a unit's subtree, newest first, one sentence each. */
export async function RecentChanges({ viewer, unitId, locale }: { viewer: Viewer; unitId: number; locale: string }) {
  const rows = await recentChanges(viewer, unitId);
  if (!rows) return null;
  const t = await getTranslations();
  return (
    <section className="recent-changes" aria-labelledby={`recent-${unitId}`}>
      <h3 id={`recent-${unitId}`}>{t("drives.recent.title")}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t("drives.recent.empty")}</p>
      ) : (
        <ol className="recent-list">
          {rows.map((r) => (
            <li key={r.id}>
              <time dateTime={r.at} className="muted small">
                {formatDateTime(locale, r.at)}
              </time>
              <span>
                {r.inHere === undefined
                  ? rowSentence(r, locale, t)
                  : t("drives.recent.importHere", {
                      actor: r.actor === null || r.actor === "outside" ? t("audit.outsideInSentence") : localName(locale, r.actor),
                      unit: r.unit ? localName(locale, r.unit) : "",
                      file: fileOf(r.after),
                      count: r.inHere,
                    })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
