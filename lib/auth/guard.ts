import "server-only";
import { query } from "@/db";
import type { Role } from "@/db/schema";
import type { Level } from "@/lib/tree";
import { writeAudit } from "@/lib/audit/log";
import { log } from "@/lib/log";
import { canWrite } from "./grants";
import type { Viewer } from "./session";

/** Thrown when the viewer's grants do not cover a write; the refusal is already in the audit log. */
export class Denied extends Error {
  constructor(readonly action: string) {
    super(`denied: ${action}`);
    this.name = "Denied";
  }
}

export type GuardedUnit = { id: number; parentId: number | null; level: Level; path: string; nameHi: string; nameEn: string };

const unitForGuard = query<[number], GuardedUnit>(
  "select id, parent_id as \"parentId\", level, path, name_hi as \"nameHi\", name_en as \"nameEn\" from units where id = ?",
);

// Any other number (0, negative, fraction, NaN, 2^63, a forged 2^40) names no row and is never looked
// up: SQLite would find nothing, but PostgreSQL refuses to bind it to an integer and fails the statement.
export { MAX_ROW_ID, isRowId } from "@/lib/validation/row-id";
import { MAX_ROW_ID, isRowId } from "@/lib/validation/row-id";

export async function loadUnit(unitId: number): Promise<GuardedUnit | undefined> {
  return isRowId(unitId) ? unitForGuard().get(unitId) : undefined;
}

/**
 * Logs a refused attempt (with the unit it aimed at, so that unit's admins see it) and throws.
 * Callers `return deny(…)`, so what follows sees the checked values narrowed.
 */
export async function deny(
  viewer: Viewer | null,
  action: string,
  targetType: "unit" | "person" | "tenure" | "account" | "grant" | "export" | "import" | "drive" | "meeting",
  targetId: number | null,
  detail?: unknown,
  unitId: number | null = null,
): Promise<never> {
  await writeAudit({
    actorAccountId: viewer?.accountId ?? null,
    action,
    targetType,
    // The id as sent, when the log's integer column can hold it.
    targetId: targetId !== null && Number.isInteger(targetId) && Math.abs(targetId) <= MAX_ROW_ID ? targetId : null,
    unitId,
    after: detail,
    outcome: "denied",
  });
  void log.warn("access.denied", { actorAccountId: viewer?.accountId ?? null, action, targetType, targetId, unitId });
  throw new Denied(action);
}

/**
 * The unit, when the viewer holds `needed` (for `bodyId`'s posts, where given) over it; otherwise
 * the attempt is logged and Denied is thrown. Unknown units are refused the same way, so a guessed
 * id tells nothing.
 */
export async function requireUnitRole(
  viewer: Viewer,
  unitId: number,
  needed: Role,
  action: string,
  bodyId: number | null = null,
): Promise<GuardedUnit> {
  const unit = await loadUnit(unitId);
  if (!unit || !canWrite(viewer.grants, unit.path, needed, bodyId)) return deny(viewer, action, "unit", unitId, { bodyId }, unit?.id ?? null);
  return unit;
}
