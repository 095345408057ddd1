import { getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/auth/session";
import { canCallMeetings, listMeetings } from "@/lib/meetings/data";
import { MeetingList } from "./meeting-list";

/** The unit page's meetings section: the latest few of this unit and below, the full list, a new one. */
export async function UnitMeetings({ viewer, unitId }: { viewer: Viewer; unitId: number }) {
  const list = await listMeetings(viewer, unitId, {}, 5);
  if (!list || (list.total === 0 && !list.canCreate)) return null;
  const t = await getTranslations("meetings");
  return (
    <section aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">
        {t("unitSection")} <span className="muted small">{t("count", { count: list.total })}</span>
      </h2>
      {list.total > 0 ? <MeetingList rows={list.rows} unitId={unitId} /> : <p className="empty">{t("none")}</p>}
      <p className="unit-actions">
        {list.total > 0 ? (
          <a href={`/units/${unitId}/meetings`} className="button button-secondary">
            {t("all")}
          </a>
        ) : null}
        {list.canCreate ? (
          <a href={`/units/${unitId}/meetings/new`} className="button button-secondary">
            {t("new")}
          </a>
        ) : null}
      </p>
    </section>
  );
}

/**
 * The unit page's action-row links, near the top (the meetings section itself sits far down a
 * mandal's page): "बैठकें" for anyone who sees the unit in full, "नई बैठक" for its editors.
 */
export async function UnitMeetingLinks({ viewer, unitId, full }: { viewer: Viewer; unitId: number; full: boolean }) {
  if (!full) return null;
  const t = await getTranslations("meetings");
  const canCall = await canCallMeetings(viewer, unitId);
  return (
    <>
      <a href={`/units/${unitId}/meetings`} className="button button-secondary">
        {t("unitSection")}
      </a>
      {canCall ? (
        <a href={`/units/${unitId}/meetings/new`} className="button button-secondary">
          {t("new")}
        </a>
      ) : null}
    </>
  );
}
