"use client";

import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Field, SelectField } from "@/components/ui/field";
import { FieldError, FormMessage, fieldErrors } from "@/components/ui/form-feedback";
import { meetingFormAction, type MeetingFormExtras, type MeetingFormState } from "@/lib/actions/meetings";
import type { GuestMatch } from "@/lib/meetings/data";
import "./meetings.css";

export type PostChoice = { id: number; label: string };
export type LevelChoices = { level: string; heading: string; posts: PostChoice[] };

type Props = {
  unitId: number;
  meetingId?: number;
  version?: number;
  bodies: Array<{ id: number; name: string }>;
  levels: LevelChoices[];
  chairChoices: Array<{ personId: number; label: string }>;
  /** The form's starting values (a new meeting's defaults, or the saved meeting's). */
  initial: Record<string, string>;
  initialGuests: GuestMatch[];
  titleExample: string;
};

const DURATIONS = [30, 45, 60, 90, 120, 180];
const split = (s: string | undefined) => new Set((s ?? "").split(",").filter(Boolean));

/**
 * The meeting form, one plain <form>: "सूची जाँचें" and "खोजें" come back with the invite list's
 * counts or the chief-guest matches (nothing saved); "सहेजें" writes. It works the same before the
 * script has arrived; the answer re-fills every field from what was sent.
 */
