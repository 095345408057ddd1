import "server-only";
import { query, transaction } from "@/db";
import { writeAudit } from "@/lib/audit/log";
import { deny, requireUnitRole } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/session";

const currentTenure = query<[number], { id: number; unitId: number; personId: number; reachableBelow: number }>(
  "select id, unit_id as \"unitId\", person_id as \"personId\", reachable_below as \"reachableBelow\" from tenures where id = ? and end_date is null",
);
const setFlag = query<[number, number]>("update tenures set reachable_below = ? where id = ? and end_date is null");

/**
 * An admin of the unit lets everyone whose grants lie below it see this holder's number (their
 * district president, their mandal convenor), or takes it back. Audited; nothing else changes.
 */
export async function setReachableBelow(viewer: Viewer, tenureId: number, reachable: boolean): Promise<{ unitId: number }> {
  const tenure = await currentTenure().get(tenureId);
  if (!tenure) return deny(viewer, "tenure.reachable", "tenure", tenureId);
  const unit = await requireUnitRole(viewer, tenure.unitId, "admin", "tenure.reachable");
  await transaction(async () => {
    if ((await setFlag().run(reachable ? 1 : 0, tenure.id)).changes !== 1) return;
    await writeAudit({
      actorAccountId: viewer.accountId,
      action: "tenure.reachable",
      targetType: "tenure",
      targetId: tenure.id,
      unitId: unit.id,
      before: { personId: tenure.personId, reachableBelow: tenure.reachableBelow === 1 },
      after: { reachableBelow: reachable },
    });
  });
  return { unitId: unit.id };
}
