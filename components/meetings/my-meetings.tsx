import { getLocale, getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/auth/session";
import { localName } from "@/lib/i18n/names";
import { myMeetings } from "@/lib/meetings/data";
import { meetingWhen } from "@/lib/meetings/when";
import { todayInIndia } from "@/lib/roster/dates";
import "./meetings.css";

/** "My meetings" on the home: the coming meetings the account's person is asked to, with when and where. */
export async function MyMeetings({ viewer }: { viewer: Viewer }) {
  const rows = await myMeetings(viewer, todayInIndia());
  if (rows.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations("meetings"), getLocale()]);
  const lang = locale === "en" ? "en" : "hi";
  return (
    <section aria-labelledby="my-meetings-heading" className="my-meetings">
      <h2 id="my-meetings-heading">{t("home.heading")}</h2>
      <ul className="meeting-list">
        {rows.map((m) => (
          <li key={m.id}>
            {m.open ? (
              <a href={`/meetings/${m.id}`} className="meeting-title">
                {m.title}
              </a>
            ) : (
              <span className="meeting-title">{m.title}</span>
            )}
            <p className="small">
              {meetingWhen(lang, m.startsAt)} · {t(`modes.${m.mode}`)}
            </p>
            {m.location ? (
              <p className="small">
                {m.mode === "video" && /^https?:\/\//.test(m.location) ? (
                  <a href={m.location} rel="noopener noreferrer" target="_blank">
                    {m.location}
                  </a>
                ) : (
                  m.location
                )}
              </p>
            ) : null}
            <p className="small muted">
              {localName(locale, { nameHi: m.unitHi, nameEn: m.unitEn })} · {t("home.as", { role: t(`roles.${m.role}`) })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
