import "server-only";
import { query, transaction } from "@/db";
import { writeAudit } from "@/lib/audit/log";
import { canWrite, unitVisibility } from "@/lib/auth/grants";
import { deny, loadUnit, type GuardedUnit } from "@/lib/auth/guard";
import { personInScope } from "@/lib/auth/person-access";
import type { Viewer } from "@/lib/auth/session";
import type { Attendance, InviteRules, MeetingDetails, Minutes, PressNoteInput, WalkIn } from "@/lib/validation/meetings";
import { expandInviteRules, invitablePosts, labelsOf } from "./rules";
import { joinPosts } from "./post-label";
import { defaultTitle } from "./press-note";

/**
 * Meeting writes. Each checks the grants itself (editors of the meeting's unit, for every body
 * of the meeting when the grant is limited to one body), runs in one transaction with its audit
 * row, and compares the meeting's version with the one the form was opened on.
 */

export type MeetingError = { ok: false; code: "invalid"; fields: Record<string, string[]> } | { ok: false; code: "stale" };
export type MeetingResult<T> = { ok: true; data: T } | MeetingError;

type MeetingRow = { id: number; unitId: number; version: number; title: string; inviteRules: string | null };

const meetingRow = query<[number], MeetingRow>(
  "select id, unit_id as \"unitId\", version, title, invite_rules as \"inviteRules\" from meetings where id = ?",
);
const bodiesOfMeeting = query<[number], { bodyId: number }>("select body_id as \"bodyId\" from meeting_bodies where meeting_id = ?");
const knownBodies = query<[string], { id: number; nameHi: string; nameEn: string }>(
  (d) => `select id, name_hi as "nameHi", name_en as "nameEn" from bodies where id in (${d.jsonInts("?")}) order by sort`,
);
const insertMeeting = query<[number, string, string, number, string, string, string, string, string, number | null], { id: number }>(
  `insert into meetings (unit_id, title, starts_at, duration_minutes, mode, location, agenda, lang, invite_rules, created_by_account_id)
   values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
);
const updateMeetingRow = query<[string, string, number, string, string, string, string, string, number, number]>(
  `update meetings set title = ?, starts_at = ?, duration_minutes = ?, mode = ?, location = ?, agenda = ?, lang = ?, invite_rules = ?,
          version = version + 1
   where id = ? and version = ?`,
);
const bumpVersion = query<[number, number]>("update meetings set version = version + 1 where id = ? and version = ?");
const clearBodies = query<[number]>("delete from meeting_bodies where meeting_id = ?");
const insertBody = query<[number, number]>("insert into meeting_bodies (meeting_id, body_id) values (?, ?)");

type InviteeRow = { id: number; personId: number | null; role: Role; nameHi: string; nameEn: string; postHi: string; postEn: string; unitId: number | null; attended: number | null };
type Role = "chair" | "guest" | "invitee" | "walk_in";

const inviteesOf = query<[number], InviteeRow>(
  `select id, person_id as "personId", role, name_hi as "nameHi", name_en as "nameEn", post_hi as "postHi", post_en as "postEn", unit_id as "unitId", attended
   from meeting_invitees where meeting_id = ? order by sort, id`,
);
const insertInvitee = query<[number, number | null, Role, string, string, string, string, number | null, number], { id: number }>(
  `insert into meeting_invitees (meeting_id, person_id, role, name_hi, name_en, post_hi, post_en, unit_id, sort) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
);
const updateInviteeRole = query<[Role, string, string, number, number]>("update meeting_invitees set role = ?, post_hi = ?, post_en = ?, sort = ? where id = ?");
const updateInviteeSort = query<[number, number]>("update meeting_invitees set sort = ? where id = ?");
const deleteInvitee = query<[number]>("delete from meeting_invitees where id = ?");
const setAttended = query<[number | null, number, number]>("update meeting_invitees set attended = ? where id = ? and meeting_id = ?");
const setMinutesRow = query<[string, string, number, number]>("update meetings set minutes = ?, decisions = ?, version = version + 1 where id = ? and version = ?");
const setPressNoteRow = query<[string | null, number, number]>("update meetings set press_note = ?, version = version + 1 where id = ? and version = ?");

const personName = query<[number], { id: number; nameHi: string; nameEn: string }>("select id, name_hi as \"nameHi\", name_en as \"nameEn\" from people where id = ?");
const currentPostsOf = query<
  [number],
  { unitId: number; path: string; level: GuardedUnit["level"]; unitHi: string; unitEn: string; bodyKey: string; bodyHi: string; bodyEn: string; titleHi: string; titleEn: string }
