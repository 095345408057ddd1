"use client";

import { useActionState, useEffect, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { PersonFields } from "@/components/person-fields";
import { Field } from "@/components/ui/field";
import { FieldError, FormSubmit, fieldErrors, keptValues } from "@/components/ui/form-feedback";
import { assignSeatAction } from "@/lib/actions/roster";
import { ConfirmStep } from "./confirm-step";

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
  holderName,
  seatPath,
  today,
  minDate,
  homeChoices,
  initialMode = "pick",
  back = null,
}: {
  unitId: number;
  postId: number;
  seat: number;
  expectedTenureId: number | null;
  /** The current holder, named in the question before a replacement. */
  holderName: string | null;
  seatPath: string;
  today: string;
  minDate?: string;
  homeChoices: Array<{ id: number; label: string }>;
  initialMode?: "pick" | "new";
  /** A drive's page to return to after saving (validated by the page, and again by the action). */
  back?: string | null;
}) {
  const t = useTranslations("roster");
  const [state, action, pending] = useActionState(assignSeatAction, undefined);
  const [mode, setMode] = useState<"pick" | "new">(initialMode);
  // The switch is a link to the server-rendered other mode, so a tap before the JavaScript has
  // arrived still works; once hydrated it switches in place.
  const modeHref = (next: "pick" | "new") => `?mode=${next}${back ? `&back=${encodeURIComponent(back)}` : ""}`;
  const switchTo = (next: "pick" | "new") => (e: React.MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    setMode(next);
    window.history.replaceState(null, "", modeHref(next));
  };
  const [query, setQuery] = useState("");
  const [picked, setPicked] = useState<Match | null>(null);
  const matches = usePeopleLookup(query);
  const listId = useId();
  const errors = fieldErrors(state);
  const values = keptValues(state);
  const asking = state?.ok === false && state.code === "confirm";
  // Named in the question before a replacement (picking needs the client code, so `picked` is there).
  const newName = mode === "new" ? (values.nameHi ?? "") : (picked?.nameHi ?? "");
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
      {back ? <input type="hidden" name="back" value={back} /> : null}

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
          <a href={modeHref("new")} className="link-button" onClick={switchTo("new")}>
            {t("orNew")}
          </a>
        </fieldset>
      ) : (
        <fieldset className="fieldset">
          <legend>{t("newPerson")}</legend>
          <PersonFields
            values={{ ...values, homeUnitId: values.homeUnitId ?? homeChoices[0]?.id ?? "" }}
            errors={errors}
            homeChoices={homeChoices}
            mobileAfter={
              existing ? (
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
              ) : null
            }
          />
          <a href={modeHref("pick")} className="link-button" onClick={switchTo("pick")}>
            {t("pickPerson")}
          </a>
        </fieldset>
      )}

      <Field id="startDate" label={t("startDate")} type="date" defaultValue={values.startDate ?? today} min={minDate} required errors={errors.startDate} />
      {asking ? (
        <ConfirmStep
          question={t("confirmReplace", { old: holderName ?? "", name: newName })}
          yes={t("confirmReplaceYes")}
          cancelHref={seatPath}
          pending={pending}
        />
      ) : (
        <>
          <FormSubmit state={state} pending={pending} label={t("save")} pendingLabel={t("saving")} />
        </>
      )}
    </form>
  );
}
