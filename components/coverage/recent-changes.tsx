import { getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/auth/session";
import { rowSentence } from "@/lib/audit/sentence";
import { recentChanges } from "@/lib/coverage/recent";
import { formatDateTime } from "@/lib/i18n/names";

/** The last 7 days' roster and structure changes in a unit's subtree, newest first, one sentence each. */
export async function RecentChanges({ viewer, unitId, locale }: { viewer: Viewer; unitId: number; locale: string }) {
  const rows = recentChanges(viewer, unitId);
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
              <span>{rowSentence(r, locale, t)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
