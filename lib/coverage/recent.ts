import "server-only";
import { query } from "@/db";
import { unitVisibility } from "@/lib/auth/grants";
import type { Viewer } from "@/lib/auth/session";
import { listAuditEntriesUnder, type AuditRow } from "@/lib/data/audit";
import { isWithin, subtreeEnd } from "@/lib/tree";

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

/** A panel line; `inHere`: an import applied at a unit above this one, with how many rows it changed in this subtree. */
export type RecentRow = AuditRow & { inHere?: number };

const unitPath = query<[number], { path: string }>("select path from units where id = ?");
// The rows imports wrote in a subtree since an instant, counted per import (rows written before imports were named carry none).
const importedRows = query<[{ from: string; to: string; sinceAt: string; actions: string }], { importId: number; n: number }>(
  (d) => `select cast(${d.jsonText("a.after", "importId")} as integer) as "importId", count(*) as n
   from audit_log a join units u on u.id = a.unit_id
   where a.at >= @sinceAt and a.outcome = 'ok' and u.path >= @from and u.path < @to
     and ${d.jsonText("a.after", "via")} = 'import' and ${d.jsonText("a.after", "importId")} is not null
     and a.action in (${d.jsonTexts("@actions")})
   group by "importId"`,
);
const applyUnits = query<[string], { importId: number; path: string }>(
  (d) => `select a.target_id as "importId", u.path from audit_log a join units u on u.id = a.unit_id
   where a.action = 'import.apply' and a.outcome = 'ok' and a.target_id in (${d.jsonInts("?")})`,
);

/** The unit's recent changes for the viewer, or null when the viewer does not see the unit in full. */
export async function recentChanges(viewer: Viewer, unitId: number, { now = new Date(), limit = RECENT_LIMIT } = {}): Promise<RecentRow[] | null> {
  const unit = await unitPath().get(unitId);
  if (!unit || unitVisibility(viewer.grants, unit.path) !== "full") return null;
  const sinceAt = new Date(now.getTime() - RECENT_DAYS * 86_400_000).toISOString();
  // An import's rows are told by its one "import.apply" line, not one line each.
  const rows: RecentRow[] = await listAuditEntriesUnder(viewer, unit.path, { sinceAt, actions: RECENT_ACTIONS, skipVia: "import", limit });
  // An import applied above this unit files its line there: here, one line for it tells how many of its rows fell inside.
  const counts = new Map(
    (await importedRows().all({ from: unit.path, to: subtreeEnd(unit.path), sinceAt, actions: JSON.stringify(RECENT_ACTIONS) })).map((r) => [Number(r.importId), r.n]),
  );
  if (counts.size === 0) return rows;
  const above = (await applyUnits().all(JSON.stringify([...counts.keys()]))).filter((a) => !isWithin(a.path, unit.path));
  for (const path of new Set(above.map((a) => a.path))) {
    const ids = new Set(above.filter((a) => a.path === path).map((a) => a.importId));
    // The audit page's own reading of the import's line (its actor named or redacted for this viewer).
    const lines = (await listAuditEntriesUnder(viewer, path, { sinceAt, actions: ["import.apply"], limit: 1000 })).filter(
      (e) => e.target.kind === "other" && e.target.id !== null && ids.has(e.target.id) && e.unit !== null,
    );
    for (const e of lines) if (e.target.kind === "other" && e.target.id !== null) rows.push({ ...e, inHere: counts.get(e.target.id)! });
  }
  return rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id)).slice(0, limit);
}
