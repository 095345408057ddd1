import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { CopyButton } from "@/components/meetings/copy-button";
import { PressNoteForm } from "@/components/meetings/meeting-forms";
import "@/components/meetings/meetings.css";
import { meetingRecord } from "@/lib/meetings/data";
import { pressNote } from "@/lib/meetings/press-note";
import { loadMeeting } from "../load";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ meeting }, t] = await Promise.all([loadMeeting(params), getTranslations("meetings")]);
  return { title: t("press.title", { title: meeting.title }) };
}

export default async function PressNotePage({ params, searchParams }: { params: Params; searchParams: Promise<{ saved?: string }> }) {
  const [{ meeting: m }, sp, t, locale, messages] = await Promise.all([loadMeeting(params), searchParams, getTranslations("meetings"), getLocale(), getMessages()]);
  // The draft follows the reader's language; an edited note is kept as it was written.
  const text = m.pressNote ?? pressNote(meetingRecord(m, locale === "en" ? "en" : "hi"));
  return (
    <>
      <p>
        <a href={`/meetings/${m.id}`}>← {t("back")}</a>
      </p>
      <h1>{t("press.title", { title: m.title })}</h1>
      <p className="muted small">{t("press.hint")}</p>
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
