import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CopyButton } from "@/components/meetings/copy-button";
import "@/components/meetings/meetings.css";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { localName } from "@/lib/i18n/names";
import { meetingRecord, type MeetingPerson } from "@/lib/meetings/data";
import { invitationText, waLink } from "@/lib/meetings/invitation";
import { meetingWhen } from "@/lib/meetings/when";
import { todayInIndia } from "@/lib/roster/dates";
import { loadMeeting } from "./load";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { meeting } = await loadMeeting(params);
  return { title: meeting.title };
}

// Above this many the page would be too heavy for a phone: the CSV and vCard have everyone.
const SHOWN_ROWS = 200;

export default async function MeetingPage({ params, searchParams }: { params: Params; searchParams: Promise<{ saved?: string }> }) {
  const [{ viewer, meeting: m }, sp, t, locale] = await Promise.all([loadMeeting(params), searchParams, getTranslations(), getLocale()]);
  const lang = locale === "en" ? "en" : "hi";
  const invitation = invitationText(await meetingRecord(m, m.lang));
  const name = (p: { nameHi: string; nameEn: string }) => localName(locale, p);
  const post = (p: MeetingPerson) => (lang === "hi" ? p.postHi : p.postEn);
  const agenda = m.agenda.split("\n").filter((s) => s.trim());
  const decisions = m.decisions.split("\n").filter((s) => s.trim());
  const files = `/meetings/${m.id}/files`;
  // Counted as the meeting lists count: the invited (walk-ins apart), and who of them came.
  const invited = m.people.filter((p) => p.role !== "walk_in");
  const present = invited.filter((p) => p.attended === true).length;
  const walkIns = m.people.length - invited.length;
  // An invitation is for a meeting still to come, and not to oneself nor to who came uninvited.
  const past = m.startsAt.slice(0, 10) < todayInIndia();
  const invitable = (p: MeetingPerson) => !past && p.role !== "walk_in" && (p.personId === null || p.personId !== viewer.personId);
  return (
    <>
      <Breadcrumb label={t("unit.breadcrumb")} items={m.breadcrumb.map((u) => ({ id: u.id, name: localName(locale, u) }))} />
      <h1>{m.title}</h1>
      <p className="muted">
        {m.bodies.map(name).join(", ")} · {t(`meetings.modes.${m.mode}`)}
        {m.reconstructed ? ` · ${t("meetings.reconstructed")}` : null}
      </p>
      {sp.saved ? (
        <p className="saved" role="status">
          {t("meetings.page.saved")}
        </p>
      ) : null}
      {m.reconstructed ? <p className="notice">{t("meetings.page.reconstructedNote")}</p> : null}
      <dl className="facts meeting-facts">
        <dt>{t("meetings.page.when")}</dt>
        <dd>{meetingWhen(lang, m.startsAt, m.durationMinutes)}</dd>
        {m.location ? (
          <>
            <dt>{t(`meetings.locationLabel.${m.mode}`)}</dt>
            <dd>{m.mode === "video" && /^https?:\/\//.test(m.location) ? <a href={m.location} rel="noopener noreferrer" target="_blank">{m.location}</a> : m.location}</dd>
          </>
        ) : null}
        <dt>{t("meetings.page.unit")}</dt>
        <dd>
          <a href={`/units/${m.unit.id}`}>{name(m.unit)}</a>
        </dd>
      </dl>
      {agenda.length > 0 ? (
        <section aria-labelledby="agenda-heading">
          <h2 id="agenda-heading">{t("meetings.page.agenda")}</h2>
          <ol>
            {agenda.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ol>
        </section>
      ) : null}
      <p className="meeting-actions">
        {m.editable ? (
          <>
            <a href={`/meetings/${m.id}/edit`} className="button button-secondary">
              {t("meetings.edit")}
            </a>
            <a href={`/meetings/${m.id}/attendance`} className="button button-secondary">
              {t("meetings.page.attendance")}
            </a>
          </>
        ) : null}
        <a href={`/meetings/${m.id}/press-note`} className="button button-secondary">
          {t("meetings.page.pressNote")}
        </a>
      </p>

      <section aria-labelledby="invitation-heading" className="copy-block">
        <h2 id="invitation-heading">{t("meetings.page.invitation")}</h2>
        <p className="muted small">{t("meetings.page.invitationHint")}</p>
        <label htmlFor="invitation-text" className="visually-hidden">
          {t("meetings.page.invitationText")}
        </label>
        <textarea id="invitation-text" className="copy-text" readOnly rows={10} defaultValue={invitation} />
        <p className="copy-row">
          <CopyButton target="invitation-text" label={t("meetings.page.copy")} done={t("meetings.page.copied")} />
          {past ? null : (
            <a href={waLink(invitation)} className="button button-wa" rel="noopener noreferrer" target="_blank">
              {t("meetings.page.sendWhatsapp")}
            </a>
          )}
        </p>
      </section>

      <section aria-labelledby="downloads-heading">
        <h2 id="downloads-heading">{t("meetings.page.downloads")}</h2>
        <p className="copy-row">
          <a href={`${files}/meeting.ics`} className="button button-secondary" download>
            {t("meetings.page.ics")}
          </a>
          <a href={`${files}/invitees.csv`} className="button button-secondary" download>
            {t("meetings.page.csv")}
          </a>
          <a href={`${files}/invitees.vcf`} className="button button-secondary" download>
            {t("meetings.page.vcf")}
          </a>
        </p>
      </section>

      <section aria-labelledby="people-heading">
        <h2 id="people-heading">
          {t("meetings.page.people")}{" "}
          <span className="muted small">
            {t("meetings.page.peopleCount", { count: invited.length })}
            {present > 0 ? ` · ${t("meetings.attendance.presentCount", { present, total: invited.length })}` : null}
            {walkIns > 0 ? ` · ${t("meetings.page.walkInCount", { count: walkIns })}` : null}
          </span>
        </h2>
        <ul className="people-list">
          {m.people.slice(0, SHOWN_ROWS).map((p) => (
            <li key={p.id}>
              <span className="role">{t(`meetings.roles.${p.role}`)}</span>
              <span>
                {p.personId ? (
                  <a href={`/people/${p.personId}`} className="holder-name">
                    {name(p)}
                  </a>
                ) : (
                  <span className="holder-name">{name(p)}</span>
                )}
                {post(p) ? <span className="muted small"> · {post(p)}</span> : null}
              </span>
              {p.attended !== null || (invitable(p) && (p.whatsapp ?? p.mobile)) ? (
                <span className="person-actions">
                  {p.attended === true ? <span className="attended-yes">{t("meetings.page.present")}</span> : p.attended === false ? <span className="attended-no">{t("meetings.page.absent")}</span> : null}
                  {invitable(p) && (p.whatsapp ?? p.mobile) ? (
                    <a href={waLink(invitation, p.whatsapp ?? p.mobile)} className="wa-send" rel="noopener noreferrer" target="_blank" aria-label={t("meetings.page.sendOne", { name: name(p) })}>
                      {t("meetings.page.send")}
                    </a>
                  ) : null}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
        {m.people.length > SHOWN_ROWS ? <p className="muted">{t("meetings.page.more", { count: m.people.length - SHOWN_ROWS })}</p> : null}
      </section>

      {m.minutes || decisions.length > 0 ? (
        <section aria-labelledby="minutes-heading">
          <h2 id="minutes-heading">{t("meetings.page.minutes")}</h2>
          {m.minutes ? <p className="pre-line">{m.minutes}</p> : null}
          {decisions.length > 0 ? (
            <>
              <h3>{t("meetings.page.decisions")}</h3>
              <ol>
                {decisions.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ol>
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
