import "server-only";
import { query } from "@/db";
import { unitVisibility } from "@/lib/auth/grants";
import { subtreeEnd } from "@/lib/tree";
import type { Viewer } from "@/lib/auth/session";
import { todayInIndia } from "@/lib/roster/dates";

/**
 * Filled seats at each month-end over the last 12 months, counted from tenure history (history is
 * never overwritten, so the past can be counted): a seat was filled at the end of a day when a
 * tenure had started by then and had not ended before it.
 */

export type TrendPoint = { monthEnd: string; filled: number };

const unitPath = query<[number], { path: string }>("select path from units where id = ?");
const filledAt = query<[string, string, string, string], { n: number }>(
  `select count(*) as n from tenures t join units u on u.id = t.unit_id
   where u.path >= ? and u.path < ? and t.start_date <= ? and (t.end_date is null or t.end_date > ?)`,
);

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

export function trendOf(viewer: Viewer, unitId: number, today = todayInIndia()): TrendPoint[] | null {
  const unit = unitPath().get(unitId);
  if (!unit || unitVisibility(viewer.grants, unit.path) !== "full") return null;
  const end = subtreeEnd(unit.path);
  return monthEnds(today).map((d) => ({ monthEnd: d, filled: filledAt().get(unit.path, end, d, d)!.n }));
}
