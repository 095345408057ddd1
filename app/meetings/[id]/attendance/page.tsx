import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { AttendanceForm, MinutesForm } from "@/components/meetings/meeting-forms";
import "@/components/meetings/meetings.css";
import { walkInAction } from "@/lib/actions/meetings";
import { localName } from "@/lib/i18n/names";
import { findPeopleForMeeting } from "@/lib/meetings/data";
import { loadMeeting } from "../load";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<{ q?: string; saved?: string; error?: string }>;

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
  const found = q ? findPeopleForMeeting(viewer, m.unit, q).filter((p) => !onList.has(p.id)) : [];
  const present = m.people.filter((p) => p.attended === true).length;
  return (
    <>
      <p>
        <a href={`/meetings/${m.id}`}>← {t("meetings.back")}</a>
      </p>
      <h1>{t("meetings.attendance.title", { title: m.title })}</h1>
      {sp.saved ? (
        <p className="saved" role="status">
          {sp.saved === "walkin" ? t("meetings.attendance.savedWalkIn") : t("meetings.page.saved")}
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
          <AttendanceForm
            meetingId={m.id}
            version={m.version}
            rows={m.people.map((p) => ({ id: p.id, name: localName(locale, p), detail: [t(`meetings.roles.${p.role}`), post(p)].filter(Boolean).join(" · "), attended: p.attended }))}
          />
        </section>

        <section aria-labelledby="walkin-heading">
          <h2 id="walkin-heading">{t("meetings.attendance.walkIns")}</h2>
          <form method="get" className="search-row" action={`/meetings/${m.id}/attendance#walkin-heading`}>
            <label htmlFor="walkin-q" className="visually-hidden">
              {t("meetings.attendance.walkInSearch")}
            </label>
            <input id="walkin-q" name="q" type="search" defaultValue={q} placeholder={t("meetings.attendance.walkInSearch")} />
            <button type="submit" className="button button-secondary">
              {t("meetings.form.search")}
            </button>
          </form>
          {q ? (
            found.length === 0 ? (
              <p className="muted">{t("meetings.form.noMatches")}</p>
            ) : (
              <ul className="people-list">
                {found.map((p) => (
                  <li key={p.id}>
                    <form action={walkInAction} className="copy-row">
                      <input type="hidden" name="meetingId" value={m.id} />
                      <input type="hidden" name="version" value={m.version} />
                      <input type="hidden" name="personId" value={p.id} />
                      <span>
                        <span className="holder-name">{localName(locale, p)}</span> <span className="muted small">{post(p)}</span>
                      </span>
                      <button type="submit" className="button button-secondary" aria-label={t("meetings.attendance.walkInAdd", { name: localName(locale, p) })}>
                        {t("meetings.attendance.add")}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            )
          ) : null}
        </section>

        <section aria-labelledby="minutes-heading">
          <h2 id="minutes-heading">{t("meetings.attendance.minutesHeading")}</h2>
          <MinutesForm meetingId={m.id} version={m.version} minutes={m.minutes} decisions={m.decisions} />
        </section>
      </NextIntlClientProvider>
    </>
  );
}
