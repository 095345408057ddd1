import "server-only";
import { query } from "@/db";
import { LEVELS, type Level } from "@/db/schema";
import { canWrite, unitVisibility } from "@/lib/auth/grants";
import { pathIds, subtreeEnd } from "@/lib/tree";
import type { Viewer } from "@/lib/auth/session";

/**
 * Where the organisation is incomplete: filled seats out of all seats, by level and body, in a
 * unit's subtree; and its child units ranked worst first for one post. Counts, not personal data:
 * anyone who sees the unit in full sees them, nobody sees them above their grants.
 */

export type CoverageRow = { level: Level; bodyId: number; bodyHi: string; bodyEn: string; filled: number; total: number };
export type RankedChild = { id: number; level: Level; nameHi: string; nameEn: string; code: string | null; filled: number; total: number; editable: boolean };

type Unit = { id: number; level: Level; nameHi: string; nameEn: string; path: string };

const unitRow = query<[number], Unit>("select id, level, name_hi as \"nameHi\", name_en as \"nameEn\", path from units where id = ?");

/**
 * Units of the top four levels (path depth 0–3: state … mandal) read their subtree's counts from
 * coverage_units and coverage_filled, kept in step by triggers on every write (db/schema.ts);
 * a shakti kendra's or booth's subtree (a few units) is counted live.
 */
export const COUNTED_DEPTH = 3;
const depthOf = (path: string) => pathIds(path).length - 1;

type TotalRow = { level: Level; bodyId: number; bodyHi: string; bodyEn: string; total: number };
type FilledRow = { level: Level; bodyId: number; filled: number };

const countedTotals = query<[number], TotalRow>(
  `select c.level, b.id as "bodyId", b.name_hi as "bodyHi", b.name_en as "bodyEn", sum(p.seats * c.n) as total
   from coverage_units c join posts p on p.level = c.level join bodies b on b.id = p.body_id
   where c.unit_id = ? and c.n > 0
   group by c.level, b.id order by b.sort, b.id`,
);
const countedFilled = query<[number], FilledRow>(
  `select p.level, p.body_id as "bodyId", sum(c.filled) as filled
   from coverage_filled c join posts p on p.id = c.post_id
   where c.unit_id = ? and c.filled <> 0
   group by p.level, p.body_id`,
);
const seatTotals = query<[string, string], TotalRow>(
  `select u.level, b.id as "bodyId", b.name_hi as "bodyHi", b.name_en as "bodyEn", sum(p.seats) as total
   from units u join posts p on p.level = u.level join bodies b on b.id = p.body_id
   where u.path >= ? and u.path < ?
   group by u.level, b.id order by b.sort, b.id`,
);
const filledCounts = query<[string, string], FilledRow>(
  `select u.level, p.body_id as "bodyId", count(*) as filled
   from units u join tenures t on t.unit_id = u.id and t.end_date is null join posts p on p.id = t.post_id
   where u.path >= ? and u.path < ?
   group by u.level, p.body_id`,
);
const postRow = query<[number], { id: number; level: Level; seats: number; bodyId: number }>("select id, level, seats, body_id as \"bodyId\" from posts where id = ?");
type Child = Unit & { code: string | null };
// Counted children: their units at the post's level and holders of the post, from the counts.
const countedChildren = query<[Level, number, number], Child & { units: number; filled: number }>(
  `select u.id, u.level, u.name_hi as "nameHi", u.name_en as "nameEn", u.path, u.code,
          coalesce(cu.n, 0) as units, coalesce(cf.filled, 0) as filled
   from units u left join coverage_units cu on cu.unit_id = u.id and cu.level = ?
   left join coverage_filled cf on cf.unit_id = u.id and cf.post_id = ?
   where u.parent_id = ? order by u.id`,
);
const childrenOf = query<[number], Child>(
  "select id, level, name_hi as \"nameHi\", name_en as \"nameEn\", path, code from units where parent_id = ? order by id",
);
// Units at the post's level below one child, and the current holders of that post among them.
const unitsAtLevel = query<[string, string, Level], { n: number }>("select count(*) as n from units where path >= ? and path < ? and level = ?");
const heldBelow = query<[number, string, string], { n: number }>(
  `select count(*) as n from tenures t join units u on u.id = t.unit_id
   where t.post_id = ? and t.end_date is null and u.path >= ? and u.path < ?`,
);

async function visibleUnit(viewer: Viewer, unitId: number): Promise<Unit | null> {
  const unit = await unitRow().get(unitId);
  return unit && unitVisibility(viewer.grants, unit.path) === "full" ? unit : null;
}

/** Filled / total seats by level and body in the unit's subtree (its own level included); null above or outside the grants. */
export async function coverageOf(viewer: Viewer, unitId: number): Promise<{ unit: Unit; rows: CoverageRow[] } | null> {
  const unit = await visibleUnit(viewer, unitId);
  if (!unit) return null;
  const counted = depthOf(unit.path) <= COUNTED_DEPTH;
  const end = subtreeEnd(unit.path);
  const filledRows = counted ? await countedFilled().all(unit.id) : await filledCounts().all(unit.path, end);
  const filled = new Map(filledRows.map((r) => [`${r.level}:${r.bodyId}`, r.filled]));
  const rows = (counted ? await countedTotals().all(unit.id) : await seatTotals().all(unit.path, end))
    .map((r) => ({ ...r, filled: filled.get(`${r.level}:${r.bodyId}`) ?? 0 }))
    .sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
  return { unit, rows };
}

/** The unit's children ranked worst first for one post (filled share, then fewest filled). */
export async function rankChildren(
  viewer: Viewer,
  unitId: number,
  postId: number,
): Promise<{ unit: Unit; post: { id: number; level: Level; seats: number }; children: RankedChild[] } | null> {
  const unit = await visibleUnit(viewer, unitId);
  const post = await postRow().get(postId);
  if (!unit || !post) return null;
  if (LEVELS.indexOf(post.level) <= LEVELS.indexOf(unit.level)) return { unit, post, children: [] };
  // The children are one level below the unit: counted when the unit is above the mandals.
  const children = (depthOf(unit.path) + 1 <= COUNTED_DEPTH ? await countedChildren().all(post.level, post.id, unit.id) : await countedLive(unit.id, post))
    .map((c) => ({
      id: c.id,
      level: c.level,
      nameHi: c.nameHi,
      nameEn: c.nameEn,
      code: c.code,
      total: c.units * post.seats,
      filled: c.filled,
      editable: canWrite(viewer.grants, c.path, "editor", post.bodyId),
    }))
    .filter((c) => c.total > 0)
    .sort((a, b) => a.filled / a.total - b.filled / b.total || a.filled - b.filled || a.id - b.id);
  return { unit, post, children };
}

/** A shakti kendra's or booth's children, each with its units at the post's level and their holders, counted live. */
async function countedLive(unitId: number, post: { id: number; level: Level }): Promise<Array<Child & { units: number; filled: number }>> {
  const counted = [];
  for (const c of await childrenOf().all(unitId)) {
    const end = subtreeEnd(c.path);
    counted.push({ ...c, units: (await unitsAtLevel().get(c.path, end, post.level))!.n, filled: (await heldBelow().get(post.id, c.path, end))!.n });
  }
  return counted;
}
