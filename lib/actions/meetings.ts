"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/session";
import { findPeopleForMeeting, getMeeting, meetingFormData, previewInvitees, type GuestMatch, type InvitePreview } from "@/lib/meetings/data";
import { addWalkIn, createMeeting, savePressNote, saveMinutes, setAttendance, snapshotPerson, updateMeeting, type MeetingError } from "@/lib/meetings/service";
import {
  attendanceSchema,
  flattenMulti,
  formIntent,
  meetingFormSchema,
  minutesSchema,
  pressNoteSchema,
  walkInSchema,
} from "@/lib/validation/meetings";
import { codeTexts, knownOr, runAction, type Failure, type Refuse, type Texts } from "./pipeline";
import type { FormState } from "./result";
import { isRowId, isRowIdText } from "@/lib/validation/row-id";

const KNOWN = new Set([
  "required", "too_long", "too_many", "date", "time", "duration", "mode", "link", "location_video", "location_place", "location_phone",
  "body_required", "post_not_here", "person_unknown", "invalid",
]);
const MULTI = ["bodyId", "postId", "guestId"] as const;
const FORM_FIELDS = ["unitId", "meetingId", "version", "title", "date", "time", "durationMinutes", "mode", "location", "agenda", "lang", "chairId", "residents", "guestQuery", ...MULTI];

async function texts(): Promise<Texts> {
  const t = await getTranslations("meetings");
  return { field: (code) => t(`errors.${knownOr(KNOWN, code)}` as "errors.invalid"), check: t("errors.check"), denied: t("errors.denied"), failed: t("errors.failed") };
}

/** A refused new meeting is not "this meeting": its own words. */
async function createTexts(): Promise<Texts> {
  const t = await getTranslations("meetings");
  return { ...(await texts()), denied: t("errors.deniedCreate") };
}

async function fromServiceError(refuse: Refuse, error: MeetingError): Promise<Failure> {
  if (error.code === "invalid") return refuse.fields(error.fields);
  const t = await getTranslations("meetings");
  return refuse.with(t("errors.stale"), { code: "stale" });
}

export type MeetingFormExtras = { values: Record<string, string>; guests: GuestMatch[]; matches: GuestMatch[]; preview: InvitePreview | null; searched: boolean };
export type MeetingFormState = FormState<MeetingFormExtras>;

const ids = (s: string | undefined) => (s ?? "").split(",").filter((x) => isRowIdText(x)).map(Number);

/**
 * The meeting form: "preview" (the invite list with its counts) and "search" (chief guests by
 * name) answer with the form as it was typed, nothing written; "save" creates or changes the
 * meeting and goes to its page. Every answer works as a plain form post before the page's script.
 */
export async function meetingFormAction(_prev: MeetingFormState, raw: FormData): Promise<MeetingFormState> {
  const viewer = await requireViewer();
  const formData = flattenMulti(raw, MULTI);
  const values: Record<string, string> = {};
  for (const k of FORM_FIELDS) {
    const v = formData.get(k);
    if (typeof v === "string") values[k] = v.slice(0, 4000);
  }
  const intent = formIntent(formData.get("intent"), formData.get("guestQuery"));

  // Editing: the unit is the meeting's own (never the form's); a meeting the viewer may not edit
  // gets no preview, and its save is refused (and audited) by the service itself.
  const editing = values.meetingId ? Number(values.meetingId) : null;
  const meeting = editing !== null && isRowId(editing) ? await getMeeting(viewer, editing) : null;
  const form = meeting
    ? meeting.editable
      ? await meetingFormData(viewer, meeting.unit.id)
      : null
    : editing === null && isRowIdText(values.unitId)
      ? await meetingFormData(viewer, Number(values.unitId))
      : null;
  if (!form && intent !== "save") notFound();

  const extras = async (searched: boolean, preview: InvitePreview | null): Promise<MeetingFormExtras> => {
    const unit = form?.unit;
    // A chief guest already on the meeting shows as saved (name and post), even one this editor could not add today.
    const saved = (id: number) => meeting?.people.find((p) => p.personId === id && (p.role === "guest" || p.role === "chair"));
    const guests: GuestMatch[] = [];
    if (unit) {
      for (const id of ids(values.guestId)) {
        const s = saved(id);
        guests.push(...(s ? [{ id, nameHi: s.nameHi, nameEn: s.nameEn, postHi: s.postHi, postEn: s.postEn }] : await guestById(viewer, unit, id)));
      }
    }
    const matches = unit && searched ? (await findPeopleForMeeting(viewer, unit, values.guestQuery ?? "")).filter((m) => !guests.some((g) => g.id === m.id)) : [];
    return { values, guests, matches, preview, searched };
  };

  if (intent !== "save") {
    const rules = { posts: ids(values.postId), residents: values.residents === "1" || values.residents === "on" };
    const chairId = values.chairId ? Number(values.chairId) : null;
    const preview = intent === "preview" && form ? await previewInvitees(viewer, form.unit, rules, chairId, ids(values.guestId)) : null;
    return { ok: true, data: await extras(intent === "search", preview) };
  }

  const outcome = await runAction(
    {
      name: editing !== null ? "meetings.update" : "meetings.create",
      schema: meetingFormSchema,
      texts: editing !== null ? texts : createTexts,
      keep: [],
      run: async (input, refuse) => {
        const { intent: _i, guestQuery: _q, unitId, meetingId: _m, version, ...details } = input;
        const result = editing !== null ? await updateMeeting(viewer, editing, version ?? 0, details) : await createMeeting(viewer, unitId ?? 0, details);
        return result.ok ? result.data : fromServiceError(refuse, result);
      },
    },
    formData,
  );
  if (!outcome.ok) return { ...outcome, values, detail: await extras(false, null) };
  revalidatePath(`/units/${form?.unit.id ?? values.unitId}`);
  redirect(`/meetings/${outcome.value.meetingId}?saved=1`);
}