>(
  `select u.id as "unitId", u.path, u.level, u.name_hi as "unitHi", u.name_en as "unitEn", b.key as "bodyKey", b.name_hi as "bodyHi", b.name_en as "bodyEn",
          po.title_hi as "titleHi", po.title_en as "titleEn"
   from tenures t join units u on u.id = t.unit_id join posts po on po.id = t.post_id join bodies b on b.id = po.body_id
   where t.person_id = ? and t.end_date is null
   order by length(u.path), b.sort, po.sort`,
);

type Snapshot = { personId: number; nameHi: string; nameEn: string; postHi: string; postEn: string; unitId: number | null };

/**
 * A person as the viewer may name them on a meeting's papers: anyone the viewer sees in full, or
 * an office-bearer of a unit above the viewer's grants (names and posts only, as elsewhere).
 * Their current posts are the post line. Null: unknown to the viewer.
 */
export function snapshotPerson(viewer: Viewer, meetingUnit: { id: number }, personId: number): Promise<Snapshot | null> {
  return snapshotOf(viewer, meetingUnit, personId);
}

async function snapshotOf(viewer: Viewer, meetingUnit: { id: number }, personId: number): Promise<Snapshot | null> {
  const person = await personName().get(personId);
  if (!person) return null;
  const posts = await currentPostsOf().all(personId);
  const known = (await personInScope(viewer, personId)) || posts.some((p) => unitVisibility(viewer.grants, p.path) !== "none");
  if (!known) return null;
  const labels = posts.map((p) => labelsOf(p, p.unitId === meetingUnit.id));
  return {
    personId,
    nameHi: person.nameHi,
    nameEn: person.nameEn,
    postHi: joinPosts("hi", labels.map((l) => l.hi)),
    postEn: joinPosts("en", labels.map((l) => l.en)),
    unitId: posts[0]?.unitId ?? null,
  };
}

/** May the viewer create or change a meeting of these bodies at this unit? */
export function canEditMeeting(viewer: Viewer, unitPath: string, bodyIds: readonly number[]): boolean {
  return bodyIds.length > 0 && bodyIds.every((b) => canWrite(viewer.grants, unitPath, "editor", b));
}

async function requireEditableUnit(viewer: Viewer, unitId: number, bodyIds: number[], action: string): Promise<GuardedUnit> {
  const unit = await loadUnit(unitId);
  if (!unit || !canEditMeeting(viewer, unit.path, bodyIds)) return deny(viewer, action, "unit", unitId, { bodyIds }, unit?.id ?? null);
  return unit;
}

/** The meeting and its unit when the viewer may edit it; otherwise the attempt is audited and Denied thrown. */
async function requireEditableMeeting(
  viewer: Viewer,
  meetingId: number,
  action: string,
): Promise<{ meeting: MeetingRow; unit: GuardedUnit; bodyIds: number[] }> {
  const meeting = await meetingRow().get(meetingId);
  const unit = meeting ? await loadUnit(meeting.unitId) : undefined;
  const bodyIds = meeting ? (await bodiesOfMeeting().all(meeting.id)).map((b) => b.bodyId) : [];
  if (!meeting || !unit || !canEditMeeting(viewer, unit.path, bodyIds)) return deny(viewer, action, "meeting", meetingId, undefined, unit?.id ?? null);
  return { meeting, unit, bodyIds };
}

/**
 * The chair and chief guests a save names. Someone already on the meeting as chair or guest keeps
 * the saved snapshot (a district admin's guest stays when a mandal editor edits); only people new
 * to the meeting must be ones the editor may name today.
 */
