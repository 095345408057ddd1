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

const NUL = "\u0000";

/**
 * JSON for an audit row without U+0000 (in strings or keys): PostgreSQL refuses the `\u0000` escape
 * in every JSON function, so one such row would break each read of the log's details there.
 */
export function auditJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "string") return v.replaceAll(NUL, "");
    if (v === null || typeof v !== "object" || Array.isArray(v) || !Object.keys(v).some((k) => k.includes(NUL))) return v;
    return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k.replaceAll(NUL, ""), inner]));
  });
}

/** Writes one audit row; call it inside the same transaction as the change it records. */
export async function writeAudit(entry: AuditEntry) {
  await insertAudit().run(
    entry.actorAccountId,
    entry.action,
    entry.targetType,
    entry.targetId,
    entry.unitId ?? null,
    entry.before === undefined ? null : auditJson(entry.before),
    entry.after === undefined ? null : auditJson(entry.after),
    entry.outcome ?? "ok",
  );
}
