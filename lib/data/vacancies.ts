import "server-only";
import { query } from "@/db";
import { LEVELS, type Level } from "@/db/schema";
import { unitVisibility } from "@/lib/auth/grants";
import type { Viewer } from "@/lib/auth/session";

type PostOption = { id: number; level: Level; titleKey: string; bodyId: number; titleHi: string; titleEn: string; bodyHi: string; bodyEn: string };

const unitRow = query<[number], { id: number; level: Level; nameHi: string; nameEn: string; path: string }>(
  "select id, level, name_hi as nameHi, name_en as nameEn, path from units where id = ?",
);
const posts = query<[], PostOption>(
  `select p.id, p.level, p.title_key as titleKey, p.body_id as bodyId, p.title_hi as titleHi, p.title_en as titleEn, b.name_hi as bodyHi, b.name_en as bodyEn
   from posts p join bodies b on b.id = p.body_id order by b.sort, p.sort`,
);

/** The vacancy finder for a unit the viewer sees in full: the posts of the levels below it. */
export function getVacancyForm(viewer: Viewer, unitId: number) {
  const unit = unitRow().get(unitId);
  if (!unit || unitVisibility(viewer.grants, unit.path) !== "full") return null;
  const depth = LEVELS.indexOf(unit.level);
  return {
    unit: { id: unit.id, level: unit.level, nameHi: unit.nameHi, nameEn: unit.nameEn },
    posts: posts()
      .all()
      .filter((p) => LEVELS.indexOf(p.level) > depth)
      .sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level)),
  };
}
