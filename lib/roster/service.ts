import "server-only";
import { query, transaction } from "@/db";
import type { Level, Tenure } from "@/db/schema";
import { OutOfScopeLimit, recordOutOfScopeMatch } from "@/lib/access/oracle";
import { writeAudit } from "@/lib/audit/log";
import { canWrite, unitVisibility } from "@/lib/auth/grants";
import { deny, type GuardedUnit, isRowId, loadUnit, requireUnitRole } from "@/lib/auth/guard";
import { canEditPerson, personInScope } from "@/lib/auth/person-access";
import type { Viewer } from "@/lib/auth/session";
import { normaliseMobile } from "@/lib/people/phone";
import type { AssignSeat, NewPerson, UpdatePerson, VacateSeat } from "@/lib/validation/roster";

type EndKind = NonNullable<Tenure["endKind"]>;

/**
 * Roster writes. Each checks the viewer's grants itself (whatever the page showed), runs in one
 * transaction with its audit row, and never overwrites history: a change ends one tenure and
 * starts another. A seat changed since the form was opened is a conflict, not an overwrite.
 */

export type Holder = { tenureId: number; personId: number; nameHi: string; nameEn: string; startDate: string };

export type RosterError =
  | { ok: false; code: "invalid"; fields: Record<string, string[]> }
  | { ok: false; code: "conflict"; current: Holder | null }
  | { ok: false; code: "duplicate_mobile"; field: "mobile" | "whatsapp"; existing: { personId: number; nameHi: string; nameEn: string } | null }
  | { ok: false; code: "stale" }
  | { ok: false; code: "number_unusable" | "number_limit" };

export type RosterResult<T> = { ok: true; data: T } | RosterError;

type PostRow = { id: number; level: Level; bodyId: number; seats: number; titleHi: string; titleEn: string };

const postById = query<[number], PostRow>(
  "select id, level, body_id as \"bodyId\", seats, title_hi as \"titleHi\", title_en as \"titleEn\" from posts where id = ?",
);
const currentHolder = query<[number, number, number], Holder & { version: number }>(
  `select t.id as "tenureId", t.person_id as "personId", p.name_hi as "nameHi", p.name_en as "nameEn", t.start_date as "startDate", t.version
   from tenures t join people p on p.id = t.person_id
   where t.unit_id = ? and t.post_id = ? and t.seat = ? and t.end_date is null`,
);
const tenureById = query<[number], { id: number; unitId: number; postId: number; seat: number; personId: number; startDate: string; endDate: string | null }>(
  "select id, unit_id as \"unitId\", post_id as \"postId\", seat, person_id as \"personId\", start_date as \"startDate\", end_date as \"endDate\" from tenures where id = ?",
);
const endTenure = query<[string, EndKind, string | null, number]>(
  "update tenures set end_date = ?, end_kind = ?, end_reason = ?, version = version + 1 where id = ? and end_date is null",
);
const insertTenure = query<[number, number, number, number, string], { id: number }>(
  "insert into tenures (person_id, unit_id, post_id, seat, start_date) values (?, ?, ?, ?, ?) returning id",
);
const personRow = query<[number], { id: number; nameHi: string; nameEn: string; mobile: string | null; whatsapp: string | null; homeUnitId: number | null; homePath: string | null; version: number }>(
  `select p.id, p.name_hi as "nameHi", p.name_en as "nameEn", p.mobile, p.whatsapp, p.home_unit_id as "homeUnitId", h.path as "homePath", p.version
   from people p left join units h on h.id = p.home_unit_id where p.id = ?`,
);
// Someone's mobile before someone's WhatsApp (the import's planner asks the same), then the lowest id.
const personByMobile = query<[string, string, string], { id: number; nameHi: string; nameEn: string }>(
  `select id, name_hi as "nameHi", name_en as "nameEn" from people where mobile = ? or whatsapp = ?
   order by case when mobile = ? then 0 else 1 end, id limit 1`,
);
const insertPerson = query<[string, string, string, string | null, number | null], { id: number }>(
  "insert into people (name_hi, name_en, mobile, whatsapp, home_unit_id) values (?, ?, ?, ?, ?) returning id",
);
const updatePersonRow = query<[string, string, string | null, string | null, number | null, number, number]>(
  `update people set name_hi = ?, name_en = ?, mobile = ?, whatsapp = ?, home_unit_id = ?, version = version + 1
   where id = ? and version = ?`,
);

