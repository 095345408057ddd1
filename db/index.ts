import "server-only";
import type Database from "better-sqlite3";
import { createDb, openSqlite, type Db } from "./connection";

// One connection per server process; kept on globalThis so dev reloads don't leak handles.
const globalForDb = globalThis as unknown as { sangathanDb?: { sqlite: Database.Database; db: Db } };

function connect() {
  const sqlite = openSqlite();
  return { sqlite, db: createDb(sqlite) };
}

const handle = (globalForDb.sangathanDb ??= connect());

export const db = handle.db;
export const sqlite = handle.sqlite;
