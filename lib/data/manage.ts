import "server-only";
import { query } from "@/db";
import { canWrite } from "@/lib/auth/grants";
import type { Viewer } from "@/lib/auth/session";
import { childLevel, type Level } from "@/lib/tree";

export type UnitForManage = {
  id: number;
  level: Level;
  nameHi: string;
  nameEn: string;
  code: string | null;
  whatsappUrl: string | null;
  childLevel: Level | null;
  /** Where a shakti kendra or booth may move: the parent's siblings that the viewer administers. */
  moveTargets: Array<{ id: number; nameHi: string; nameEn: string; code: string | null }> | null;
  parentId: number | null;
};

const unitRow = query<[number], { id: number; level: Level; nameHi: string; nameEn: string; code: string | null; whatsappUrl: string | null; parentId: number | null; path: string }>(
  "select id, level, name_hi as \"nameHi\", name_en as \"nameEn\", code, whatsapp_url as \"whatsappUrl\", parent_id as \"parentId\", path from units where id = ?",
);
const parentSiblings = query<[number], { id: number; nameHi: string; nameEn: string; code: string | null; path: string }>(
  `select s.id, s.name_hi as "nameHi", s.name_en as "nameEn", s.code, s.path
   from units p join units s on s.parent_id = p.parent_id where p.id = ? order by s.id limit 500`,
);

/** A unit the viewer administers, with what the management page needs; null otherwise. */
export async function getUnitForManage(viewer: Viewer, unitId: number): Promise<UnitForManage | null> {
  const unit = await unitRow().get(unitId);
  if (!unit || !canWrite(viewer.grants, unit.path, "admin")) return null;
  const movable = unit.level === "shakti_kendra" || unit.level === "booth";
  const moveTargets =
    movable && unit.parentId !== null
      ? (await parentSiblings().all(unit.parentId))
          .filter((s) => s.id !== unit.parentId && canWrite(viewer.grants, s.path, "admin"))
          .map(({ path, ...s }) => s)
      : null;
  return {
    id: unit.id,
    level: unit.level,
    nameHi: unit.nameHi,
    nameEn: unit.nameEn,
    code: unit.code,
    whatsappUrl: unit.whatsappUrl,
    childLevel: childLevel(unit.level),
    moveTargets,
    parentId: unit.parentId,
  };
}
