"use client";

import { useActionState, useEffect, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { FieldError, FormMessage } from "@/components/ui/form-feedback";
import { assignSeatAction } from "@/lib/actions/roster";

type Match = { id: number; nameHi: string; nameEn: string; mobile: string | null; post: string | null };

function usePeopleLookup(query: string) {
  const [state, setState] = useState<{ query: string; people: Match[] }>({ query: "", people: [] });
  useEffect(() => {
    const q = query.trim();
    const digits = q.replace(/\D/g, "");
    if (/^[\d\s+-]+$/.test(q) ? digits.length < 3 : q.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/people/lookup?q=${encodeURIComponent(q)}`, { signal: controller.signal })
        .then((r) => (r.ok ? r.json() : { people: [] }))
        .then((body: { people: Match[] }) => setState({ query: q, people: body.people }))
        .catch(() => {});
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);
  return state.query === query.trim() ? state.people : null;
}

export function AssignForm({
  unitId,
  postId,
  seat,
  expectedTenureId,
  today,
  minDate,
  homeChoices,
  initialMode = "pick",
}: {
  unitId: number;
  postId: number;
  seat: number;
  expectedTenureId: number | null;
  today: string;
  minDate?: string;
  homeChoices: Array<{ id: number; label: string }>;
  initialMode?: "pick" | "new";
}) {
  const t = useTranslations("roster");
  const [state, action, pending] = useActionState(assignSeatAction, undefined);
  const [mode, setMode] = useState<"pick" | "new">(initialMode);
  // The switch is a link to the server-rendered other mode, so a tap before the JavaScript has
  // arrived still works; once hydrated it switches in place.
  const switchTo = (next: "pick" | "new") => (e: React.MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    setMode(next);
    window.history.replaceState(null, "", `?mode=${next}`);
  };
  const [query, setQuery] = useState("");
  const [picked, setPicked] = useState<Match | null>(null);
  const matches = usePeopleLookup(query);
  const listId = useId();
  const errors = state && !state.ok ? state.errors : {};
  const values = state && !state.ok ? (state.values ?? {}) : {};
  const existing = state && !state.ok && state.code === "duplicate_mobile" ? (state.detail as { personId: number; nameHi: string; nameEn: string } | null) : null;
  const q = query.trim();
  const searchable = /^[\d\s+-]+$/.test(q) ? q.replace(/\D/g, "").length >= 3 : q.length >= 2;

  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="unitId" value={unitId} />
      <input type="hidden" name="postId" value={postId} />
      <input type="hidden" name="seat" value={seat} />
      <input type="hidden" name="expectedTenureId" value={expectedTenureId ?? ""} />
      <input type="hidden" name="mode" value={mode} />
      <input type="hidden" name="personId" value={mode === "pick" && picked ? picked.id : ""} />

      {mode === "pick" ? (
        <fieldset className="fieldset">
          {picked ? (
            <p className="picked">
              {t("selected", { name: `${picked.nameHi} (${picked.nameEn})` })}{" "}
              <button type="button" className="link-button" onClick={() => setPicked(null)}>
                {t("change")}
              </button>
            </p>
          ) : (
            <div className="field">
              <label htmlFor="person-search">{t("pickPerson")}</label>
              <input
                id="person-search"
                type="search"
                autoComplete="off"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                aria-describedby="person-hint personId-error"
                aria-controls={listId}
              />
              <p id="person-hint" className="muted small">
                {t("pickHint")}
              </p>
              <ul id={listId} className="match-list" aria-live="polite">
                {searchable && matches === null ? <li className="muted">{t("searching")}</li> : null}
                {searchable && matches?.length === 0 ? <li className="muted">{t("noMatches")}</li> : null}
                {searchable &&
                  matches?.map((m) => (
                    <li key={m.id}>
                      <button type="button" className="match" onClick={() => setPicked(m)}>
                        <span lang="hi" className="holder-name">{m.nameHi}</span> <span className="holder-latin">{m.nameEn}</span>
                        {m.post ? <span className="muted small"> · {m.post}</span> : null}
                      </button>
                    </li>
                  ))}
              </ul>
              <FieldError id="personId-error" messages={errors.personId} />
            </div>
          )}
          <a href="?mode=new" className="link-button" onClick={switchTo("new")}>
            {t("orNew")}
          </a>
        </fieldset>
      ) : (
        <fieldset className="fieldset">
          <legend>{t("newPerson")}</legend>
          <div className="field">
            <label htmlFor="nameHi">{t("nameHi")}</label>
            <input id="nameHi" name="nameHi" defaultValue={values.nameHi} lang="hi" required maxLength={120} aria-describedby="nameHi-error" aria-invalid={errors.nameHi ? true : undefined} />
            <FieldError id="nameHi-error" messages={errors.nameHi} />
          </div>
          <div className="field">
            <label htmlFor="nameEn">{t("nameEn")}</label>
            <input id="nameEn" name="nameEn" defaultValue={values.nameEn} lang="en" required maxLength={120} aria-describedby="nameEn-error" aria-invalid={errors.nameEn ? true : undefined} />
            <FieldError id="nameEn-error" messages={errors.nameEn} />
          </div>
          <div className="field">
            <label htmlFor="mobile">{t("mobile")}</label>
            <input id="mobile" name="mobile" defaultValue={values.mobile} type="tel" inputMode="tel" placeholder={t("mobileHint")} required maxLength={40} aria-describedby="mobile-error" aria-invalid={errors.mobile ? true : undefined} />
            <FieldError id="mobile-error" messages={errors.mobile} />
            {existing ? (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setPicked({ id: existing.personId, nameHi: existing.nameHi, nameEn: existing.nameEn, mobile: null, post: null });
                  setMode("pick");
                }}
              >
                {t("useExisting", { name: existing.nameHi })}
              </button>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="whatsapp">{t("whatsapp")}</label>
            <input id="whatsapp" name="whatsapp" defaultValue={values.whatsapp} type="tel" inputMode="tel" maxLength={40} aria-describedby="whatsapp-error" />
            <FieldError id="whatsapp-error" messages={errors.whatsapp} />
          </div>
          <div className="field">
            <label htmlFor="homeUnitId">{t("homeUnit")}</label>
            <select id="homeUnitId" name="homeUnitId" defaultValue={values.homeUnitId ?? homeChoices[0]?.id ?? ""} aria-describedby="homeUnitId-error">
              <option value="">{t("homeUnitNone")}</option>
              {homeChoices.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.label}
                </option>
              ))}
            </select>
            <FieldError id="homeUnitId-error" messages={errors.homeUnitId} />
          </div>
          <a href="?mode=pick" className="link-button" onClick={switchTo("pick")}>
            {t("pickPerson")}
          </a>
        </fieldset>
      )}

      <div className="field">
        <label htmlFor="startDate">{t("startDate")}</label>
        <input id="startDate" name="startDate" type="date" defaultValue={values.startDate ?? values.endDate ?? today} min={minDate} required aria-describedby="startDate-error" />
        <FieldError id="startDate-error" messages={errors.startDate} />
      </div>
      <FormMessage state={state} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
