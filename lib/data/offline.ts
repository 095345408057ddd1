import "server-only";
import { query } from "@/db";
import type { Level } from "@/db/schema";
import { unitVisibility } from "@/lib/auth/grants";
import type { Viewer } from "@/lib/auth/session";
import { subtreeEnd } from "@/lib/tree";

/**
 * Which pages the offline worker saves for an account without being asked page by page: its
 * own units (each granted unit and its direct children) after login, and "save for offline" on
 * a unit page, the unit's whole subtree down to the booths. Both bounded: a state admin's
 * grant must not start a download of thousands of pages over a village's mobile signal.
 */

export const OWN_UNITS_MAX = 60;
/** A mandal and everything under it: about 15 shakti kendras and 80 booths at state scale. */
export const SUBTREE_MAX = 250;
/** Levels whose page offers "save for offline": a mandal and below, never a whole district. */
export const SAVABLE_LEVELS: readonly Level[] = ["mandal", "shakti_kendra"];

const grantedAndChildren = query<[string, string, number], { id: number }>(
  (d) => `select id from units where id in (${d.jsonInts("?")})
   union
   select id from units where parent_id in (${d.jsonInts("?")})
   order by 1 limit ?`,
);
const unitRow = query<[number], { id: number; level: Level; path: string }>("select id, level, path from units where id = ?");
const subtree = query<[string, string, number], { id: number }>(
  "select id from units where path >= ? and path < ? order by path limit ?",
);
const subtreeSize = query<[string, string], { n: number }>("select count(*) as n from units where path >= ? and path < ?");
// The unit's own office-bearers (their person pages are opened from the unit's page).
const officeBearers = query<[number], { id: number }>(
  "select distinct person_id as id from tenures where unit_id = ? and end_date is null order by person_id",
);

export async function ownUnitPages(viewer: Viewer): Promise<string[]> {
  const ids = JSON.stringify(viewer.grants.map((g) => g.unitId));
  // Granted units first, then their children: the list is cut at the end, never the grants.
  const rows = await grantedAndChildren().all(ids, ids, OWN_UNITS_MAX);
  const granted = new Set(viewer.grants.map((g) => g.unitId));
  return ["/", ...rows.map((r) => r.id).sort((a, b) => Number(granted.has(b)) - Number(granted.has(a))).map((id) => `/units/${id}`)];
}

/**
 * The unit's subtree as page paths, with its own office-bearers' person pages right after the unit's
 * page (at most `max` in all: the unit, its office-bearers, then the subtree in tree order), and how
 * many there are in all; or null when it is not the viewer's to save.
 */
export async function subtreePages(
  viewer: Viewer,
  unitId: number,
  max = SUBTREE_MAX,
): Promise<{ paths: string[]; truncated: boolean; total: number } | null> {
  const unit = await unitRow().get(unitId);
  if (!unit || !SAVABLE_LEVELS.includes(unit.level) || unitVisibility(viewer.grants, unit.path) !== "full") return null;
  const end = subtreeEnd(unit.path);
  // The unit itself comes first in path order.
  const [self, ...below] = (await subtree().all(unit.path, end, max)).map((r) => `/units/${r.id}`);
  const people = (await officeBearers().all(unit.id)).map((r) => `/people/${r.id}`);
  const total = ((await subtreeSize().get(unit.path, end))?.n ?? 0) + people.length;
  const paths = [self, ...people, ...below].slice(0, max);
  return { paths, truncated: total > paths.length, total };
}
