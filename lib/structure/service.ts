import "server-only";
import { query, transaction } from "@/db";
import { writeAudit } from "@/lib/audit/log";
import { deny, requireUnitRole } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/session";
import { childLevel, subtreeEnd, type Level } from "@/lib/tree";
import type { AddUnit, MoveUnit, RenameUnit, WhatsappLink } from "@/lib/validation/roster";

/** Structure writes, for admins of the subtree. The parent is the truth; paths follow it. */

export type StructureResult<T> = { ok: true; data: T } | { ok: false; code: "invalid"; fields: Record<string, string[]> };

const MOVABLE: Level[] = ["shakti_kendra", "booth"];

// A new unit's path holds its own id, so the id is chosen before the row is inserted, path and
// all. max(id) + 1 is safe only because writing transactions take turns: SQLite's BEGIN IMMEDIATE,
// and on PostgreSQL the one advisory lock every transaction() takes first (db/engine-pg.ts). So it
// is read inside transaction(), never on its own.
const nextUnitId = query<[], { id: number }>("select coalesce(max(id), 0) + 1 as id from units");
const insertUnit = query<[number, number, Level, string, string, string | null, string]>(
  "insert into units (id, parent_id, level, name_hi, name_en, code, path) values (?, ?, ?, ?, ?, ?, ?)",
);
const unitDetails = query<[number], { nameHi: string; nameEn: string; code: string | null; whatsappUrl: string | null }>(
  "select name_hi as \"nameHi\", name_en as \"nameEn\", code, whatsapp_url as \"whatsappUrl\" from units where id = ?",
);
const renameRow = query<[string, string, string | null, number]>("update units set name_hi = ?, name_en = ?, code = ? where id = ?");
const setLink = query<[string | null, number]>("update units set whatsapp_url = ? where id = ?");
const reparent = query<[number, number]>("update units set parent_id = ? where id = ?");
const repath = query<[string, number, string, string]>(
  "update units set path = ? || substr(path, ?) where path >= ? and path < ?",
);

export async function addUnit(viewer: Viewer, input: AddUnit): Promise<StructureResult<{ unitId: number }>> {
  const parent = await requireUnitRole(viewer, input.parentId, "admin", "unit.add");
  const level = childLevel(parent.level);
  if (!level) return { ok: false, code: "invalid", fields: { parentId: ["no_child_level"] } };
  return transaction(async (): Promise<StructureResult<{ unitId: number }>> => {
    const id = (await nextUnitId().get())!.id;
    await insertUnit().run(id, parent.id, level, input.nameHi, input.nameEn, input.code, `${parent.path}${id}/`);
    await writeAudit({ actorAccountId: viewer.accountId, action: "unit.add", targetType: "unit", targetId: id, unitId: parent.id, after: { level, nameHi: input.nameHi, nameEn: input.nameEn, code: input.code } });
    return { ok: true, data: { unitId: id } };
  });
}

export async function renameUnit(viewer: Viewer, input: RenameUnit): Promise<StructureResult<{ unitId: number }>> {
  const unit = await requireUnitRole(viewer, input.unitId, "admin", "unit.rename");
  return transaction(async (): Promise<StructureResult<{ unitId: number }>> => {
    const before = (await unitDetails().get(unit.id))!;
    await renameRow().run(input.nameHi, input.nameEn, input.code, unit.id);
    await writeAudit({ actorAccountId: viewer.accountId, action: "unit.rename", targetType: "unit", targetId: unit.id, unitId: unit.id, before: { nameHi: before.nameHi, nameEn: before.nameEn, code: before.code }, after: { nameHi: input.nameHi, nameEn: input.nameEn, code: input.code } });
    return { ok: true, data: { unitId: unit.id } };
  });
}

export async function setWhatsappLink(viewer: Viewer, input: WhatsappLink): Promise<StructureResult<{ unitId: number }>> {
  const unit = await requireUnitRole(viewer, input.unitId, "admin", "unit.whatsapp");
  return transaction(async (): Promise<StructureResult<{ unitId: number }>> => {
    const before = (await unitDetails().get(unit.id))!;
    await setLink().run(input.url, unit.id);
    await writeAudit({ actorAccountId: viewer.accountId, action: "unit.whatsapp", targetType: "unit", targetId: unit.id, unitId: unit.id, before: { whatsappUrl: before.whatsappUrl }, after: { whatsappUrl: input.url } });
    return { ok: true, data: { unitId: unit.id } };
  });
}

/** Move a shakti kendra or booth under another parent of the same level; its subtree moves with it. */
export async function moveUnit(viewer: Viewer, input: MoveUnit): Promise<StructureResult<{ unitId: number }>> {
  const unit = await requireUnitRole(viewer, input.unitId, "admin", "unit.move");
  const target = await requireUnitRole(viewer, input.newParentId, "admin", "unit.move");
  if (!MOVABLE.includes(unit.level)) return { ok: false, code: "invalid", fields: { unitId: ["not_movable"] } };
  if (childLevel(target.level) !== unit.level) return { ok: false, code: "invalid", fields: { newParentId: ["wrong_level"] } };
  if (target.id === unit.parentId) return { ok: false, code: "invalid", fields: { newParentId: ["same_parent"] } };
  if (target.path.startsWith(unit.path)) return deny(viewer, "unit.move.cycle", "unit", unit.id);
  return transaction(async (): Promise<StructureResult<{ unitId: number }>> => {
    const newPath = `${target.path}${unit.id}/`;
    await reparent().run(target.id, unit.id);
    await repath().run(newPath, unit.path.length + 1, unit.path, subtreeEnd(unit.path));
    await writeAudit({ actorAccountId: viewer.accountId, action: "unit.move", targetType: "unit", targetId: unit.id, unitId: target.id, before: { parentId: unit.parentId, path: unit.path }, after: { parentId: target.id, path: newPath } });
    return { ok: true, data: { unitId: unit.id } };
  });
}
