import "server-only";
import { cache } from "react";
import { query } from "@/db";
import type { Level } from "@/lib/tree";
import { canWrite, unitVisibility } from "@/lib/auth/grants";
import type { Viewer } from "@/lib/auth/session";
import { pathIds } from "@/lib/tree";

export type SeatForEdit = {
  unit: { id: number; level: Level; nameHi: string; nameEn: string };
  post: { id: number; titleHi: string; titleEn: string; bodyHi: string; bodyEn: string; seats: number };
  seat: number;
  holder: null | { tenureId: number; personId: number; nameHi: string; nameEn: string; mobile: string | null; startDate: string; reachableBelow: number };
  /** Earlier holders of this seat, the latest first. */
  history: Array<{ tenureId: number; personId: number; nameHi: string; nameEn: string; startDate: string; endDate: string; endKind: string | null }>;
  /** An admin of the unit may make the holder's number reachable from below. */
  canAdmin: boolean;
  /** Units a new person may be recorded as living in: this unit and its ancestors inside the grants. */
  homeChoices: Array<{ id: number; level: Level; nameHi: string; nameEn: string }>;
};

const unitRow = query<[number], { id: number; level: Level; nameHi: string; nameEn: string; path: string }>(
  "select id, level, name_hi as \"nameHi\", name_en as \"nameEn\", path from units where id = ?",
);
const postRow = query<[number], { id: number; level: Level; bodyId: number; titleHi: string; titleEn: string; bodyHi: string; bodyEn: string; seats: number }>(
  `select p.id, p.level, p.body_id as "bodyId", p.title_hi as "titleHi", p.title_en as "titleEn", b.name_hi as "bodyHi", b.name_en as "bodyEn", p.seats
   from posts p join bodies b on b.id = p.body_id where p.id = ?`,
);
const holderRow = query<[number, number, number], NonNullable<SeatForEdit["holder"]>>(
  `select t.id as "tenureId", p.id as "personId", p.name_hi as "nameHi", p.name_en as "nameEn", p.mobile, t.start_date as "startDate", t.reachable_below as "reachableBelow"
   from tenures t join people p on p.id = t.person_id
   where t.unit_id = ? and t.post_id = ? and t.seat = ? and t.end_date is null`,
);
const historyRows = query<[number, number, number], SeatForEdit["history"][number]>(
  `select t.id as "tenureId", p.id as "personId", p.name_hi as "nameHi", p.name_en as "nameEn", t.start_date as "startDate", t.end_date as "endDate", t.end_kind as "endKind"
   from tenures t join people p on p.id = t.person_id
   where t.unit_id = ? and t.post_id = ? and t.seat = ? and t.end_date is not null
   order by t.end_date desc, t.id desc limit 10`,
);
const unitsByIds = query<[string], { id: number; level: Level; nameHi: string; nameEn: string; path: string }>(
  (d) => `select id, level, name_hi as "nameHi", name_en as "nameEn", path from units where id in (${d.jsonInts("?")}) order by length(path) desc`,
);

/** A seat the viewer may edit, or null (the page answers not found). */
export const getSeatForEdit = cache(async function getSeatForEdit(viewer: Viewer, unitId: number, postId: number, seat: number): Promise<SeatForEdit | null> {
  const unit = await unitRow().get(unitId);
  const post = await postRow().get(postId);
  if (!unit || !post || post.level !== unit.level || seat < 1 || seat > post.seats) return null;
  if (!canWrite(viewer.grants, unit.path, "editor", post.bodyId)) return null;
  const homeChoices = (await unitsByIds().all(JSON.stringify(pathIds(unit.path))))
    .filter((u) => unitVisibility(viewer.grants, u.path) === "full")
    .map(({ path, ...u }) => u);
  return {
    unit: { id: unit.id, level: unit.level, nameHi: unit.nameHi, nameEn: unit.nameEn },
    post: { id: post.id, titleHi: post.titleHi, titleEn: post.titleEn, bodyHi: post.bodyHi, bodyEn: post.bodyEn, seats: post.seats },
    seat,
    holder: (await holderRow().get(unit.id, post.id, seat)) ?? null,
    history: await historyRows().all(unit.id, post.id, seat),
    canAdmin: canWrite(viewer.grants, unit.path, "admin"),
    homeChoices,
  };
});
