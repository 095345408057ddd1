import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { termsFor } from "../lib/search/phonetic";
import * as schema from "./schema";

export const DEFAULT_DATABASE_FILE = "data/sangathan.db";

/** `DATABASE_URL` may be a plain path or a `file:` URL; relative paths are from the project root. */
export function databaseFile(url = process.env.DATABASE_URL): string {
  const raw = url && url.trim() !== "" ? url.trim() : DEFAULT_DATABASE_FILE;
  const file = raw.startsWith("file:") ? raw.slice("file:".length) : raw;
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}

export function openSqlite(file = databaseFile(), options: { readonly?: boolean } = {}) {
  if (!options.readonly) fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  // WAL lets readers run beside the one writer; NORMAL is durable across app crashes in WAL mode.
  if (!options.readonly) sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("cache_size = -262144");
  sqlite.pragma("temp_store = MEMORY");
  // The search triggers compute terms in JS; every connection that writes must have it.
  sqlite.function("search_terms_json", { deterministic: true, varargs: true }, (...texts: unknown[]) =>
    JSON.stringify(termsFor(...texts.map((t) => (typeof t === "string" ? t : null)))),
  );
  return sqlite;
}

export function createDb(sqlite: Database.Database) {
  return drizzle(sqlite, { schema });
}

export type Db = ReturnType<typeof createDb>;

export function migrateDb(db: Db) {
  migrate(db, { migrationsFolder: path.resolve(/*turbopackIgnore: true*/ process.cwd(), "drizzle") });
}
