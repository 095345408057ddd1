import "server-only";
import type Database from "better-sqlite3";
import { openSqlite } from "./connection";

// One connection per server process, opened on first use (never at build time), kept on
// globalThis so dev reloads don't leak handles.
const globalForDb = globalThis as unknown as { sangathanSqlite?: Database.Database };

export function getSqlite(): Database.Database {
  return (globalForDb.sangathanSqlite ??= openSqlite());
}

/** A prepared statement, compiled once on first use and reused for the life of the process. */
export function query<P extends unknown[] = unknown[], R = unknown>(source: string) {
  let statement: Database.Statement<P, R> | undefined;
  return () => (statement ??= getSqlite().prepare<P, R>(source));
}
