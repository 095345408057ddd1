import "server-only";
import { query } from "@/db";

export type AuditEntry = {
  actorAccountId: number | null;
  action: string;
  targetType: "unit" | "person" | "tenure" | "account" | "grant" | "export" | "import" | "drive" | "meeting";
  targetId: number | null;
  unitId?: number | null;
  before?: unknown;
  after?: unknown;
  outcome?: "ok" | "denied" | "failed";
};

const insertAudit = query(
  `insert into audit_log (actor_account_id, action, target_type, target_id, unit_id, before, after, outcome)
   values (?, ?, ?, ?, ?, ?, ?, ?)`,
);

/** Writes one audit row; call it inside the same transaction as the change it records. */
export async function writeAudit(entry: AuditEntry) {
  await insertAudit().run(
    entry.actorAccountId,
    entry.action,
    entry.targetType,
    entry.targetId,
    entry.unitId ?? null,
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
    entry.outcome ?? "ok",
  );
}
