import "server-only";
import { query, transaction } from "@/db";
import { writeAudit } from "@/lib/audit/log";
import type { Viewer } from "@/lib/auth/session";
import { todayInIndia } from "@/lib/roster/dates";

/**
 * Numbers held by people outside an editor's scope, so the directory cannot be used as a
 * membership oracle ("is this mobile a party office-bearer's?").
 *
 * - The editor is told only that the number cannot be used here (one text, in the seat form and
 *   in the import preview alike); never whose it is or where.
 * - Each such match is an audit row ("person.out_of_scope_match", outcome denied) and an access
 *   request an admin covering both the unit and the person may accept or decline.
 * - At most OUT_OF_SCOPE_DAILY_LIMIT matches per account and Indian day are evaluated; past it the
 *   whole form or import preview is refused ("person.out_of_scope_limit", audited on the unit, so
 *   its admins see it) and nothing more is looked up that day.
 */

export const OUT_OF_SCOPE_DAILY_LIMIT = 5;
export const MATCH_ACTION = "person.out_of_scope_match";
export const LIMIT_ACTION = "person.out_of_scope_limit";

export type OutOfScopeMatch = { unitId: number | null; postId: number | null; seat: number | null; personId: number };

/** Thrown when an account has used up its daily out-of-scope matches; the refusal is audited. */
export class OutOfScopeLimit extends Error {
  constructor() {
    super("out-of-scope match limit reached");
    this.name = "OutOfScopeLimit";
  }
}

const matchesSince = query<[number, string, string], { n: number }>(
  "select count(*) as n from audit_log where actor_account_id = ? and action = ? and at >= ?",
);
const openRequestLike = query<[number, number, number, number | null, number | null], { id: number }>(
  `select id from access_requests where requester_account_id = ? and unit_id = ? and person_id = ?
   and post_id is not distinct from ? and seat is not distinct from ? and status = 'open'`,
);
const insertRequest = query<[number, number, number | null, number | null, number], { id: number }>(
  "insert into access_requests (requester_account_id, unit_id, post_id, seat, person_id) values (?, ?, ?, ?, ?) returning id",
);

/** The start of today in India, as the audit log's UTC timestamps write it. */
export function indiaDayStartUtc(now = new Date()): string {
  return new Date(`${todayInIndia(now)}T00:00:00+05:30`).toISOString();
}

export async function outOfScopeMatchesToday(accountId: number, now = new Date()): Promise<number> {
  return (await matchesSince().get(accountId, MATCH_ACTION, indiaDayStartUtc(now)))?.n ?? 0;
}

/**
 * Records one match (audit row + an open access request, one per seat and person) when the
 * account has matches left today; otherwise audits the refusal and throws OutOfScopeLimit.
 * Runs in its own transaction: a refused form or preview still leaves its trace.
 */
export async function recordOutOfScopeMatch(viewer: Viewer, match: OutOfScopeMatch, via: "seat_form" | "person_form" | "import"): Promise<void> {
  const outcome = await transaction(async (): Promise<"limit" | "recorded"> => {
    if ((await outOfScopeMatchesToday(viewer.accountId)) >= OUT_OF_SCOPE_DAILY_LIMIT) {
      await writeAudit({ actorAccountId: viewer.accountId, action: LIMIT_ACTION, targetType: "unit", targetId: match.unitId, unitId: match.unitId, after: { via, limit: OUT_OF_SCOPE_DAILY_LIMIT }, outcome: "denied" });
      return "limit";
    }
    let requestId: number | null = null;
    if (match.unitId !== null && match.postId !== null) {
      requestId = (await openRequestLike().get(viewer.accountId, match.unitId, match.personId, match.postId, match.seat))?.id ?? null;
      requestId ??= (await insertRequest().get(viewer.accountId, match.unitId, match.postId, match.seat, match.personId))!.id;
    }
    await writeAudit({ actorAccountId: viewer.accountId, action: MATCH_ACTION, targetType: "person", targetId: match.personId, unitId: match.unitId, after: { via, postId: match.postId, seat: match.seat, requestId }, outcome: "denied" });
    return "recorded";
  });
  if (outcome === "limit") throw new OutOfScopeLimit();
}
