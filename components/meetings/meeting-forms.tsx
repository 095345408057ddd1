"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FieldError, FormMessage, fieldErrors, keptValues } from "@/components/ui/form-feedback";
import { attendanceAction, minutesAction, pressNoteAction } from "@/lib/actions/meetings";

export type TapRow = { id: number; name: string; detail: string; attended: boolean | null };

/** The tap list: one big row per person, ticked when present; "सभी उपस्थित" ticks everyone. A plain form. */
export function AttendanceForm({ meetingId, version, rows }: { meetingId: number; version: number; rows: TapRow[] }) {
  const t = useTranslations("meetings");
  const [state, action, pending] = useActionState(attendanceAction, undefined);
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="version" value={version} />
      <ul className="tap-list">
        {rows.map((r) => (
          <li key={r.id}>
            <input type="hidden" name="rowId" value={r.id} />
            <label>
              <input type="checkbox" name="present" value={r.id} defaultChecked={r.attended === true} />
              <span>
                <span className="holder-name">{r.name}</span>
                {r.detail ? <span className="muted small"> · {r.detail}</span> : null}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <FormMessage state={state} alert />
      <p className="sticky-actions">
        <button type="submit" name="intent" value="save" className="button" disabled={pending}>
          {t("attendance.save")}
        </button>
        <button type="submit" name="intent" value="all" className="button button-secondary" disabled={pending}>
          {t("attendance.allPresent")}
        </button>
      </p>
    </form>
  );
}

export function MinutesForm({ meetingId, version, minutes, decisions }: { meetingId: number; version: number; minutes: string; decisions: string }) {
  const t = useTranslations("meetings");
  const [state, action, pending] = useActionState(minutesAction, undefined);
  const errors = fieldErrors(state);
  const values = keptValues(state);
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="version" value={version} />
      <div className="field">
        <label htmlFor="minutes">{t("attendance.minutes")}</label>
        <textarea id="minutes" name="minutes" rows={6} className="copy-text" defaultValue={values.minutes ?? minutes} aria-describedby="minutes-error" />
        <FieldError id="minutes-error" messages={errors.minutes} />
      </div>
      <div className="field">
        <label htmlFor="decisions">{t("attendance.decisions")}</label>
        <textarea id="decisions" name="decisions" rows={4} className="copy-text" defaultValue={values.decisions ?? decisions} aria-describedby="decisions-error" />
        <FieldError id="decisions-error" messages={errors.decisions} />
      </div>
      <FormMessage state={state} alert />
      <p>
        <button type="submit" className="button" disabled={pending}>
          {t("attendance.saveMinutes")}
        </button>
      </p>
    </form>
  );
}

export function PressNoteForm({ meetingId, version, text }: { meetingId: number; version: number; text: string }) {
  const t = useTranslations("meetings");
  const [state, action, pending] = useActionState(pressNoteAction, undefined);
  const errors = fieldErrors(state);
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="version" value={version} />
      <div className="field">
        <label htmlFor="press-note">{t("press.text")}</label>
        <textarea id="press-note" name="pressNote" rows={16} className="copy-text" defaultValue={text} aria-describedby="pressNote-error" />
        <FieldError id="pressNote-error" messages={errors.pressNote} />
      </div>
      <FormMessage state={state} alert />
      <p className="copy-row">
        <button type="submit" className="button" disabled={pending}>
          {t("press.save")}
        </button>
        <button type="submit" name="reset" value="1" className="button button-secondary" disabled={pending}>
          {t("press.reset")}
        </button>
      </p>
    </form>
  );
}
