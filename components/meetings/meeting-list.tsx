import { getLocale, getTranslations } from "next-intl/server";
import { LevelTag } from "@/components/level-tag";
import { localName } from "@/lib/i18n/names";
import type { MeetingListRow } from "@/lib/meetings/data";
import { meetingWhen } from "@/lib/meetings/when";
import "./meetings.css";

/** Meetings as a list of cards: title, when, whose, the unit (when below), invited and present. */
export async function MeetingList({ rows, unitId }: { rows: MeetingListRow[]; unitId: number }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const lang = locale === "en" ? "en" : "hi";
  return (
    <ul className="meeting-list">
      {rows.map((m) => (
        <li key={m.id}>
          <a href={`/meetings/${m.id}`} className="meeting-title">
            {m.title}
          </a>
          <p className="small">
            {meetingWhen(lang, m.startsAt)} · {t(`meetings.modes.${m.mode}`)}
            {m.reconstructed ? <span className="muted"> · {t("meetings.reconstructed")}</span> : null}
          </p>
          <p className="small muted">
            {m.unitId !== unitId ? (
              <>
                <a href={`/units/${m.unitId}`}>{localName(locale, { nameHi: m.unitHi, nameEn: m.unitEn })}</a>{" "}
                <LevelTag name={localName(locale, { nameHi: m.unitHi, nameEn: m.unitEn })} label={t(`levels.${m.level}`)} /> ·{" "}
              </>
            ) : null}
            {locale === "hi" ? m.bodiesHi : m.bodiesEn} · {t("meetings.invitedPresent", { invited: m.invited, present: m.present })}
          </p>
        </li>
      ))}
    </ul>
  );
}
