import "server-only";
import { query } from "@/db";
import { unitVisibility } from "@/lib/auth/grants";
import { levelDepth, subtreeEnd, type Level } from "@/lib/tree";
import type { Viewer } from "@/lib/auth/session";

/** The vacancy finder: which units below one lack a holder for a chosen post. */

type PostOption = { id: number; level: Level; titleKey: string; bodyId: number; titleHi: string; titleEn: string; bodyHi: string; bodyEn: string };
export type Vacancy = { id: number; nameHi: string; nameEn: string; code: string | null; vacant: number; seats: number };

const unitRow = query<[number], { id: number; level: Level; nameHi: string; nameEn: string; path: string }>(
  "select id, level, name_hi as \"nameHi\", name_en as \"nameEn\", path from units where id = ?",
);
const posts = query<[], PostOption>(
  `select p.id, p.level, p.title_key as "titleKey", p.body_id as "bodyId", p.title_hi as "titleHi", p.title_en as "titleEn", b.name_hi as "bodyHi", b.name_en as "bodyEn"
   from posts p join bodies b on b.id = p.body_id order by b.sort, p.sort, p.id`,
);
const postForVacancy = query<[number], { id: number; level: Level; seats: number }>("select id, level, seats from posts where id = ?");

// The filter is in SQL: a vacancy anywhere in the subtree (78,000 booths below Bihar) is found,
// not only among the first units in path order.
const HELD = "(select count(*) from tenures t where t.unit_id = u.id and t.post_id = ? and t.end_date is null)";
const vacanciesBelow = query<[number, number, string, string, Level, number, number, number], Vacancy>(
  `select u.id, u.name_hi as "nameHi", u.name_en as "nameEn", u.code, ? - ${HELD} as vacant, 0 as seats
   from units u
   where u.path >= ? and u.path < ? and u.level = ? and ${HELD} < ?
   order by u.path
   limit ?`,
);
const vacancyCount = query<[string, string, Level, number, number], { n: number }>(
  `select count(*) as n from units u where u.path >= ? and u.path < ? and u.level = ? and ${HELD} < ?`,
);

/** The vacancy finder for a unit the viewer sees in full: the posts of the levels below it. */
export async function getVacancyForm(viewer: Viewer, unitId: number) {
  const unit = await unitRow().get(unitId);
  if (!unit || unitVisibility(viewer.grants, unit.path) !== "full") return null;
  const depth = levelDepth(unit.level);
  return {
    unit: { id: unit.id, level: unit.level, nameHi: unit.nameHi, nameEn: unit.nameEn },
    posts: (await posts().all())
      .filter((p) => levelDepth(p.level) > depth)
      .sort((a, b) => levelDepth(a.level) - levelDepth(b.level)),
  };
}

/**
 * Units below `underId` where `postId` has a vacant seat (e.g. a mandal's shakti kendras without
 * an IT cell convenor): the first `limit` in tree order and how many there are in all.
 * Null when the viewer does not see the unit in full.
 */
export async function listVacancies(
  viewer: Viewer,
  underId: number,
  postId: number,
  limit = 500,
): Promise<{ units: Vacancy[]; total: number } | null> {
  const under = await unitRow().get(underId);
  const post = await postForVacancy().get(postId);
  if (!under || !post || unitVisibility(viewer.grants, under.path) !== "full") return null;
  if (levelDepth(post.level) < levelDepth(under.level)) return { units: [], total: 0 };
  const end = subtreeEnd(under.path);
  const units = (await vacanciesBelow().all(post.seats, post.id, under.path, end, post.level, post.id, post.seats, limit)).map((v) => ({ ...v, seats: post.seats }));
  const total = units.length < limit ? units.length : (await vacancyCount().get(under.path, end, post.level, post.id, post.seats))!.n;
  return { units, total };
}
