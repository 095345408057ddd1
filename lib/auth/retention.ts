import type Database from "better-sqlite3";
import { LOGIN_ATTEMPTS_KEEP_DAYS, SESSION_MAX_AGE } from "./limits";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Revoked session ids outlive the longest session by an hour, then go. */
const REVOKED_KEEP_MS = (SESSION_MAX_AGE + 60 * 60) * 1000;
/** An uploaded sheet never applied is dropped after a day; an applied one keeps its row only (not the rows) after 7 days. */
const UNAPPLIED_IMPORT_KEEP_MS = DAY_MS;
const APPLIED_IMPORT_ROWS_KEEP_MS = 7 * DAY_MS;

export type Purged = { loginAttempts: number; revokedSessions: number; importsDeleted: number; importsEmptied: number };

/**
 * Deletes what is kept only for a while: login attempts older than 30 days, revoked session ids
 * older than any session, uploads never applied after a day, and the stored rows of applied
 * uploads after 7 days. The audit log is kept. Called at startup (scripts/prepare-db.ts) and now
 * and then on login; one transaction.
 */
export function purgeExpired(sqlite: Database.Database, now = Date.now()): Purged {
  const iso = (ms: number) => new Date(now - ms).toISOString();
  return sqlite.transaction(
    (): Purged => ({
      loginAttempts: sqlite.prepare("delete from login_attempts where at < ?").run(iso(LOGIN_ATTEMPTS_KEEP_DAYS * DAY_MS)).changes,
      revokedSessions: sqlite.prepare("delete from revoked_sessions where revoked_at < ?").run(iso(REVOKED_KEEP_MS)).changes,
      importsDeleted: sqlite
        .prepare("delete from imports where applied_at is null and created_at < ?")
        .run(iso(UNAPPLIED_IMPORT_KEEP_MS)).changes,
      importsEmptied: sqlite
        .prepare("update imports set rows = '[]' where applied_at is not null and applied_at < ? and rows <> '[]'")
        .run(iso(APPLIED_IMPORT_ROWS_KEEP_MS)).changes,
    }),
  )();
}