async function guestById(viewer: Awaited<ReturnType<typeof requireViewer>>, unit: { id: number }, id: number): Promise<GuestMatch[]> {
  const s = await snapshotPerson(viewer, unit, id);
  return s ? [{ id, nameHi: s.nameHi, nameEn: s.nameEn, postHi: s.postHi, postEn: s.postEn }] : [];
}

const line = (v: FormDataEntryValue | null, max = 100) => (typeof v === "string" ? v.replace(/\s+/g, " ").trim().slice(0, max) : "");

/** Where the attendance page goes back to: its filter and page kept, plus what happened. */
function attendanceUrl(meetingId: number, params: Record<string, string>, hash = "") {
  const qs = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "")).toString();
  return `/meetings/${meetingId}/attendance${qs ? `?${qs}` : ""}${hash}`;
}

/**
 * The attendance page is one form, so nothing ticked is lost: "save" and "all" save; the walk-in
 * search, the list's filter and its pages ("search"), and adding a walk-in (from the directory or
 * by name) save the ticks on the way (nothing written when none changed), then go where asked.
 * Enter presses the hidden "enter": the walk-in search when its box holds a name, adding the
 * walk-in typed by name when that box does, else save.
 */
export async function attendanceAction(_prev: FormState, raw: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const formData = flattenMulti(raw, ["rowId", "present"]);
  const q = line(formData.get("q"));
  const f = line(formData.get("f"));
  const goto = line(formData.get("goto"), 6);
  const walkInPerson = line(formData.get("walkInPerson"), 13);
  let intent = formData.get("intent");
  if (intent === "enter") intent = q ? "search" : line(formData.get("walkInName")) ? "walkin" : "save";
  const follow = walkInPerson ? "walkin" : intent === "walkin" ? "unlisted" : goto || intent === "search" ? "search" : null;
  if (follow) formData.set("intent", "search");
  const outcome = await runAction(
    {
      name: "meetings.attendance",
      schema: attendanceSchema,
      texts,
      keep: [],
      run: async (input, refuse) => {
        const result = await setAttendance(viewer, input);
        return result.ok ? result.data : fromServiceError(refuse, result);
      },
    },
    formData,
  );
  if (!outcome.ok) return outcome;
  const { meetingId, version } = outcome.value;
  const page = /^\d{1,5}$/.test(goto) ? goto : line(formData.get("page"), 6);
  const keep = { f, page: /^\d{1,5}$/.test(page) && page !== "1" ? page : "" };
  revalidatePath(`/meetings/${meetingId}`);
  if (follow === "walkin" || follow === "unlisted") {
    const walkIn = new FormData();
    walkIn.set("meetingId", String(meetingId));
    walkIn.set("version", String(version));
    if (follow === "walkin") walkIn.set("personId", walkInPerson);
    else {
      walkIn.set("name", line(formData.get("walkInName")));
      walkIn.set("post", line(formData.get("walkInPost")));
    }
    const added = await runAction(
      {
        name: "meetings.walkIn",
        schema: walkInSchema,
        texts: codeTexts,
        keep: [],
        run: async (input, refuse) => {
          const result = await addWalkIn(viewer, input);
          return result.ok ? result.data : result.code === "stale" ? refuse.with("stale") : refuse.with("invalid");
        },
      },
      walkIn,
    );
    if (!added.ok) {
      if (added.code === "denied") notFound();
      redirect(attendanceUrl(meetingId, { ...keep, error: added.message === "stale" ? "stale" : "invalid" }, "#walkin-heading"));
    }
    redirect(attendanceUrl(meetingId, { ...keep, saved: "walkin" }, "#walkin-heading"));
  }
  if (follow === "search") redirect(attendanceUrl(meetingId, { ...keep, q }, q ? "#walkin-heading" : "#attendance-heading"));
  redirect(attendanceUrl(meetingId, { ...keep, saved: "1" }, "#attendance-heading"));
}

export async function minutesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const outcome = await runAction(
    {
      name: "meetings.minutes",
      schema: minutesSchema,
      texts,
      keep: ["minutes", "decisions"],
      run: async (input, refuse) => {
        const result = await saveMinutes(viewer, input);
        return result.ok ? result.data : fromServiceError(refuse, result);
      },
    },
    formData,
  );
  if (!outcome.ok) return outcome;
  revalidatePath(`/meetings/${outcome.value.meetingId}`);
  redirect(`/meetings/${outcome.value.meetingId}/attendance?saved=minutes#minutes-heading`);
}

export async function pressNoteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const outcome = await runAction(
    {
      name: "meetings.pressNote",
      schema: pressNoteSchema,
      texts,
      keep: [],
      run: async (input, refuse) => {
        const result = await savePressNote(viewer, input);
        return result.ok ? result.data : fromServiceError(refuse, result);
      },
    },
    formData,
  );
  if (!outcome.ok) return outcome;
  revalidatePath(`/meetings/${outcome.value.meetingId}`);
  redirect(`/meetings/${outcome.value.meetingId}/press-note?saved=1`);
}
