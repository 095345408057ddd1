import "server-only";
import type Database from "better-sqlite3";
import { type Dialect, dialectOf } from "./dialect";
import { type Engine, type EngineKind, engineKindOf, type Statement, type TransactionOptions } from "./engine";
import { createPostgresEngine } from "./engine-pg";
import { createSqliteEngine } from "./engine-sqlite";

export type { RunResult, Statement, TransactionOptions, WriterLock } from "./engine";
export { DatabaseBusy, DatabaseUnreachable, databaseTrouble, type DatabaseTrouble } from "./errors";
export { dialect, type Dialect } from "./dialect";

/** SQL text, or a function of the engine's dialect for the few statements that differ (db/dialect.ts). */
export type Source = string | ((d: Dialect) => string);

const textFor = (source: Source, engine: Engine) => (typeof source === "string" ? source : source(dialectOf(engine.kind)));

/**
 * The data layer's one door to the database: asynchronous, so the same functions run on SQLite
 * (embedded, the default) and on PostgreSQL (`DATABASE_URL=postgres://…`). Write SQL once, with
 * `?` placeholders:
 *
 *   const unitRow = query<[number], Unit>("select … from units where id = ?");  // compiled once
 *   const unit = await unitRow().get(id);
 *
 *   await transaction(async () => { …awaits of query(…)() inside… });   // all or nothing
 *
 * A transaction must await only the database, never the network or a timer: on SQLite it holds
 * the process's write turn, on PostgreSQL the database's writer lock, while it runs (and PostgreSQL
 * ends a transaction idle for long, taking it for a frozen server's: db/engine-pg.ts).
 */

type Current = { url: string | undefined; engine: Engine; sqlite?: Database.Database };

// One engine per server process, opened on first use (never at build time), kept on globalThis so
// dev reloads don't leak connections; reopened if DATABASE_URL changes (tests switch databases).
const globalForDb = globalThis as unknown as { sangathanEngine?: Current };

function current(): Current {
  const url = process.env.DATABASE_URL;
  const open = globalForDb.sangathanEngine;
  if (open && open.url === url) return open;
  if (open) void open.engine.close().catch(() => undefined);
  if (engineKindOf(url) === "postgres") return (globalForDb.sangathanEngine = { url, engine: createPostgresEngine(url!) });
  const sqlite = createSqliteEngine();
  return (globalForDb.sangathanEngine = { url, engine: sqlite, sqlite: sqlite.writer });
}

/** Which engine this process runs on. */
export function engineKind(): EngineKind {
  return engineKindOf();
}

/** The SQLite writing connection itself, for SQLite-only operations (backup, crash test, bench setup). */
export function getSqlite(): Database.Database {
  const { sqlite } = current();
  if (!sqlite) throw new Error("getSqlite() is for SQLite only; DATABASE_URL names PostgreSQL");
  return sqlite;
}

/** A statement written once and compiled on first use, per engine, for the life of the process. */
export function query<P extends unknown[] = unknown[], R = unknown>(source: Source): () => Statement<P, R> {
  let made: { engine: Engine; statement: Statement<P, R> } | undefined;
  return () => {
    const { engine } = current();
    if (made?.engine !== engine) made = { engine, statement: engine.statement<P, R>(textFor(source, engine), { kept: true }) };
    return made.statement;
  };
}

/** A statement whose text is built at run time (an IN list of a given length, optional filters). */
export function statement<P extends unknown[] = unknown[], R = unknown>(source: Source): Statement<P, R> {
  const { engine } = current();
  return engine.statement<P, R>(textFor(source, engine));
}

/**
 * Runs `work` as one transaction: everything it writes commits together or not at all. Called inside
 * another transaction, it is a savepoint of it (its failure undoes its own part only). It waits its
 * turn among the writers for a bounded time, then fails with DatabaseBusy (nothing written).
 * `lock: "logins"` is for the login limits alone (see WriterLock).
 */
export function transaction<T>(work: () => Promise<T>, options?: TransactionOptions): Promise<T> {
  return current().engine.transaction(work, options);
}

/** Closes the engine's connections (scripts and tests, before they exit). */
export async function closeDb(): Promise<void> {
  const open = globalForDb.sangathanEngine;
  globalForDb.sangathanEngine = undefined;
  await open?.engine.close();
}