async function checkDetails(
  viewer: Viewer,
  unit: GuardedUnit,
  d: MeetingDetails,
  saved: InviteeRow[] = [],
): Promise<MeetingError | { title: string; chair: Snapshot | null; guests: Snapshot[]; rules: InviteRules }> {
  const fields: Record<string, string[]> = {};
  const savedNamed = new Map(saved.filter((r) => r.personId !== null && (r.role === "chair" || r.role === "guest")).map((r) => [r.personId!, r]));
  const named = async (v: Viewer, u: { id: number }, personId: number): Promise<Snapshot | null> => {
    const r = savedNamed.get(personId);
    return r ? { personId, nameHi: r.nameHi, nameEn: r.nameEn, postHi: r.postHi, postEn: r.postEn, unitId: r.unitId } : snapshotOf(v, u, personId);
  };
  const bodies = await knownBodies().all(JSON.stringify(d.bodyId));
  if (bodies.length !== d.bodyId.length) fields.bodyId = ["invalid"];
  const invitable = new Set((await invitablePosts(unit)).map((p) => p.id));
  if (d.postId.some((id) => !invitable.has(id))) fields.postId = ["post_not_here"];
  const chair = d.chairId === null ? null : await named(viewer, unit, d.chairId);
  if (d.chairId !== null && !chair) fields.chairId = ["person_unknown"];
  const guests: Array<Snapshot | null> = [];
  for (const g of d.guestId.filter((g) => g !== d.chairId)) guests.push(await named(viewer, unit, g));
  if (guests.some((g) => g === null)) fields.guestId = ["person_unknown"];
  if (Object.keys(fields).length > 0) return { ok: false, code: "invalid", fields };
  // A title left empty is the one the form suggests: unit and bodies in the meeting's language.
  const name = (x: { nameHi: string; nameEn: string }) => (d.lang === "hi" ? x.nameHi : x.nameEn.replace(/\s*\([^)]*\)\s*$/, ""));
  const title = d.title || defaultTitle(d.lang, name(unit), bodies.map(name));
  return { title, chair, guests: guests as Snapshot[], rules: { posts: d.postId, residents: d.residents } };
}

const startsAt = (d: MeetingDetails) => `${d.date}T${d.time}`;

/**
 * Brings the meeting's people to the wanted list: chair, chief guests, then the invitees (the
 * rules' expansion when the list is rebuilt, else the saved snapshot as it is). Walk-ins stay;
 * a row kept keeps its snapshot and attendance.
 */
async function reconcile(meetingId: number, unit: GuardedUnit, chair: Snapshot | null, guests: Snapshot[], rebuild: InviteRules | null) {
  const existing = await inviteesOf().all(meetingId);
  const byPerson = new Map(existing.filter((r) => r.personId !== null).map((r) => [r.personId!, r]));
  const wanted = new Map<number, Snapshot & { role: Role }>();
  if (chair) wanted.set(chair.personId, { ...chair, role: "chair" });
  for (const g of guests) if (!wanted.has(g.personId)) wanted.set(g.personId, { ...g, role: "guest" });
  if (rebuild) {
    for (const i of (await expandInviteRules(unit, rebuild)).invitees) if (!wanted.has(i.personId)) wanted.set(i.personId, { ...i, role: "invitee" });
  }
  for (const r of existing) {
    if (r.personId === null || wanted.has(r.personId)) continue;
    // Without a rebuild the saved invitees stay as they were; walk-ins always stay.
    if (r.role === "walk_in" || (r.role === "invitee" && !rebuild)) wanted.set(r.personId, { ...(r as Snapshot), role: r.role });
  }
  let sort = 0;
  for (const [personId, w] of wanted) {
    sort += 1;
    const row = byPerson.get(personId);
    if (!row) await insertInvitee().run(meetingId, personId, w.role, w.nameHi, w.nameEn, w.postHi, w.postEn, w.unitId, sort);
    else if (row.role !== w.role) await updateInviteeRole().run(w.role, w.postHi, w.postEn, sort, row.id);
    else await updateInviteeSort().run(sort, row.id);
  }
  for (const r of existing) if (r.personId !== null && !wanted.has(r.personId)) await deleteInvitee().run(r.id);
  return { count: wanted.size };
}

export async function createMeeting(viewer: Viewer, unitId: number, d: MeetingDetails): Promise<MeetingResult<{ meetingId: number }>> {
  const unit = await requireEditableUnit(viewer, unitId, d.bodyId, "meeting.create");
  const checked = await checkDetails(viewer, unit, d);
  if ("ok" in checked) return checked;
  return transaction(async (): Promise<MeetingResult<{ meetingId: number }>> => {
    const inserted = await insertMeeting().get(unit.id, checked.title, startsAt(d), d.durationMinutes, d.mode, d.location, d.agenda, d.lang, JSON.stringify(checked.rules), viewer.accountId);
    const meetingId = inserted!.id;
    for (const b of d.bodyId) await insertBody().run(meetingId, b);
    const { count } = await reconcile(meetingId, unit, checked.chair, checked.guests, checked.rules);
    await writeAudit({
      actorAccountId: viewer.accountId,
      action: "meeting.create",
      targetType: "meeting",
      targetId: meetingId,
      unitId: unit.id,
      after: { title: checked.title, startsAt: startsAt(d), mode: d.mode, bodyIds: d.bodyId, rules: checked.rules, invited: count },
    });
    return { ok: true, data: { meetingId } };
  });
}

