import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { AttendanceForm, MinutesForm } from "@/components/meetings/meeting-forms";
import "@/components/meetings/meetings.css";
import { localName } from "@/lib/i18n/names";
import { findPeopleForMeeting } from "@/lib/meetings/data";
import { ATTENDANCE_PAGE } from "@/lib/validation/meetings";
import { todayInIndia } from "@/lib/roster/dates";
import { loadMeeting } from "../load";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<{ q?: string; f?: string; page?: string; saved?: string; error?: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ meeting }, t] = await Promise.all([loadMeeting(params), getTranslations("meetings")]);
  return { title: t("attendance.title", { title: meeting.title }) };
}

export default async function AttendancePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ viewer, meeting: m }, sp, t, locale, messages] = await Promise.all([loadMeeting(params), searchParams, getTranslations(), getLocale(), getMessages()]);
  if (!m.editable) notFound();
  const post = (p: { postHi: string; postEn: string }) => (locale === "hi" ? p.postHi : p.postEn);
  const q = typeof sp.q === "string" ? sp.q.slice(0, 100) : "";
  const onList = new Set(m.people.map((p) => p.personId));
  const found = q ? (await findPeopleForMeeting(viewer, m.unit, q)).filter((p) => !onList.has(p.id)) : [];
  const present = m.people.filter((p) => p.attended === true).length;
  // A district's list is thousands: a page of it at a time, with a filter by name or post.
  const f = typeof sp.f === "string" ? sp.f.slice(0, 100).trim() : "";
  const needle = f.toLocaleLowerCase();
  const matching = needle ? m.people.filter((p) => [p.nameHi, p.nameEn, p.postHi, p.postEn].some((x) => x.toLocaleLowerCase().includes(needle))) : m.people;
  const pages = Math.max(1, Math.ceil(matching.length / ATTENDANCE_PAGE));
  const page = Math.min(pages, Math.max(1, Number.parseInt(sp.page ?? "1", 10) || 1));
  const shown = matching.slice((page - 1) * ATTENDANCE_PAGE, page * ATTENDANCE_PAGE);
  return (
    <>
      <p>
        <a href={`/meetings/${m.id}`}>← {t("meetings.back")}</a>
      </p>
      <h1>{t("meetings.attendance.title", { title: m.title })}</h1>
      {m.startsAt.slice(0, 10) > todayInIndia() ? (
        <p className="notice" role="note">
          {t("meetings.attendance.beforeMeeting")}
        </p>
      ) : null}
      {sp.saved === "1" ? (
        <p className="saved" role="status">
          {t("meetings.page.saved")}
        </p>
      ) : null}
      {sp.error ? (
        <p className="form-message" role="alert">
          {sp.error === "stale" ? t("meetings.errors.stale") : t("meetings.errors.invalid")}
        </p>
      ) : null}
      <NextIntlClientProvider messages={{ meetings: messages.meetings }}>
        <section aria-labelledby="attendance-heading">
          <h2 id="attendance-heading">
            {t("meetings.page.attendance")} <span className="muted small">{t("meetings.attendance.presentCount", { present, total: m.people.length })}</span>
          </h2>
          <p className="muted small">{t("meetings.attendance.hint")}</p>
          {shown.length < m.people.length ? <p className="muted small">{t("meetings.attendance.shown", { shown: shown.length, total: matching.length })}</p> : null}
          <AttendanceForm
            meetingId={m.id}
            version={m.version}
            page={page}
            pages={pages}
            filter={f}
            showFilter={m.people.length > ATTENDANCE_PAGE || f !== ""}
            rows={shown.map((p) => ({ id: p.id, name: localName(locale, p), detail: [t(`meetings.roles.${p.role}`), post(p)].filter(Boolean).join(" · "), attended: p.attended }))}
          />
        </section>

        <section aria-labelledby="walkin-heading">
          <h2 id="walkin-heading">{t("meetings.attendance.walkIns")}</h2>
          {sp.saved === "walkin" ? (
            <p className="saved" role="status">
              {t("meetings.attendance.savedWalkIn")}
            </p>
          ) : null}
          <p className="muted small">{t("meetings.attendance.searchHint")}</p>
          {/* Part of the attendance form (the form attribute): searching saves the ticks first. */}
          <div className="search-row">
            <label htmlFor="walkin-q" className="visually-hidden">
              {t("meetings.attendance.walkInSearch")}
            </label>
            <input id="walkin-q" name="q" type="search" form="attendance-form" defaultValue={q} placeholder={t("meetings.attendance.walkInSearch")} enterKeyHint="search" />
            <button type="submit" form="attendance-form" name="intent" value="search" className="button button-secondary">
              {t("meetings.form.search")}
            </button>
          </div>
          {q ? (
            found.length === 0 ? (
              <p className="muted">{t("meetings.form.noMatches")}</p>
            ) : (
              <ul className="people-list">
                {found.map((p) => (
                  <li key={p.id} className="copy-row">
                    <span>
                      <span className="holder-name">{localName(locale, p)}</span> <span className="muted small">{post(p)}</span>
                    </span>
                    <button
                      type="submit"
                      form="attendance-form"
                      name="walkInPerson"
                      value={p.id}
                      className="button button-secondary"
                      aria-label={t("meetings.attendance.walkInAdd", { name: localName(locale, p) })}
                    >
                      {t("meetings.attendance.add")}
                    </button>
                  </li>
                ))}
              </ul>
            )
          ) : null}
          <details className="walkin-unlisted">
            <summary>{t("meetings.attendance.unlisted")}</summary>
            <div className="field">
              <label htmlFor="walkin-name">{t("meetings.attendance.unlistedName")}</label>
              <input id="walkin-name" name="walkInName" form="attendance-form" maxLength={100} autoComplete="off" />
            </div>
            <div className="field">
              <label htmlFor="walkin-post">{t("meetings.attendance.unlistedPost")}</label>
              <input id="walkin-post" name="walkInPost" form="attendance-form" maxLength={100} autoComplete="off" aria-describedby="walkin-post-hint" />
              <p id="walkin-post-hint" className="muted small">
                {t("meetings.attendance.unlistedHint")}
              </p>
            </div>
            <p>
              <button type="submit" form="attendance-form" name="intent" value="walkin" className="button button-secondary">
                {t("meetings.attendance.add")}
              </button>
            </p>
          </details>
        </section>

        <section aria-labelledby="minutes-heading">
          <h2 id="minutes-heading">{t("meetings.attendance.minutesHeading")}</h2>
          {sp.saved === "minutes" ? (
            <p className="saved" role="status">
              {t("meetings.attendance.savedMinutes")}
            </p>
          ) : null}
          <MinutesForm meetingId={m.id} version={m.version} minutes={m.minutes} decisions={m.decisions} />
        </section>
      </NextIntlClientProvider>
    </>
  );
}
