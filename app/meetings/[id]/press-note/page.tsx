import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { CopyButton } from "@/components/meetings/copy-button";
import { PressNoteForm } from "@/components/meetings/meeting-forms";
import "@/components/meetings/meetings.css";
import { meetingRecord } from "@/lib/meetings/data";
import { pressNote } from "@/lib/meetings/press-note";
import { todayInIndia } from "@/lib/roster/dates";
import { loadMeeting } from "../load";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ meeting }, t] = await Promise.all([loadMeeting(params), getTranslations("meetings")]);
  return { title: t("press.title", { title: meeting.title }) };
}

export default async function PressNotePage({ params, searchParams }: { params: Params; searchParams: Promise<{ saved?: string }> }) {
  const [{ meeting: m }, sp, t, locale, messages] = await Promise.all([loadMeeting(params), searchParams, getTranslations("meetings"), getLocale(), getMessages()]);
  // The draft is in the meeting's language, whatever the reader's (a Hindi meeting's agenda and
  // minutes are Hindi: an English frame around them would mix the two); an edited note is kept as written.
  const text = m.pressNote ?? pressNote(await meetingRecord(m, m.lang));
  const upcoming = m.startsAt.slice(0, 10) > todayInIndia();
  return (
    <>
      <p>
        <a href={`/meetings/${m.id}`}>← {t("back")}</a>
      </p>
      <h1>{t("press.title", { title: m.title })}</h1>
      {m.editable ? <p className="muted small">{t("press.hint")}</p> : null}
      {m.lang !== locale ? <p className="muted small">{t("press.inMeetingLang", { lang: m.lang })}</p> : null}
      {upcoming ? (
        <p className="notice" role="note">
          {t("press.beforeMeeting")}
        </p>
      ) : null}
      {m.pressNote !== null ? <p className="muted small">{t("press.edited")}</p> : null}
      {sp.saved ? (
        <p className="saved" role="status">
          {t("page.saved")}
        </p>
      ) : null}
      {m.editable ? (
        <NextIntlClientProvider messages={{ meetings: messages.meetings }}>
          <PressNoteForm meetingId={m.id} version={m.version} text={text} />
        </NextIntlClientProvider>
      ) : (
        <div className="field">
          <label htmlFor="press-note">{t("press.text")}</label>
          <textarea id="press-note" className="copy-text" readOnly rows={16} defaultValue={text} />
        </div>
      )}
      <p className="copy-row">
        <CopyButton target="press-note" label={t("page.copy")} done={t("page.copied")} />
      </p>
    </>
  );
}