function mobileFields(input: { mobile: string; whatsapp?: string }): RosterError | { mobile: string; whatsapp: string | null } {
  const fields: Record<string, string[]> = {};
  const mobile = normaliseMobile(input.mobile);
  if (!mobile) fields.mobile = ["mobile_invalid"];
  const whatsappRaw = input.whatsapp?.trim() ?? "";
  const whatsapp = whatsappRaw === "" ? null : normaliseMobile(whatsappRaw);
  if (whatsappRaw !== "" && !whatsapp) fields.whatsapp = ["mobile_invalid"];
  if (Object.keys(fields).length > 0) return { ok: false, code: "invalid", fields };
  return { mobile: mobile!, whatsapp };
}

async function homeUnitAllowed(viewer: Viewer, homeUnitId: number | null): Promise<boolean> {
  if (homeUnitId === null) return true;
  const home = await loadUnit(homeUnitId);
  return !!home && unitVisibility(viewer.grants, home.path) === "full";
}

/** The day before an ISO date (YYYY-MM-DD), on the calendar (no time zone involved). */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * When a replaced holder's tenure ends: the day before the new one starts, so no day has two
 * holders. A replacement starting on the old holder's own first day (a same-day correction) ends
 * it that day, as end ≥ start requires.
 */
export function replacedEndDate(oldStart: string, newStart: string): string {
  const before = dayBefore(newStart);
  return before < oldStart ? oldStart : before;
}

export type AssignedSeat = { tenureId: number; personId: number; replaced: Holder | null };

export type AssignTarget = {
  unit: { id: number; path: string };
  post: { id: number; bodyId: number; titleHi: string };
  seat: number;
  /** The tenure the caller saw in the seat (none: vacant); anything else now is a conflict. */
  expectedTenureId: number | null;
  startDate: string;
  /** How a replaced holder's tenure ends: "replaced" from the seat form, "imported" from a sheet. */
  endKind: Extract<EndKind, "replaced" | "imported">;
  /** Marks the audit rows of writes made by an import, and names the import (recent changes count its rows per unit). */
  via?: "import";
  importId?: number;
};

export type AssignPerson = { id: number } | { create: { nameHi: string; nameEn: string; mobile: string; whatsapp: string | null; homeUnitId: number | null } };

/**
 * The one write that fills or replaces a seat, with its audit rows; the seat form (assignSeat)
 * and an import's apply both call it, inside their own transaction. It checks the grant again
 * and compares the seat with what the caller saw.
 */
export async function assignInTransaction(viewer: Viewer, target: AssignTarget, person: AssignPerson): Promise<RosterResult<AssignedSeat>> {
  const { unit, post, seat, startDate } = target;
  if (!canWrite(viewer.grants, unit.path, "editor", post.bodyId)) return deny(viewer, "tenure.assign", "unit", unit.id, { postId: post.id }, unit.id);
  const current = (await currentHolder().get(unit.id, post.id, seat)) ?? null;
  if ((current?.tenureId ?? null) !== target.expectedTenureId) {
    return { ok: false, code: "conflict", current: current && strip(current) };
  }
  if (current && "id" in person && current.personId === person.id) {
    return { ok: false, code: "invalid", fields: { personId: ["already_holds"] } };
  }
  if (current && startDate < current.startDate) {
    return { ok: false, code: "invalid", fields: { startDate: ["before_current_start"] } };
  }
  const via = target.via ? { via: target.via, ...(target.importId === undefined ? {} : { importId: target.importId }) } : {};
  let personId: number;
  if ("id" in person) {
    personId = person.id;
  } else {
    const c = person.create;
    personId = (await insertPerson().get(c.nameHi, c.nameEn, c.mobile, c.whatsapp, c.homeUnitId))!.id;
    await writeAudit({ actorAccountId: viewer.accountId, action: "person.create", targetType: "person", targetId: personId, unitId: unit.id, after: { nameHi: c.nameHi, nameEn: c.nameEn, mobile: c.mobile, homeUnitId: c.homeUnitId, ...via } });
  }
  const endDate = current ? replacedEndDate(current.startDate, startDate) : null;
  if (current && (await endTenure().run(endDate!, target.endKind, null, current.tenureId)).changes !== 1) {
    return { ok: false, code: "conflict", current: strip(current) };
  }
  const tenureId = (await insertTenure().get(personId, unit.id, post.id, seat, startDate))!.id;
  await writeAudit({
    actorAccountId: viewer.accountId,
    action: current ? "tenure.replace" : "tenure.assign",
    targetType: "tenure",
    targetId: tenureId,
    unitId: unit.id,
    before: current ? { tenureId: current.tenureId, personId: current.personId, name: current.nameHi, endDate } : null,
    after: { personId, postId: post.id, post: post.titleHi, seat, startDate, ...via },
  });
  return { ok: true, data: { tenureId, personId, replaced: current && strip(current) } };
}