export async function updateMeeting(viewer: Viewer, meetingId: number, version: number, d: MeetingDetails): Promise<MeetingResult<{ meetingId: number }>> {
  const { meeting, unit } = await requireEditableMeeting(viewer, meetingId, "meeting.update");
  // The new bodies must be the editor's too (an IT cell editor cannot turn it into a morcha meeting).
  await requireEditableUnit(viewer, unit.id, d.bodyId, "meeting.update");
  const saved = await inviteesOf().all(meetingId);
  const checked = await checkDetails(viewer, unit, d, saved);
  if ("ok" in checked) return checked;
  return transaction(async (): Promise<MeetingResult<{ meetingId: number }>> => {
    const rulesJson = JSON.stringify(checked.rules);
    // The saved list is a snapshot: it is rebuilt from today's roster only when the rules change.
    const rebuild = rulesJson !== meeting.inviteRules ? checked.rules : null;
    const changed = await updateMeetingRow().run(checked.title, startsAt(d), d.durationMinutes, d.mode, d.location, d.agenda, d.lang, rulesJson, meetingId, version);
    if (changed.changes === 0) return { ok: false, code: "stale" };
    await clearBodies().run(meetingId);
    for (const b of d.bodyId) await insertBody().run(meetingId, b);
    const { count } = await reconcile(meetingId, unit, checked.chair, checked.guests, rebuild);
    // Who stopped or started being chair or chief guest, by name: a removal is never silent.
    const role = (rows: Array<{ personId: number | null; role: Role; nameHi: string }>) =>
      new Map(rows.filter((r) => r.personId !== null && (r.role === "chair" || r.role === "guest")).map((r) => [r.personId!, r]));
    const was = role(saved);
    const now = role(await inviteesOf().all(meetingId));
    const removed = [...was.values()].filter((r) => now.get(r.personId!)?.role !== r.role).map((r) => `${r.nameHi} (${r.role})`);
    const added = [...now.values()].filter((r) => was.get(r.personId!)?.role !== r.role).map((r) => `${r.nameHi} (${r.role})`);
    await writeAudit({
      actorAccountId: viewer.accountId,
      action: "meeting.update",
      targetType: "meeting",
      targetId: meetingId,
      unitId: unit.id,
      before: { title: meeting.title, ...(removed.length ? { removed } : {}) },
      after: { title: checked.title, startsAt: startsAt(d), mode: d.mode, bodyIds: d.bodyId, rebuilt: rebuild !== null, invited: count, ...(added.length ? { added } : {}) },
    });
    return { ok: true, data: { meetingId } };
  });
}

/** Present or absent for every row the form listed ("all present": every row of the meeting). */
export async function setAttendance(viewer: Viewer, input: Attendance): Promise<MeetingResult<{ meetingId: number; version: number }>> {
  const { meeting, unit } = await requireEditableMeeting(viewer, input.meetingId, "meeting.attendance");
  // Row ids of another meeting (or none at all) are a forged post: refused and audited, nothing changed.
  const own = new Set((await inviteesOf().all(meeting.id)).map((r) => r.id));
  if (input.intent !== "all" && [...input.rowId, ...input.present].some((r) => !own.has(r))) {
    return deny(viewer, "meeting.attendance", "meeting", meeting.id, { title: meeting.title, foreignRows: true }, unit.id);
  }
  return transaction(async (): Promise<MeetingResult<{ meetingId: number; version: number }>> => {
    const rows = await inviteesOf().all(meeting.id);
    if (input.intent === "search") {
      // Ticks saved on the way to the walk-in search: nothing changed, nothing written.
      const listed = new Set(input.rowId);
      const present = new Set(input.present);
      const changed = rows.some((r) => listed.has(r.id) && r.attended !== (present.has(r.id) ? 1 : 0));
      if (!changed) return meeting.version === input.version ? { ok: true, data: { meetingId: meeting.id, version: input.version } } : { ok: false, code: "stale" };
    }
    if ((await bumpVersion().run(meeting.id, input.version)).changes === 0) return { ok: false, code: "stale" };
    const listed = input.intent === "all" ? new Set(rows.map((r) => r.id)) : new Set(input.rowId);
    const present = new Set(input.intent === "all" ? rows.map((r) => r.id) : input.present);
    let yes = 0;
    let no = 0;
    for (const r of rows) {
      if (!listed.has(r.id)) continue;
      const here = present.has(r.id);
      await setAttended().run(here ? 1 : 0, r.id, meeting.id);
      if (here) yes += 1;
      else no += 1;
    }
    await writeAudit({ actorAccountId: viewer.accountId, action: "meeting.attendance", targetType: "meeting", targetId: meeting.id, unitId: unit.id, after: { title: meeting.title, present: yes, absent: no } });
    return { ok: true, data: { meetingId: meeting.id, version: input.version + 1 } };
  });
}

