import "server-only";
import fs from "node:fs";
import path from "node:path";
import { engineKind, getSqlite, query } from "@/db";

// Migrations applied: an empty or foreign database at DATABASE_URL fails here, not on a person's page.
// Each engine's migrator keeps its own table (drizzle's PostgreSQL one in the schema "drizzle").
const sqliteMigrations = query<[], { n: number }>("select count(*) as n from __drizzle_migrations");
const postgresState = query<[], { n: number; readOnly: string }>(
  `select (select count(*) from drizzle.__drizzle_migrations) as n, current_setting('transaction_read_only') as "readOnly"`,
);

/**
 * The database answers, is migrated, and could take a write, without writing. Returns the problems
 * found; none means healthy.
 */
export async function databaseProblems(): Promise<string[]> {
  return engineKind() === "postgres" ? postgresProblems() : sqliteProblems();
}

/** The server answers on a pooled connection, the migrations are there, and it is no read-only standby. */
async function postgresProblems(): Promise<string[]> {
  const state = await postgresState().get();
  const problems: string[] = [];
  if (!state || state.n === 0) problems.push("no migrations applied");
  if (state?.readOnly === "on") problems.push("connection is read-only");
  return problems;
}

/**
 * Open read-write, in WAL mode, file and folder writable. quick_check would read every page: too
 * slow for a probe.
 */
async function sqliteProblems(): Promise<string[]> {
  const sqlite = getSqlite();
  const problems: string[] = [];
  if ((await sqliteMigrations().get())?.n === 0) problems.push("no migrations applied");
  if (sqlite.readonly) problems.push("connection is read-only");
  if (sqlite.pragma("journal_mode", { simple: true }) !== "wal") problems.push("not in WAL mode");
  for (const target of [sqlite.name, path.dirname(sqlite.name)]) {
    try {
      fs.accessSync(target, fs.constants.R_OK | fs.constants.W_OK);
    } catch {
      problems.push(`${target} is not writable`);
    }
  }
  return problems;
}
