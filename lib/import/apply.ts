import "server-only";
import { getSqlite, query } from "@/db";
import type { Level } from "@/db/schema";
import { writeAudit } from "@/lib/audit/log";
import { canImportInto } from "@/lib/auth/predicates";
import { deny, loadUnit, type GuardedUnit } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/session";
import type { SheetRecord } from "./parse";
import { planImport, summarise, type PlannedRow } from "./plan";

const insertImport = query<[number, number, string, string]>("insert into imports (account_id, unit_id, file_name, rows) values (?, ?, ?, ?)");
const importById = query<[number], { id: number; accountId: number; unitId: number; fileName: string; rows: string; appliedAt: string | null }>(
  "select id, account_id as accountId, unit_id as unitId, file_name as fileName, rows, applied_at as appliedAt from imports where id = ?",
);
const markApplied = query<[number]>("update imports set applied_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') where id = ? and applied_at is null");
const insertPerson = query<[string, string, string, string | null, number]>(
  "insert into people (name_hi, name_en, mobile, whatsapp, home_unit_id) values (?, ?, ?, ?, ?)",
);
const endTenure = query<[string, number]>("update tenures set end_date = ?, end_kind = 'imported', end_reason = null, version = version + 1 where id = ? and end_date is null");
const insertTenure = query<[number, number, number, number, string]>(
  "insert into tenures (person_id, unit_id, post_id, seat, start_date) values (?, ?, ?, ?, ?)",
);

/** The unit a sheet is imported into: the viewer must edit somewhere in it (rows are checked one by one). */
export function requireImportUnit(viewer: Viewer, unitId: number): GuardedUnit {
  const unit = loadUnit(unitId);
  if (!unit || !canImportInto(viewer.grants, unit.path)) deny(viewer, "import", "import", unitId, undefined, unit?.id ?? null);
  return unit;
}

export function saveImport(viewer: Viewer, unit: GuardedUnit, fileName: string, records: SheetRecord[]): number {
  return Number(insertImport().run(viewer.accountId, unit.id, fileName.slice(0, 200), JSON.stringify(records)).lastInsertRowid);
}

export function loadImport(viewer: Viewer, importId: number) {
  const row = importById().get(importId);
  // Another account's upload is treated as missing: its rows are personal data.
  if (!row || row.accountId !== viewer.accountId) return null;
  const unit = requireImportUnit(viewer, row.unitId);
  return { ...row, unit, records: JSON.parse(row.rows) as SheetRecord[] };
}

export type ApplyResult = { ok: true; written: number; summary: ReturnType<typeof summarise> } | { ok: false; code: "not_found" | "already_applied" };

/**
 * Writes every valid row in one transaction, planned afresh inside it so nothing changed since
 * the preview is overwritten. Rows in error are skipped whole; unchanged rows write nothing.
 */
export function applyImport(viewer: Viewer, importId: number): ApplyResult {
  const saved = loadImport(viewer, importId);
  if (!saved) return { ok: false, code: "not_found" };
  if (saved.appliedAt) return { ok: false, code: "already_applied" };
  const unit = saved.unit as GuardedUnit & { level: Level };
  return getSqlite().transaction((): ApplyResult => {
    if (markApplied().run(importId).changes !== 1) return { ok: false, code: "already_applied" };
    const plan = planImport(viewer, unit, saved.records);
    const created = new Map<string, number>();
    let written = 0;
    for (const row of plan) {
      if (row.fate.kind !== "new_tenure" && row.fate.kind !== "replaces") continue;
      written += writeRow(viewer, row, created);
    }
    const summary = summarise(plan);
    writeAudit({ actorAccountId: viewer.accountId, action: "import.apply", targetType: "import", targetId: importId, unitId: unit.id, after: { file: saved.fileName, ...summary, written } });
    return { ok: true, written, summary };
  })();
}

function writeRow(viewer: Viewer, row: PlannedRow, created: Map<string, number>): number {
  const { unit, post, seat, startDate, mobile } = row;
  if (!unit || !post || !seat || !startDate || !mobile) return 0;
  let personId = row.personId ?? created.get(mobile) ?? null;
  if (personId === null) {
    personId = Number(insertPerson().run(row.record.nameHi.trim(), row.record.nameEn.trim(), mobile, row.whatsapp ?? null, unit.id).lastInsertRowid);
    created.set(mobile, personId);
    writeAudit({ actorAccountId: viewer.accountId, action: "person.create", targetType: "person", targetId: personId, unitId: unit.id, after: { nameHi: row.record.nameHi, nameEn: row.record.nameEn, mobile, via: "import" } });
  }
  if (row.fate.kind === "replaces" && endTenure().run(startDate, row.fate.holder.tenureId).changes !== 1) {
    throw new Error(`import row ${row.line}: the seat changed during the import`);
  }
  const tenureId = Number(insertTenure().run(personId, unit.id, post.id, seat, startDate).lastInsertRowid);
  writeAudit({
    actorAccountId: viewer.accountId,
    action: row.fate.kind === "replaces" ? "tenure.replace" : "tenure.assign",
    targetType: "tenure",
    targetId: tenureId,
    unitId: unit.id,
    before: row.fate.kind === "replaces" ? { tenureId: row.fate.holder.tenureId, name: row.fate.holder.nameHi, endDate: startDate } : null,
    after: { personId, postId: post.id, post: post.titleHi, seat, startDate, via: "import" },
  });
  return 1;
}