/** Fill a vacant seat, or replace its holder in one step (the old tenure ends the day before the new one starts). */
export async function assignSeat(viewer: Viewer, input: AssignSeat, newPerson: NewPerson | null): Promise<RosterResult<AssignedSeat>> {
  const post = isRowId(input.postId) ? await postById().get(input.postId) : undefined;
  const unit = await requireUnitRole(viewer, input.unitId, "editor", "tenure.assign", post?.bodyId ?? null);
  if (!post || post.level !== unit.level || input.seat > post.seats) {
    return { ok: false, code: "invalid", fields: { postId: ["post_not_here"] } };
  }

  let person: AssignPerson;
  if (input.personId !== null) {
    if (!(await personInScope(viewer, input.personId))) return deny(viewer, "tenure.assign.person", "person", input.personId, { unitId: unit.id }, unit.id);
    person = { id: input.personId };
  } else if (newPerson) {
    const phones = mobileFields(newPerson);
    if ("ok" in phones) return phones;
    if (!(await homeUnitAllowed(viewer, newPerson.homeUnitId))) return { ok: false, code: "invalid", fields: { homeUnitId: ["home_outside"] } };
    const existing = await personByMobile().get(phones.mobile, phones.mobile, phones.mobile);
    if (existing) {
      if (await personInScope(viewer, existing.id)) {
        return { ok: false, code: "duplicate_mobile", field: "mobile", existing: { personId: existing.id, nameHi: existing.nameHi, nameEn: existing.nameEn } };
      }
      return outOfScope(viewer, { unitId: unit.id, postId: post.id, seat: input.seat, personId: existing.id }, "seat_form");
    }
    person = { create: { nameHi: newPerson.nameHi, nameEn: newPerson.nameEn, homeUnitId: newPerson.homeUnitId, ...phones } };
  } else {
    return { ok: false, code: "invalid", fields: { personId: ["person_required"] } };
  }

  const target: AssignTarget = { unit, post, seat: input.seat, expectedTenureId: input.expectedTenureId, startDate: input.startDate, endKind: "replaced" };
  return transaction(() => assignInTransaction(viewer, target, person));
}

type TenureRow = NonNullable<Awaited<ReturnType<ReturnType<typeof tenureById>["get"]>>>;

/** The tenure to end, with the grant checked (a refusal is audited and thrown) and the end date checked. */
async function vacateTarget(viewer: Viewer, input: VacateSeat): Promise<{ tenure: TenureRow; post: PostRow; unit: GuardedUnit } | RosterError> {
  const tenure = isRowId(input.tenureId) ? await tenureById().get(input.tenureId) : undefined;
  const post = tenure ? await postById().get(tenure.postId) : undefined;
  if (!tenure || !post) return deny(viewer, "tenure.vacate", "tenure", input.tenureId);
  const unit = await requireUnitRole(viewer, tenure.unitId, "editor", "tenure.vacate", post.bodyId);
  if (input.endDate < tenure.startDate) return { ok: false, code: "invalid", fields: { endDate: ["before_start"] } };
  return { tenure, post, unit };
}

/** The seat's state now, as the conflict the caller is told of: its holder now, or none (already vacated). */
async function seatChanged(tenure: TenureRow): Promise<RosterError> {
  const now = (await currentHolder().get(tenure.unitId, tenure.postId, tenure.seat)) ?? null;
  return { ok: false, code: "conflict", current: now && strip(now) };
}

/**
 * Whether the vacate the form asks to confirm can still be made: the checks of vacateSeat, and the
 * holder the page showed still in the seat. Someone else may have vacated or replaced him since: the
 * editor is told so at once (who holds it now, or that it is vacant), rather than asked about it.
 */
