import "server-only";
import { query, transaction } from "@/db";
import type { Level } from "@/db/schema";
import { writeAudit } from "@/lib/audit/log";
import { canImportInto } from "@/lib/auth/predicates";
import { deny, isRowId, loadUnit, type GuardedUnit } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/session";
import { assignInTransaction, updatePerson } from "@/lib/roster/service";
import type { SheetRecord } from "./parse";
import { planImport, summarise, type PlannedRow } from "./plan";

/** A saved row: the sheet's record and the tenure its seat held when the preview was shown. */
type SavedRecord = SheetRecord & { seen?: number | null };

const insertImport = query<[number, number, string, string], { id: number }>(
  "insert into imports (account_id, unit_id, file_name, rows) values (?, ?, ?, ?) returning id",
);
const importById = query<[number], { id: number; accountId: number; unitId: number; fileName: string; rows: string; appliedAt: string | null }>(
  "select id, account_id as \"accountId\", unit_id as \"unitId\", file_name as \"fileName\", rows, applied_at as \"appliedAt\" from imports where id = ?",
);
// The time is bound from JS (ISO text, milliseconds), the same on both engines.
const markApplied = query<[string, number]>("update imports set applied_at = ? where id = ? and applied_at is null");
/** The unit a sheet is imported into: the viewer must edit somewhere in it (rows are checked one by one). */
export async function requireImportUnit(viewer: Viewer, unitId: number): Promise<GuardedUnit> {
  const unit = await loadUnit(unitId);
  if (!unit || !canImportInto(viewer.grants, unit.path)) return deny(viewer, "import", "import", unitId, undefined, unit?.id ?? null);
  return unit;
}

/**
 * Keeps an upload for "apply", with the tenure each row's seat held at the preview (from the
 * preview's plan, or planned here), so a seat changed in between is refused, not overwritten.
 */
export async function saveImport(viewer: Viewer, unit: GuardedUnit, fileName: string, records: SheetRecord[], previewed?: PlannedRow[]): Promise<number> {
  const plan = previewed ?? (await planImport(viewer, unit, records));
  const seen = new Map(plan.map((r) => [r.line, r.currentTenureId]));
  const saved: SavedRecord[] = records.map((r) => (seen.get(r.line) === undefined ? r : { ...r, seen: seen.get(r.line) }));
  return (await insertImport().get(viewer.accountId, unit.id, fileName.slice(0, 200), JSON.stringify(saved)))!.id;
}

export async function loadImport(viewer: Viewer, importId: number) {
  const row = isRowId(importId) ? await importById().get(importId) : undefined;
  // Another account's upload is treated as missing: its rows are personal data.
  if (!row || row.accountId !== viewer.accountId) return null;
  const unit = await requireImportUnit(viewer, row.unitId);
  return { ...row, unit, records: JSON.parse(row.rows) as SavedRecord[] };
}

export type ApplyResult =
  | { ok: true; written: number; summary: ReturnType<typeof summarise> }
  | { ok: false; code: "not_found" | "already_applied" }
  | { ok: false; code: "seat_changed" | "person_changed"; line: number };

/** Thrown inside the apply transaction to undo it whole. */
class ChangedSincePreview extends Error {
  constructor(
    readonly code: "seat_changed" | "person_changed",
    readonly line: number,
  ) {
    super(`import row ${line}: ${code}`);
  }
}

/**
 * Writes every valid row in one transaction, planned afresh inside it, through the roster
 * service's own writes (assignInTransaction, updatePerson) with their audit rows. A seat or
 * person changed since the preview undoes the whole apply and names the row: all or nothing.
 * Rows in error are skipped whole; unchanged rows write nothing.
 */
export async function applyImport(viewer: Viewer, importId: number): Promise<ApplyResult> {
  const saved = await loadImport(viewer, importId);
  if (!saved) return { ok: false, code: "not_found" };
  if (saved.appliedAt) return { ok: false, code: "already_applied" };
  const unit = saved.unit as GuardedUnit & { level: Level };
  const seen = new Map(saved.records.map((r) => [r.line, r.seen]));
  try {
    return await transaction(async (): Promise<ApplyResult> => {
      if ((await markApplied().run(new Date().toISOString(), importId)).changes !== 1) return { ok: false, code: "already_applied" };
      const plan = await planImport(viewer, unit, saved.records);
      const created = new Map<string, number>();
      let written = 0;
      for (const row of plan) {
        if (row.fate.kind !== "new_tenure" && row.fate.kind !== "replaces" && row.fate.kind !== "corrects") continue;
        const expected = seen.get(row.line);
        if (expected !== undefined && expected !== (row.currentTenureId ?? null)) throw new ChangedSincePreview("seat_changed", row.line);
        written += await writeRow(viewer, row, created, importId);
      }
      const summary = summarise(plan);
      await writeAudit({ actorAccountId: viewer.accountId, action: "import.apply", targetType: "import", targetId: importId, unitId: unit.id, after: { file: saved.fileName, ...summary, written } });
      return { ok: true, written, summary };
    });
  } catch (error) {
    if (error instanceof ChangedSincePreview) return { ok: false, code: error.code, line: error.line };
    throw error;
  }
}

async function writeRow(viewer: Viewer, row: PlannedRow, created: Map<string, number>, importId: number): Promise<number> {
  const { unit, post, seat, startDate, mobile, fate } = row;
  if (!unit || !post || !seat || !startDate || !mobile) return 0;
  if (fate.kind === "corrects") {
    // The person form's own write: its grant check, version guard, number rules and audit row.
    const h = fate.holder;
    const whatsapp = row.record.whatsapp.trim() === "" ? (h.whatsapp ?? "") : (row.whatsapp ?? "");
    const r = await updatePerson(viewer, { personId: h.personId, version: h.version, nameHi: row.record.nameHi.trim(), nameEn: row.record.nameEn.trim(), mobile, whatsapp, homeUnitId: h.homeUnitId });
    if (!r.ok) throw new ChangedSincePreview("person_changed", row.line);
    return 1;
  }
  const known = row.personId ?? created.get(mobile) ?? null;
  const person =
    known !== null
      ? { id: known }
      : { create: { nameHi: row.record.nameHi.trim(), nameEn: row.record.nameEn.trim(), mobile, whatsapp: row.whatsapp ?? null, homeUnitId: unit.id } };
  const r = await assignInTransaction(
    viewer,
    { unit, post, seat, expectedTenureId: row.currentTenureId ?? null, startDate, endKind: "imported", via: "import", importId },
    person,
  );
  if (!r.ok) throw new ChangedSincePreview("seat_changed", row.line);
  if (known === null) created.set(mobile, r.data.personId);
  return 1;
}
