import "server-only";
import fs from "node:fs";
import path from "node:path";
import { getSqlite, query } from "@/db";

// Migrations applied: an empty or foreign file at DATABASE_URL fails here, not on a person's page.
const migrations = query<[], { n: number }>("select count(*) as n from __drizzle_migrations");

/**
 * The database answers, is migrated, and could take a write (open read-write, in WAL mode, file
 * and folder writable) without writing. quick_check would read every page: too slow for a probe.
 * Returns the problems found; none means healthy.
 */
export async function databaseProblems(): Promise<string[]> {
  const sqlite = getSqlite();
  const problems: string[] = [];
  if ((await migrations().get())?.n === 0) problems.push("no migrations applied");
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