export async function checkVacate(viewer: Viewer, input: VacateSeat): Promise<RosterResult<{ unitId: number }>> {
  const target = await vacateTarget(viewer, input);
  if ("ok" in target) return target;
  return target.tenure.endDate === null ? { ok: true, data: { unitId: target.unit.id } } : seatChanged(target.tenure);
}

/** End a current tenure, leaving the seat vacant. */
export async function vacateSeat(viewer: Viewer, input: VacateSeat): Promise<RosterResult<{ unitId: number }>> {
  const target = await vacateTarget(viewer, input);
  if ("ok" in target) return target;
  const { tenure, post, unit } = target;

  return transaction(async (): Promise<RosterResult<{ unitId: number }>> => {
    // Compare-and-set: only the tenure the editor saw, and only while it is current.
    const changed = (await endTenure().run(input.endDate, "vacated", input.reason, tenure.id)).changes;
    if (changed !== 1) return seatChanged(tenure);
    await writeAudit({
      actorAccountId: viewer.accountId,
      action: "tenure.vacate",
      targetType: "tenure",
      targetId: tenure.id,
      unitId: unit.id,
      before: { personId: tenure.personId, postId: post.id, post: post.titleHi, seat: tenure.seat, startDate: tenure.startDate },
      after: { endDate: input.endDate, reason: input.reason },
    });
    return { ok: true, data: { unitId: unit.id } };
  });
}

/** Correct a person's names, numbers and home; the version guards against a silent overwrite. */
export async function updatePerson(viewer: Viewer, input: UpdatePerson): Promise<RosterResult<{ personId: number }>> {
  const before = isRowId(input.personId) ? await personRow().get(input.personId) : undefined;
  if (!before || !(await canEditPerson(viewer, input.personId))) return deny(viewer, "person.update", "person", input.personId);
  const phones = mobileFields(input);
  if ("ok" in phones) return phones;
  if (!(await homeUnitAllowed(viewer, input.homeUnitId))) return { ok: false, code: "invalid", fields: { homeUnitId: ["home_outside"] } };
  const other = await personByMobile().get(phones.mobile, phones.mobile, phones.mobile);
  if (other && other.id !== input.personId) {
    if (await personInScope(viewer, other.id)) {
      return { ok: false, code: "duplicate_mobile", field: "mobile", existing: { personId: other.id, nameHi: other.nameHi, nameEn: other.nameEn } };
    }
    // No seat to hand on: the match is counted and audited, nothing more.
    return outOfScope(viewer, { unitId: input.homeUnitId ?? before.homeUnitId ?? null, postId: null, seat: null, personId: other.id }, "person_form");
  }

  return transaction(async (): Promise<RosterResult<{ personId: number }>> => {
    const changed = (await updatePersonRow().run(input.nameHi, input.nameEn, phones.mobile, phones.whatsapp, input.homeUnitId, input.personId, input.version)).changes;
    if (changed !== 1) return { ok: false, code: "stale" };
    await writeAudit({
      actorAccountId: viewer.accountId,
      action: "person.update",
      targetType: "person",
      targetId: input.personId,
      unitId: input.homeUnitId ?? before.homeUnitId,
      before: { nameHi: before.nameHi, nameEn: before.nameEn, mobile: before.mobile, whatsapp: before.whatsapp, homeUnitId: before.homeUnitId },
      after: { nameHi: input.nameHi, nameEn: input.nameEn, mobile: phones.mobile, whatsapp: phones.whatsapp, homeUnitId: input.homeUnitId },
    });
    return { ok: true, data: { personId: input.personId } };
  });
}

/**
 * A number held by someone outside the viewer's scope: the one generic answer (see
 * lib/access/oracle.ts), the match counted, audited and handed to an admin; past the daily limit, refused.
 */
async function outOfScope(
  viewer: Viewer,
  match: { unitId: number | null; postId: number | null; seat: number | null; personId: number },
  via: "seat_form" | "person_form",
): Promise<RosterError> {
  try {
    await recordOutOfScopeMatch(viewer, match, via);
  } catch (error) {
    if (error instanceof OutOfScopeLimit) return { ok: false, code: "number_limit" };
    throw error;
  }
  return { ok: false, code: "number_unusable" };
}

function strip(h: Holder & { version?: number }): Holder {
  return { tenureId: h.tenureId, personId: h.personId, nameHi: h.nameHi, nameEn: h.nameEn, startDate: h.startDate };
}
