"use client";

import { useActionState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { FieldError, FormMessage, fieldErrors, keptValues } from "@/components/ui/form-feedback";
import { attendanceAction, minutesAction, pressNoteAction } from "@/lib/actions/meetings";

const subscribeNothing = () => () => {};

export type TapRow = { id: number; name: string; detail: string; attended: boolean | null };

/**
 * The tap list, one plain form with id "attendance-form" (the walk-in search and adding a walk-in
 * belong to it too, by the `form` attribute, so no tick is lost on the way): one big row per
 * person on this page of the list, ticked when present. "सभी को उपस्थित सहेजें" saves everyone of
 * the meeting, on every page, at once — worded so; with the script, "इस पृष्ठ पर सब पर निशान"
 * only ticks, nothing is saved until "उपस्थिति सहेजें".
 */
export function AttendanceForm({
  meetingId,
  version,
  rows,
  page,
  pages,
  filter,
  showFilter,
}: {
  meetingId: number;
  version: number;
  rows: TapRow[];
  page: number;
  pages: number;
  filter: string;
  showFilter: boolean;
}) {
  const t = useTranslations("meetings");
  const [state, action, pending] = useActionState(attendanceAction, undefined);
  // False in the server's HTML, true once hydrated: the tick-all button needs the script.
  const hydrated = useSyncExternalStore(subscribeNothing, () => true, () => false);
  const tickAll = (e: React.MouseEvent<HTMLButtonElement>) => {
    for (const box of Array.from(e.currentTarget.form?.querySelectorAll<HTMLInputElement>('input[name="present"]') ?? [])) box.checked = true;
  };
  return (
    <form action={action} className="form" noValidate id="attendance-form">
      {/* Enter in a text box: the walk-in search when it holds a name, else save. Never "all". */}
      <button type="submit" name="intent" value="enter" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        {t("attendance.save")}
      </button>
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="page" value={page} />
      {showFilter ? (
        <div className="field">
          <label htmlFor="attendance-filter">{t("attendance.filter")}</label>
          <div className="search-row">
            <input id="attendance-filter" name="f" type="search" defaultValue={filter} autoComplete="off" />
            <button type="submit" name="goto" value="1" className="button button-secondary" disabled={pending}>
              {t("attendance.filterButton")}
            </button>
          </div>
        </div>
      ) : (
        <input type="hidden" name="f" value={filter} />
      )}
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
      {pages > 1 ? (
        <nav className="pager" aria-label={t("attendance.pages")}>
          {page > 1 ? (
            <button type="submit" name="goto" value={page - 1} className="button button-secondary" disabled={pending}>
              ← {t("attendance.previous")}
            </button>
          ) : null}
          <span className="muted small">{t("attendance.pageOf", { page, pages })}</span>
          {page < pages ? (
            <button type="submit" name="goto" value={page + 1} className="button button-secondary" disabled={pending}>
              {t("attendance.next")} →
            </button>
          ) : null}
        </nav>
      ) : null}
      <FormMessage state={state} alert />
      <p className="sticky-actions">
        <button type="submit" name="intent" value="save" className="button" disabled={pending}>
          {t("attendance.save")}
        </button>
        {hydrated ? (
          <button type="button" className="button button-secondary" onClick={tickAll}>
            {t("attendance.tickAll")}
          </button>
        ) : null}
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
