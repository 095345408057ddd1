import type { Statement } from "@/db/engine";
import { LOGIN_ATTEMPTS_KEEP_DAYS, SESSION_MAX_AGE } from "./limits";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Revoked session ids outlive the longest session by an hour, then go. */
const REVOKED_KEEP_MS = (SESSION_MAX_AGE + 60 * 60) * 1000;
/** An uploaded sheet never applied is dropped after a day; an applied one keeps its row only (not the rows) after 7 days. */
const UNAPPLIED_IMPORT_KEEP_MS = DAY_MS;
const APPLIED_IMPORT_ROWS_KEEP_MS = 7 * DAY_MS;

export type Purged = { loginAttempts: number; revokedSessions: number; importsDeleted: number; importsEmptied: number };

/** Each purge, the statement and how long what it removes is kept (its `?` is the cutoff time). */
const PURGES: Array<{ key: keyof Purged; sql: string; keepMs: number }> = [
  { key: "loginAttempts", sql: "delete from login_attempts where at < ?", keepMs: LOGIN_ATTEMPTS_KEEP_DAYS * DAY_MS },
  { key: "revokedSessions", sql: "delete from revoked_sessions where revoked_at < ?", keepMs: REVOKED_KEEP_MS },
  { key: "importsDeleted", sql: "delete from imports where applied_at is null and created_at < ?", keepMs: UNAPPLIED_IMPORT_KEEP_MS },
  {
    key: "importsEmptied",
    sql: "update imports set rows = '[]' where applied_at is not null and applied_at < ? and rows <> '[]'",
    keepMs: APPLIED_IMPORT_ROWS_KEEP_MS,
  },
];

/** The purges to run now: statement and cutoff. */
export function purgesAt(now = Date.now()): Array<{ key: keyof Purged; sql: string; cutoff: string }> {
  return PURGES.map(({ key, sql, keepMs }) => ({ key, sql, cutoff: new Date(now - keepMs).toISOString() }));
}

/** What the purges need of a database: the app's door ("@/db"), or an engine of a script's own. */
export type PurgeTarget = {
  statement(source: string): Pick<Statement<[string]>, "run">;
  transaction<T>(work: () => Promise<T>): Promise<T>;
};

/**
 * Deletes what is kept only for a while: login attempts older than 30 days, revoked session ids
 * older than any session, uploads never applied after a day, and the stored rows of applied
 * uploads after 7 days. The audit log is kept. Run at startup (scripts/prepare-db.ts), and now and
 * then on login (lib/auth/login.ts). One transaction.
 */
export function purgeExpired(db: PurgeTarget, now = Date.now()): Promise<Purged> {
  return db.transaction(async () => {
    const purged: Purged = { loginAttempts: 0, revokedSessions: 0, importsDeleted: 0, importsEmptied: 0 };
    for (const { key, sql, cutoff } of purgesAt(now)) purged[key] = (await db.statement(sql).run(cutoff)).changes;
    return purged;
  });
}
