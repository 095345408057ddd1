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

const ids = (s: string | undefined) => (s ?? "").split(",").filter((x) => /^\d{1,12}$/.test(x)).map(Number);

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
  const meeting = editing !== null && Number.isSafeInteger(editing) ? getMeeting(viewer, editing) : null;
  const form = meeting ? (meeting.editable ? meetingFormData(viewer, meeting.unit.id) : null) : editing === null ? meetingFormData(viewer, Number(values.unitId)) : null;
  if (!form && intent !== "save") notFound();

  const extras = (searched: boolean, preview: InvitePreview | null): MeetingFormExtras => {
    const unit = form?.unit;
    // A chief guest already on the meeting shows as saved (name and post), even one this editor could not add today.
    const saved = (id: number) => meeting?.people.find((p) => p.personId === id && (p.role === "guest" || p.role === "chair"));
    const guests = unit
      ? ids(values.guestId).flatMap((id) => {
          const s = saved(id);
          return s ? [{ id, nameHi: s.nameHi, nameEn: s.nameEn, postHi: s.postHi, postEn: s.postEn }] : guestById(viewer, unit, id);
        })
      : [];
    const matches = unit && searched ? findPeopleForMeeting(viewer, unit, values.guestQuery ?? "").filter((m) => !guests.some((g) => g.id === m.id)) : [];
    return { values, guests, matches, preview, searched };
  };

  if (intent !== "save") {
    const rules = { posts: ids(values.postId), residents: values.residents === "1" || values.residents === "on" };
    const chairId = values.chairId ? Number(values.chairId) : null;
    const preview = intent === "preview" && form ? previewInvitees(viewer, form.unit, rules, chairId, ids(values.guestId)) : null;
    return { ok: true, data: extras(intent === "search", preview) };
  }

  const outcome = await runAction(
    {
      name: editing !== null ? "meetings.update" : "meetings.create",
      schema: meetingFormSchema,
      texts: editing !== null ? texts : createTexts,
      keep: [],
      run: async (input, refuse) => {
        const { intent: _i, guestQuery: _q, unitId, meetingId: _m, version, ...details } = input;
        const result = editing !== null ? updateMeeting(viewer, editing, version ?? 0, details) : createMeeting(viewer, unitId ?? 0, details);
        return result.ok ? result.data : fromServiceError(refuse, result);
      },
    },
    formData,
  );
  if (!outcome.ok) return { ...outcome, values, detail: extras(false, null) };
  revalidatePath(`/units/${form?.unit.id ?? values.unitId}`);
  redirect(`/meetings/${outcome.value.meetingId}?saved=1`);
}

function guestById(viewer: Awaited<ReturnType<typeof requireViewer>>, unit: { id: number }, id: number): GuestMatch[] {
  const s = snapshotPerson(viewer, unit, id);
  return s ? [{ id, nameHi: s.nameHi, nameEn: s.nameEn, postHi: s.postHi, postEn: s.postEn }] : [];
}

export async function attendanceAction(_prev: FormState, raw: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const formData = flattenMulti(raw, ["rowId", "present"]);
  const outcome = await runAction(
    {
      name: "meetings.attendance",
      schema: attendanceSchema,
      texts,
      keep: [],
      run: async (input, refuse) => {
        const result = setAttendance(viewer, input);
        return result.ok ? result.data : fromServiceError(refuse, result);
      },
    },
    formData,
  );
  if (!outcome.ok) return outcome;
  revalidatePath(`/meetings/${outcome.value.meetingId}`);
  redirect(`/meetings/${outcome.value.meetingId}/attendance?saved=1`);
}

/** A plain form post from the walk-in search results: answers by going back with a code. */
export async function walkInAction(formData: FormData): Promise<void> {
  const viewer = await requireViewer();
  const meetingId = Number(formData.get("meetingId"));
  const outcome = await runAction(
    {
      name: "meetings.walkIn",
      schema: walkInSchema,
      texts: codeTexts,
      keep: [],
      run: async (input, refuse) => {
        const result = addWalkIn(viewer, input);
        return result.ok ? result.data : result.code === "stale" ? refuse.with("stale") : refuse.with("invalid");
      },
    },
    formData,
  );
  if (!outcome.ok) {
    if (outcome.code === "denied" || !Number.isSafeInteger(meetingId)) notFound();
    redirect(`/meetings/${meetingId}/attendance?error=${outcome.message === "stale" ? "stale" : "invalid"}`);
  }
  revalidatePath(`/meetings/${meetingId}`);
  redirect(`/meetings/${meetingId}/attendance?saved=walkin#attendance-heading`);
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
        const result = saveMinutes(viewer, input);
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
        const result = savePressNote(viewer, input);
        return result.ok ? result.data : fromServiceError(refuse, result);
      },
    },
    formData,
  );
  if (!outcome.ok) return outcome;
  revalidatePath(`/meetings/${outcome.value.meetingId}`);
  redirect(`/meetings/${outcome.value.meetingId}/press-note?saved=1`);
}