/** Someone who came without an invitation, marked present. */
export async function addWalkIn(viewer: Viewer, input: WalkIn): Promise<MeetingResult<{ meetingId: number }>> {
  const { meeting, unit } = await requireEditableMeeting(viewer, input.meetingId, "meeting.walk_in");
  if (input.personId === null) return addUnlistedWalkIn(viewer, meeting, unit, input);
  const person = await snapshotPerson(viewer, unit, input.personId);
  // The search offers only people the editor may name; anyone else is a forged post.
  if (!person) return deny(viewer, "meeting.walk_in", "meeting", meeting.id, { title: meeting.title, personId: input.personId }, unit.id);
  return transaction(async (): Promise<MeetingResult<{ meetingId: number }>> => {
    if ((await bumpVersion().run(meeting.id, input.version)).changes === 0) return { ok: false, code: "stale" };
    const row = (await inviteesOf().all(meeting.id)).find((r) => r.personId === person.personId);
    if (row) await setAttended().run(1, row.id, meeting.id);
    else {
      const sort = (await inviteesOf().all(meeting.id)).length + 1;
      const inserted = await insertInvitee().get(meeting.id, person.personId, "walk_in", person.nameHi, person.nameEn, person.postHi, person.postEn, person.unitId, sort);
      await setAttended().run(1, inserted!.id, meeting.id);
    }
    await writeAudit({ actorAccountId: viewer.accountId, action: "meeting.walk_in", targetType: "meeting", targetId: meeting.id, unitId: unit.id, after: { title: meeting.title, personId: person.personId, invited: row !== undefined } });
    return { ok: true, data: { meetingId: meeting.id } };
  });
}

/** A walk-in who is not in the directory ("आईटी सेल के कई कार्यकर्ता"): the name as typed, no person. */
async function addUnlistedWalkIn(viewer: Viewer, meeting: MeetingRow, unit: GuardedUnit, input: WalkIn): Promise<MeetingResult<{ meetingId: number }>> {
  const name = input.name?.trim() ?? "";
  const post = input.post?.trim() ?? "";
  if (!name) return { ok: false, code: "invalid", fields: { name: ["required"] } };
  return transaction(async (): Promise<MeetingResult<{ meetingId: number }>> => {
    if ((await bumpVersion().run(meeting.id, input.version)).changes === 0) return { ok: false, code: "stale" };
    const sort = (await inviteesOf().all(meeting.id)).length + 1;
    const inserted = await insertInvitee().get(meeting.id, null, "walk_in", name, name, post, post, null, sort);
    await setAttended().run(1, inserted!.id, meeting.id);
    await writeAudit({ actorAccountId: viewer.accountId, action: "meeting.walk_in", targetType: "meeting", targetId: meeting.id, unitId: unit.id, after: { title: meeting.title, name, invited: false } });
    return { ok: true, data: { meetingId: meeting.id } };
  });
}

export async function saveMinutes(viewer: Viewer, input: Minutes): Promise<MeetingResult<{ meetingId: number }>> {
  const { meeting, unit } = await requireEditableMeeting(viewer, input.meetingId, "meeting.minutes");
  return transaction(async (): Promise<MeetingResult<{ meetingId: number }>> => {
    if ((await setMinutesRow().run(input.minutes, input.decisions, meeting.id, input.version)).changes === 0) return { ok: false, code: "stale" };
    await writeAudit({ actorAccountId: viewer.accountId, action: "meeting.minutes", targetType: "meeting", targetId: meeting.id, unitId: unit.id, after: { title: meeting.title, minutes: input.minutes.length, decisions: input.decisions.split("\n").filter(Boolean).length } });
    return { ok: true, data: { meetingId: meeting.id } };
  });
}

/** The edited press note; "reset" goes back to the draft generated from the record. */
export async function savePressNote(viewer: Viewer, input: PressNoteInput): Promise<MeetingResult<{ meetingId: number }>> {
  const { meeting, unit } = await requireEditableMeeting(viewer, input.meetingId, "meeting.press_note");
  return transaction(async (): Promise<MeetingResult<{ meetingId: number }>> => {
    const text = input.reset || input.pressNote === "" ? null : input.pressNote;
    if ((await setPressNoteRow().run(text, meeting.id, input.version)).changes === 0) return { ok: false, code: "stale" };
    await writeAudit({ actorAccountId: viewer.accountId, action: "meeting.press_note", targetType: "meeting", targetId: meeting.id, unitId: unit.id, after: { title: meeting.title, reset: text === null } });
    return { ok: true, data: { meetingId: meeting.id } };
  });
}
