import { z } from "zod";
import { isoDateSchema } from "./roster";
import { MAX_ROW_ID } from "@/lib/validation/row-id";

const id = z.coerce.number().int().positive().max(MAX_ROW_ID);
const optionalId = z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v), id.nullable());

/** Repeated form fields (checkboxes) arrive joined by commas (see flattenMulti). */
const idList = (max: number, min = 0, minCode = "required") =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.split(",").filter((s) => s.trim() !== "") : v === undefined || v === null ? [] : v),
    z.array(id).min(min, minCode).max(max, "too_many").transform((ids) => [...new Set(ids)]),
  );

// Control and zero-width characters go; line breaks stay (agenda, minutes and press notes are lines).
const longText = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize("NFC").replace(/\r\n?/g, "\n").replace(/[\u0000-\u0009\u000B-\u001F\u007F\u200B-\u200F\u2028-\u202E\u2060-\u2064\uFEFF]/g, "").trim())
    .pipe(z.string().max(max, "too_long"));
const line = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize("NFC").replace(/[\u0000-\u001F\u007F\u200B-\u200F\u2028-\u202E\u2060-\u2064\uFEFF]/g, " ").replace(/\s+/g, " ").trim())
    .pipe(z.string().max(max, "too_long"));

export const MODES = ["video", "place", "phone"] as const;

/**
 * What a post of the meeting form asks for. Enter in a text field presses the form's first
 * button, the hidden "enter": with something typed in the chief-guest search box that is a search
 * (Enter there is how a phone's keyboard searches), else the list check. It never saves.
 */
export function formIntent(intent: unknown, guestQuery: unknown): "preview" | "search" | "save" {
  if (intent === "preview" || intent === "search") return intent;
  if (intent === "enter") return typeof guestQuery === "string" && guestQuery.trim() !== "" ? "search" : "preview";
  return "save";
}
export const INTENTS = ["preview", "search", "save"] as const;

/** The invite rules a meeting's list is built from (stored as JSON on the meeting). */
export const inviteRulesSchema = z.object({
  posts: z.array(id).max(200),
  residents: z.boolean(),
});
export type InviteRules = z.infer<typeof inviteRulesSchema>;

export const meetingFormSchema = z
  .object({
    unitId: optionalId,
    meetingId: optionalId,
    version: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.coerce.number().int().min(1).nullable()),
    intent: z.enum(INTENTS).catch("save"),
    bodyId: idList(20, 1, "body_required"),
    title: line(200),
    date: isoDateSchema,
    time: z
      .string()
      .trim()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time"),
    durationMinutes: z.coerce.number({ error: "duration" }).int("duration").min(15, "duration").max(720, "duration").catch(60),
    mode: z.enum(MODES, { error: "mode" }),
    location: line(300),
    agenda: longText(3000),
    lang: z.enum(["hi", "en"]).catch("hi"),
    chairId: optionalId,
    guestId: idList(30),
    postId: idList(200),
    residents: z.preprocess((v) => v === "1" || v === "on", z.boolean()),
    guestQuery: line(100).optional().default(""),
  })
  .superRefine((m, ctx) => {
    if (m.intent !== "save") return;
    if (m.location === "") ctx.addIssue({ code: "custom", path: ["location"], message: `location_${m.mode}` });
    else if (m.mode === "video" && !/^https?:\/\/[^\s]+\.[^\s]+$/i.test(m.location)) ctx.addIssue({ code: "custom", path: ["location"], message: "link" });
  });
export type MeetingForm = z.infer<typeof meetingFormSchema>;

/** The fields of a meeting a save writes (create or edit). */
export type MeetingDetails = Omit<MeetingForm, "intent" | "guestQuery" | "unitId" | "meetingId" | "version">;

/** The rows one attendance page lists (it shows a page of the list at a time). */
export const ATTENDANCE_PAGE = 200;

/** "All present" needs no row ids (it is every row of the meeting, however long the list): any sent are dropped. */
export const attendanceSchema = z.preprocess(
  (v) => (v !== null && typeof v === "object" && (v as Record<string, unknown>).intent === "all" ? { ...(v as object), rowId: [], present: [] } : v),
  z.object({
    meetingId: id,
    version: z.coerce.number().int().min(1),
    // "search": the walk-in search of the same form; the ticks are saved first, so none is lost.
    intent: z.enum(["save", "all", "search"]).catch("save"),
    rowId: idList(ATTENDANCE_PAGE * 5),
    present: idList(ATTENDANCE_PAGE * 5),
    q: line(100).optional().default(""),
  }),
);
export type Attendance = Omit<z.infer<typeof attendanceSchema>, "q"> & { q?: string };

/** Someone who came uninvited: a person of the directory, or (not in it) a name and what they are ("आईटी सेल कार्यकर्ता"). */
export const walkInSchema = z
  .object({
    meetingId: id,
    version: z.coerce.number().int().min(1),
    personId: optionalId.optional().default(null),
    name: line(100).optional().default(""),
    post: line(100).optional().default(""),
  })
  .superRefine((w, ctx) => {
    if (w.personId === null && w.name === "") ctx.addIssue({ code: "custom", path: ["name"], message: "required" });
  });
export type WalkIn = Pick<z.infer<typeof walkInSchema>, "meetingId" | "version"> & { personId: number | null; name?: string; post?: string };

export const minutesSchema = z.object({
  meetingId: id,
  version: z.coerce.number().int().min(1),
  minutes: longText(10000),
  decisions: longText(5000),
});
export type Minutes = z.infer<typeof minutesSchema>;

export const pressNoteSchema = z.object({
  meetingId: id,
  version: z.coerce.number().int().min(1),
  pressNote: longText(10000),
  reset: z.preprocess((v) => v === "1", z.boolean()),
});
export type PressNoteInput = z.infer<typeof pressNoteSchema>;

export const meetingListQuerySchema = z.object({
  body: optionalId.catch(null),
  from: isoDateSchema.optional().catch(undefined),
  to: isoDateSchema.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).catch(1),
});
export type MeetingListQuery = z.infer<typeof meetingListQuerySchema>;

/** Checkbox groups sent as repeated fields, joined by commas so zod (and the pipeline's Object.fromEntries) sees them all. */
export function flattenMulti(formData: FormData, keys: readonly string[]): FormData {
  const out = new FormData();
  for (const [k, v] of formData.entries()) if (!keys.includes(k) && typeof v === "string") out.set(k, v);
  for (const k of keys) {
    const all = formData.getAll(k).filter((v): v is string => typeof v === "string");
    if (all.length > 0) out.set(k, all.join(","));
  }
  return out;
}
