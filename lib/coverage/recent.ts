import "server-only";
import { query } from "@/db";
import { unitVisibility } from "@/lib/auth/grants";
import type { Viewer } from "@/lib/auth/session";
import { listAuditEntriesUnder, type AuditRow } from "@/lib/data/audit";

/**
 * Recent changes in a unit's subtree for its home panel: who filled, replaced or vacated a post,
 * corrected a person, added, renamed or moved a unit, set a WhatsApp group or applied an import,
 * in the last 7 days, newest first. Roster and structure only: logins, exports, refusals and
 * account work stay on the audit page. Anyone who sees the unit in full reads them, named and
 * redacted by the audit page's rules (lib/data/audit.ts).
 */

export const RECENT_ACTIONS = [
  "tenure.assign",
  "tenure.replace",
  "tenure.vacate",
  "person.update",
  "unit.add",
  "unit.rename",
  "unit.move",
  "unit.whatsapp",
  "import.apply",
] as const;

export const RECENT_DAYS = 7;
export const RECENT_LIMIT = 10;

const unitPath = query<[number], { path: string }>("select path from units where id = ?");

/** The unit's recent changes for the viewer, or null when the viewer does not see the unit in full. */
export function recentChanges(viewer: Viewer, unitId: number, { now = new Date(), limit = RECENT_LIMIT } = {}): AuditRow[] | null {
  const unit = unitPath().get(unitId);
  if (!unit || unitVisibility(viewer.grants, unit.path) !== "full") return null;
  const sinceAt = new Date(now.getTime() - RECENT_DAYS * 86_400_000).toISOString();
  // An import's rows are told by its one "import.apply" line, not one line each.
  return listAuditEntriesUnder(viewer, unit.path, { sinceAt, actions: RECENT_ACTIONS, skipVia: "import", limit });
}