export function MeetingForm({ unitId, meetingId, version, bodies, levels, chairChoices, initial, initialGuests, titleExample }: Props) {
  const t = useTranslations("meetings");
  const locale = useLocale();
  const [state, action, pending] = useActionState<MeetingFormState, FormData>(meetingFormAction, undefined);
  const extras: MeetingFormExtras | null = state ? (state.ok ? state.data : ((state.detail as MeetingFormExtras | undefined) ?? null)) : null;
  const values = extras?.values ?? (state && !state.ok ? state.values : undefined) ?? initial;
  const errors = fieldErrors(state);
  const guests = extras?.guests ?? initialGuests;
  const matches = extras?.matches ?? [];
  const preview = extras?.preview ?? null;
  const chosenBodies = split(values.bodyId);
  const chosenPosts = split(values.postId);
  const mode = values.mode || "video";
  const name = (p: { nameHi: string; nameEn: string }) => (locale === "hi" ? p.nameHi : p.nameEn);
  const post = (p: { postHi: string; postEn: string }) => (locale === "hi" ? p.postHi : p.postEn);
  // A key per answer: React re-creates the fields so their defaults are the answer's values.
  const key = state ? JSON.stringify(values) : "initial";
  const postRowLabel = (postId: number) => {
    const level = levels.find((l) => l.posts.some((x) => x.id === postId));
    return level ? `${level.heading} · ${level.posts.find((x) => x.id === postId)!.label}` : "";
  };

  return (
    <form action={action} className="form meeting-form" noValidate key={key}>
      {/* Enter in a text field searches when the chief-guest box holds a name, else checks the list; it never saves by accident. */}
      <button type="submit" name="intent" value="enter" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        {t("form.preview")}
      </button>
      <input type="hidden" name="unitId" value={unitId} />
      {meetingId ? <input type="hidden" name="meetingId" value={meetingId} /> : null}
      {version ? <input type="hidden" name="version" value={version} /> : null}

      <fieldset className="fieldset" aria-describedby="bodyId-error">
        <legend>{t("form.bodies")}</legend>
        <div className="choice-grid">
          {bodies.map((b) => (
            <label key={b.id} className="checkbox">
              <input type="checkbox" name="bodyId" value={b.id} defaultChecked={chosenBodies.has(String(b.id))} />
              {b.name}
            </label>
          ))}
        </div>
        <FieldError id="bodyId-error" messages={errors.bodyId} />
      </fieldset>

      <Field id="title" label={t("form.titleLabel")} hint={t("form.titleHint", { example: titleExample })} defaultValue={values.title ?? ""} errors={errors.title} maxLength={200} />
      <div className="field-row">
        <Field id="date" label={t("form.date")} type="date" defaultValue={values.date ?? ""} errors={errors.date} required />
        <Field id="time" label={t("form.time")} type="time" defaultValue={values.time ?? ""} errors={errors.time} required />
        <SelectField id="durationMinutes" label={t("form.duration")} defaultValue={values.durationMinutes || "60"} errors={errors.durationMinutes}>
          {DURATIONS.map((d) => (
            <option key={d} value={d}>
              {d < 60 || d % 60 !== 0 ? t("form.minutes", { count: d }) : t("form.hours", { count: d / 60 })}
            </option>
          ))}
        </SelectField>
      </div>

      <fieldset className="fieldset" aria-describedby="mode-error">
        <legend>{t("form.mode")}</legend>
        <div className="choice-grid">
          {(["video", "place", "phone"] as const).map((m) => (
            <label key={m} className="checkbox">
              <input type="radio" name="mode" value={m} defaultChecked={mode === m} />
              {t(`modeChoice.${m}`)}
            </label>
          ))}
        </div>
        <FieldError id="mode-error" messages={errors.mode} />
        <Field id="location" label={t("form.location")} hint={t("form.locationHint")} defaultValue={values.location ?? ""} errors={errors.location} maxLength={300} />
      </fieldset>

      <div className="field">
        <label htmlFor="agenda">{t("form.agenda")}</label>
        <textarea id="agenda" name="agenda" rows={4} defaultValue={values.agenda ?? ""} aria-describedby="agenda-error" />
        <FieldError id="agenda-error" messages={errors.agenda} />
      </div>

      <div className="field-stack">
        <SelectField id="chairId" label={t("form.chair")} defaultValue={values.chairId ?? ""} errors={errors.chairId}>
          <option value="">{t("form.noChair")}</option>
          {chairChoices.map((c) => (
            <option key={c.personId} value={c.personId}>
              {c.label}
            </option>
          ))}
        </SelectField>
        <SelectField id="lang" label={t("form.lang")} defaultValue={values.lang || "hi"}>
          <option value="hi">{t("form.langHi")}</option>
          <option value="en">{t("form.langEn")}</option>
        </SelectField>
      </div>

      <fieldset className="fieldset" aria-describedby="guestId-error">
        <legend>{t("form.guests")}</legend>
        {guests.length > 0 ? (
          <ul className="match-list">
            {guests.map((g) => (
              <li key={g.id}>
                <label className="checkbox person-choice">
                  <input type="checkbox" name="guestId" value={g.id} defaultChecked />
                  <span>
                    <span className="holder-name">{name(g)}</span> <span className="muted small">{post(g)}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        ) : null}
        <FieldError id="guestId-error" messages={errors.guestId} />
        <div className="field">
          <label htmlFor="guestQuery">{t("form.guestSearch")}</label>
          <div className="search-row">
            <input
              id="guestQuery"
              name="guestQuery"
              type="search"
              autoComplete="off"
              enterKeyHint="search"
              defaultValue={values.guestQuery ?? ""}
              aria-describedby="guestQuery-hint"
              onKeyDown={(e) => {
                // With the script: Enter here is always the search, even with the box empty.
                if (e.key !== "Enter") return;
                e.preventDefault();
                e.currentTarget.form?.requestSubmit(document.getElementById("guest-search") as HTMLButtonElement | null);
              }}
            />
            <button type="submit" id="guest-search" name="intent" value="search" className="button button-secondary" disabled={pending}>
              {t("form.search")}
            </button>
          </div>
          <p id="guestQuery-hint" className="muted small">
            {t("form.guestsHint")}
          </p>
        </div>
        {extras?.searched ? (
          matches.length === 0 ? (
            <p className="muted" role="status">
              {t("form.noMatches")}
            </p>
          ) : (
            <ul className="match-list" role="status" aria-label={t("form.guestSearch")}>
              {matches.map((g) => (
                <li key={g.id}>
                  <label className="checkbox person-choice">
                    <input type="checkbox" name="guestId" value={g.id} />
                    <span>
                      <span className="holder-name">{name(g)}</span> <span className="muted small">{post(g)}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </fieldset>

      <fieldset className="fieldset" aria-describedby="postId-error invite-hint">
        <legend>{t("form.invite")}</legend>
        <p id="invite-hint" className="muted small">
          {t("form.inviteHint")}
        </p>
        {levels.map((l, i) => (
          <details key={l.level} className="invite-level" open={i < 3 || l.posts.some((p) => chosenPosts.has(String(p.id)))}>
            <summary>{l.heading}</summary>
            <div className="choice-grid">
              {l.posts.map((p) => (
                <label key={p.id} className="checkbox">
                  <input type="checkbox" name="postId" value={p.id} defaultChecked={chosenPosts.has(String(p.id))} />
                  {p.label}
                </label>
              ))}
            </div>
          </details>
        ))}
        <label className="checkbox">
          <input type="checkbox" name="residents" value="1" defaultChecked={values.residents === "1" || values.residents === "on"} />
          {t("form.residents")}
        </label>
        <FieldError id="postId-error" messages={errors.postId} />
        <p>
          <button type="submit" name="intent" value="preview" className="button button-secondary" disabled={pending}>
            {t("form.preview")}
          </button>
        </p>
        {preview ? (
          <section className="invite-preview" aria-labelledby="preview-heading" role="status">
            <h3 id="preview-heading">{t("form.previewHeading")}</h3>
            <table className="data-table preview-counts">
              <tbody>
                {preview.chair ? (
                  <tr>
                    <th scope="row">{t("form.previewChair")}</th>
                    <td>1</td>
                  </tr>
                ) : null}
                {preview.guests.length > 0 ? (
                  <tr>
                    <th scope="row">{t("form.previewGuests")}</th>
                    <td>{preview.guests.length}</td>
                  </tr>
                ) : null}
                {preview.perPost.map((p) => (
                  <tr key={p.postId} data-post={p.postId}>
                    <th scope="row">{postRowLabel(p.postId)}</th>
                    <td className="count" data-count={p.holders}>
                      {t("form.previewCount", { holders: p.holders, seats: p.seats })}
                    </td>
                  </tr>
                ))}
                {values.residents ? (
                  <tr data-residents>
                    <th scope="row">{t("form.previewResidents")}</th>
                    <td className="count" data-count={preview.residents}>
                      {preview.residents}
                    </td>
                  </tr>
                ) : null}
                <tr className="total">
                  <th scope="row">{t("form.previewTotal")}</th>
                  <td className="count" data-total={preview.total}>
                    {preview.total}
                  </td>
                </tr>
              </tbody>
            </table>
            <ol className="preview-people">
              {preview.people.map((p) => (
                <li key={p.personId}>
                  <span className="holder-name">{name(p)}</span> <span className="muted small">{post(p) || t(`roles.${p.role}`)}</span>
                </li>
              ))}
            </ol>
            {preview.total > preview.people.length ? <p className="muted">{t("form.previewMore", { count: preview.total - preview.people.length })}</p> : null}
            <p className="muted small">{t("form.previewNote")}</p>
          </section>
        ) : null}
      </fieldset>

      <FormMessage state={state && !state.ok ? state : undefined} alert />
      <p>
        <button type="submit" name="intent" value="save" className="button" disabled={pending}>
          {pending ? t("form.saving") : t("form.save")}
        </button>
      </p>
    </form>
  );
}
