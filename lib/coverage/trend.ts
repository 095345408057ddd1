import "server-only";
import { query } from "@/db";
import { unitVisibility } from "@/lib/auth/grants";
import { pathIds, subtreeEnd } from "@/lib/tree";
import type { Viewer } from "@/lib/auth/session";
import { todayInIndia } from "@/lib/roster/dates";

/**
 * Filled seats at each month-end over the last 12 months, counted from tenure history (history is
 * never overwritten, so the past can be counted): a seat was filled at the end of a day when a
 * tenure had started by then and had not ended before it.
 */

export type TrendPoint = { monthEnd: string; filled: number };

const unitPath = query<[number], { path: string }>("select path from units where id = ?");
// State and district units: the day deltas kept by triggers (db/schema.ts, coverage_days), summed
// in SQL up to the first point, then one row per day with changes until the last.
const filledBy = query<[number, string], { n: number }>("select coalesce(sum(delta), 0) as n from coverage_days where unit_id = ? and day <= ?");
const dayDeltas = query<[number, string, string], { day: string; delta: number }>(
  "select day, delta from coverage_days where unit_id = ? and day > ? and day <= ? and delta <> 0 order by day",
);
// Smaller subtrees: every tenure that had started by the last point, counted here.
const tenureSpans = query<[string, string, string], { s: string; e: string | null }>(
  `select t.start_date as s, t.end_date as e from units u join tenures t on t.unit_id = u.id
   where u.path >= ? and u.path < ? and t.start_date <= ?`,
);
/** Path depth (0 state, 1 district) up to which coverage_days holds a unit's days. */
const DAYS_DEPTH = 1;

/** The last day of each of the 12 months up to and including the current one (the current one: today). */
export function monthEnds(today = todayInIndia()): string[] {
  const [y, m] = today.split("-").map(Number);
  const out: string[] = [];
  for (let i = 11; i >= 0; i--) {
    const last = new Date(Date.UTC(y, m - 1 - i + 1, 0)).toISOString().slice(0, 10);
    out.push(i === 0 ? today : last);
  }
  return out;
}

export async function trendOf(viewer: Viewer, unitId: number, today = todayInIndia()): Promise<TrendPoint[] | null> {
  const unit = await unitPath().get(unitId);
  if (!unit || unitVisibility(viewer.grants, unit.path) !== "full") return null;
  const points = monthEnds(today);
  const last = points[points.length - 1];
  if (pathIds(unit.path).length - 1 <= DAYS_DEPTH) {
    // A running sum of the deltas, read off at each point (points ascend).
    const rows = await dayDeltas().all(unitId, points[0], last);
    let i = 0;
    let filled = (await filledBy().get(unitId, points[0]))!.n;
    return points.map((d) => {
      for (; i < rows.length && rows[i].day <= d; i++) filled += rows[i].delta;
      return { monthEnd: d, filled };
    });
  }
  const spans = await tenureSpans().all(unit.path, subtreeEnd(unit.path), last);
  return points.map((d) => ({ monthEnd: d, filled: spans.reduce((n, t) => (t.s <= d && (t.e === null || t.e > d) ? n + 1 : n), 0) }));
}
