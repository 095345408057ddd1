import "server-only";
import { query, transaction } from "@/db";
import { writeAudit } from "@/lib/audit/log";
import { canWrite, covers, roleAtLeast } from "@/lib/auth/grants";
import { deny, isRowId } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/session";
import { assignSeat, type RosterError } from "@/lib/roster/service";

/**
 * Access requests (see oracle.ts): an editor matched a number held by someone outside their
 * scope; an admin whose grants cover both the unit and the person may accept (the admin's own
 * assignment) or decline. Other admins neither see nor can decide them.
 */


export type AccessRequestRow = {
  id: number;
  createdAt: string;
  requester: string;
  unitId: number;
  unitNameHi: string;
  unitNameEn: string;
  unitPath: string;
  postId: number | null;
  postHi: string | null;
  postEn: string | null;
  bodyId: number | null;
  bodyHi: string | null;
  bodyEn: string | null;
  seats: number | null;
  seat: number | null;
  personId: number;
  personHi: string;
  personEn: string;
  mobile: string | null;
};

const openRequests = query<[], AccessRequestRow>(
  `select r.id, r.created_at as "createdAt", a.display_name as requester, u.id as "unitId", u.name_hi as "unitNameHi", u.name_en as "unitNameEn",
          u.path as "unitPath", po.id as "postId", po.title_hi as "postHi", po.title_en as "postEn", po.body_id as "bodyId",
          b.name_hi as "bodyHi", b.name_en as "bodyEn", po.seats, r.seat, p.id as "personId", p.name_hi as "personHi", p.name_en as "personEn", p.mobile
   from access_requests r join accounts a on a.id = r.requester_account_id join units u on u.id = r.unit_id
   join people p on p.id = r.person_id left join posts po on po.id = r.post_id left join bodies b on b.id = po.body_id
   where r.status = 'open' order by r.id`,
);
const requestById = query<[number], { id: number; unitId: number; unitPath: string; postId: number | null; bodyId: number | null; seat: number | null; personId: number; status: string; requesterAccountId: number }>(
  `select r.id, r.unit_id as "unitId", u.path as "unitPath", r.post_id as "postId", po.body_id as "bodyId", r.seat, r.person_id as "personId",
          r.status, r.requester_account_id as "requesterAccountId"
   from access_requests r join units u on u.id = r.unit_id left join posts po on po.id = r.post_id where r.id = ?`,
);
const personPaths = query<[number, number], { path: string }>(
  `select h.path from people p join units h on h.id = p.home_unit_id where p.id = ?
   union select u.path from tenures t join units u on u.id = t.unit_id where t.person_id = ?`,
);
const seatHolder = query<[number, number, number], { tenureId: number; nameHi: string; nameEn: string }>(
  `select t.id as "tenureId", p.name_hi as "nameHi", p.name_en as "nameEn" from tenures t join people p on p.id = t.person_id
   where t.unit_id = ? and t.post_id = ? and t.seat = ? and t.end_date is null`,
);
// The time is bound from JS (ISO, milliseconds): the same text on both engines.
const decide = query<[string, number, string, number]>(
  "update access_requests set status = ?, decided_by_account_id = ?, decided_at = ? where id = ? and status = 'open'",
);

/** An admin covers a request when an admin grant covers its unit (for the post's body) and another (or the same) covers the person. */
async function coversRequest(viewer: Viewer, r: { unitPath: string; bodyId: number | null; personId: number }): Promise<boolean> {
  if (!canWrite(viewer.grants, r.unitPath, "admin", r.bodyId)) return false;
  const adminGrants = viewer.grants.filter((g) => roleAtLeast(g.role, "admin"));
  return (await personPaths().all(r.personId, r.personId)).some((p) => adminGrants.some((g) => covers(g, p.path)));
}

export type OpenRequest = AccessRequestRow & { holder: { tenureId: number; nameHi: string; nameEn: string } | null };

/** Open requests the viewer may decide, each with the seat's current holder (the accept form's expected state). */
export async function listOpenRequests(viewer: Viewer): Promise<OpenRequest[]> {
  if (!viewer.grants.some((g) => roleAtLeast(g.role, "admin"))) return [];
  const listed: OpenRequest[] = [];
  for (const r of await openRequests().all()) {
    if (!(await coversRequest(viewer, r))) continue;
    listed.push({ ...r, holder: r.postId !== null && r.seat !== null ? ((await seatHolder().get(r.unitId, r.postId, r.seat)) ?? null) : null });
  }
  return listed;
}

export async function countOpenRequests(viewer: Viewer): Promise<number> {
  return (await listOpenRequests(viewer)).length;
}

export type DecideResult = { ok: true; unitId: number } | { ok: false; code: "decided" } | RosterError;

class Rollback extends Error {
  constructor(readonly result: DecideResult) {
    super("rollback");
  }
}

async function loadCovered(viewer: Viewer, requestId: number, action: string) {
  const r = isRowId(requestId) ? await requestById().get(requestId) : undefined;
  if (!r || !(await coversRequest(viewer, r))) return deny(viewer, action, "person", r?.personId ?? null, { requestId }, r?.unitId ?? null);
  return r;
}

/**
 * The admin's own assignment of the requested person to the seat: checked against the admin's
 * grants (here and again by the roster service), compare-and-set on the seat (`expectedTenureId`:
 * the holder the admin saw), the request closed in the same transaction, everything audited.
 */
export async function acceptRequest(
  viewer: Viewer,
  input: { requestId: number; expectedTenureId: number | null; seat: number | null; startDate: string },
): Promise<DecideResult> {
  const r = await loadCovered(viewer, input.requestId, "access_request.accept");
  if (r.status !== "open") return { ok: false, code: "decided" };
  const seat = r.seat ?? input.seat;
  if (r.postId === null || seat === null) return { ok: false, code: "invalid", fields: { seat: ["seat_required"] } };
  const postId = r.postId;
  try {
    return await transaction(async (): Promise<DecideResult> => {
      if ((await decide().run("accepted", viewer.accountId, new Date().toISOString(), r.id)).changes !== 1) return { ok: false, code: "decided" };
      const assigned = await assignSeat(viewer, { unitId: r.unitId, postId, seat, personId: r.personId, expectedTenureId: input.expectedTenureId, startDate: input.startDate }, null);
      if (!assigned.ok) throw new Rollback(assigned);
      await writeAudit({
        actorAccountId: viewer.accountId,
        action: "access_request.accept",
        targetType: "person",
        targetId: r.personId,
        unitId: r.unitId,
        after: { requestId: r.id, requesterAccountId: r.requesterAccountId, postId, seat, tenureId: assigned.data.tenureId },
      });
      return { ok: true, unitId: r.unitId };
    });
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    throw error;
  }
}

export async function declineRequest(viewer: Viewer, requestId: number): Promise<DecideResult> {
  const r = await loadCovered(viewer, requestId, "access_request.decline");
  return transaction(async (): Promise<DecideResult> => {
    if ((await decide().run("declined", viewer.accountId, new Date().toISOString(), r.id)).changes !== 1) return { ok: false, code: "decided" };
    await writeAudit({ actorAccountId: viewer.accountId, action: "access_request.decline", targetType: "person", targetId: r.personId, unitId: r.unitId, after: { requestId: r.id, requesterAccountId: r.requesterAccountId } });
    return { ok: true, unitId: r.unitId };
  });
}
