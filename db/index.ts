import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type Database from "better-sqlite3";
import { openSqlite } from "./connection";

/**
 * The data layer's one door to the database: asynchronous, so the same functions run on SQLite
 * (embedded, the default) and on a server engine. Write SQL once, with `?` placeholders:
 *
 *   const unitRow = query<[number], Unit>("select … from units where id = ?");  // compiled once
 *   const unit = await unitRow().get(id);
 *
 *   await transaction(async () => { …awaits of query(…)() inside… });   // all or nothing
 *
 * On SQLite, statements that only read run on a read-only connection (WAL lets it read the last
 * commit while a transaction is open); writes and transactions run on the one writing connection,
 * one at a time in this process (a transaction takes the write lock first: BEGIN IMMEDIATE, so
 * what it checks still holds at commit). A transaction must await only the database, never the
 * network or a timer: it holds the process's write turn while it runs.
 */

export type RunResult = { changes: number };

export interface Statement<P extends unknown[] = unknown[], R = unknown> {
  /** The first row, or undefined. */
  get(...params: P): Promise<R | undefined>;
  all(...params: P): Promise<R[]>;
  /** For writes; `changes` is the number of rows the statement changed (compare-and-set checks it). */
  run(...params: P): Promise<RunResult>;
}

type Connections = {
  file: string | undefined;
  writer: Database.Database;
  reader: Database.Database;
  compiled: WeakMap<Database.Database, Map<string, Database.Statement>>;
  /** This process's write turn: held by one transaction or write at a time; the rest wait in line. */
  held: boolean;
  waiting: Array<() => void>;
};

// One pair of connections per server process, opened on first use (never at build time), kept on
// globalThis so dev reloads don't leak handles; reopened if DATABASE_URL changes (tests).
const globalForDb = globalThis as unknown as { sangathanDb?: Connections };
const inTransaction = new AsyncLocalStorage<{ savepoints: number }>();

function connections(): Connections {
  const current = globalForDb.sangathanDb;
  if (current && current.file === process.env.DATABASE_URL) return current;
  const writer = openSqlite();
  const reader = openSqlite(writer.name, { readonly: true });
  return (globalForDb.sangathanDb = {
    file: process.env.DATABASE_URL,
    writer,
    reader,
    compiled: new WeakMap(),
    held: false,
    waiting: [],
  });
}

/** The SQLite writing connection itself, for SQLite-only operations (backup, crash test, bench setup). */
export function getSqlite(): Database.Database {
  return connections().writer;
}

function compile(c: Connections, connection: Database.Database, source: string): Database.Statement {
  let byConnection = c.compiled.get(connection);
  if (!byConnection) c.compiled.set(connection, (byConnection = new Map()));
  let statement = byConnection.get(source);
  if (!statement) byConnection.set(source, (statement = connection.prepare(source)));
  return statement;
}

/** Waits for this process's write turn, runs `work` with it, and hands the turn to the next in line. */
function withWriteTurn<T>(c: Connections, work: () => T | Promise<T>): Promise<T> {
  const release = () => {
    const next = c.waiting.shift();
    if (next) next();
    else c.held = false;
  };
  const start = (): Promise<T> => {
    let result: T | Promise<T>;
    try {
      result = work();
    } catch (error) {
      release();
      return Promise.reject(error);
    }
    if (result instanceof Promise) return result.finally(release);
    release();
    return Promise.resolve(result);
  };
  // Nobody holds the turn (the usual case): the statement runs at once, in this call.
  if (!c.held) {
    c.held = true;
    return start();
  }
  return new Promise<void>((resolve) => c.waiting.push(resolve)).then(start);
}

function statementFor<P extends unknown[], R>(source: string): Statement<P, R> {
  // `execute`, not `use`: the React hooks lint takes any function named `use` for the hook.
  const run = <T>(execute: (statement: Database.Statement) => T): Promise<T> => {
    try {
      const c = connections();
      if (inTransaction.getStore()) return Promise.resolve(execute(compile(c, c.writer, source)));
      const onReader = compile(c, c.reader, source);
      if (onReader.readonly) return Promise.resolve(execute(onReader));
      return withWriteTurn(c, () => execute(compile(c, c.writer, source)));
    } catch (error) {
      return Promise.reject(error);
    }
  };
  return {
    get: (...params) => run((s) => s.get(...params) as R | undefined),
    all: (...params) => run((s) => s.all(...params) as R[]),
    run: (...params) => run((s) => ({ changes: s.run(...params).changes })),
  };
}

/** A statement written once and compiled on first use, per connection, for the life of the process. */
export function query<P extends unknown[] = unknown[], R = unknown>(source: string): () => Statement<P, R> {
  const statement = statementFor<P, R>(source);
  return () => statement;
}

/** A statement whose text is built at run time (an IN list of a given length, optional filters). */
export function statement<P extends unknown[] = unknown[], R = unknown>(source: string): Statement<P, R> {
  return statementFor<P, R>(source);
}

/**
 * Runs `work` as one transaction: everything it writes commits together or not at all. Called inside
 * another transaction, it is a savepoint of it (its failure undoes its own part only).
 */
export async function transaction<T>(work: () => Promise<T>): Promise<T> {
  const c = connections();
  const outer = inTransaction.getStore();
  if (outer) {
    const name = `sp${++outer.savepoints}`;
    c.writer.exec(`savepoint ${name}`);
    try {
      const result = await work();
      c.writer.exec(`release ${name}`);
      return result;
    } catch (error) {
      c.writer.exec(`rollback to ${name}; release ${name}`);
      throw error;
    }
  }
  return withWriteTurn(c, async () => {
    c.writer.exec("begin immediate");
    try {
      const result = await inTransaction.run({ savepoints: 0 }, work);
      c.writer.exec("commit");
      return result;
    } catch (error) {
      if (c.writer.inTransaction) c.writer.exec("rollback");
      throw error;
    }
  });
}
