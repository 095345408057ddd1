import { AsyncLocalStorage } from "node:async_hooks";
import type Database from "better-sqlite3";
import { openSqlite } from "./connection";
import type { Engine, Statement } from "./engine";
import { DatabaseBusy } from "./errors";

/**
 * SQLITE_BUSY: another process (a script, a second server on the same file) held the file's write
 * lock through the whole busy_timeout (db/connection.ts). Nothing was written; the user may try again.
 */
function troubleOf(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY") ? new DatabaseBusy({ cause: error }) : error;
}

/**
 * SQLite, embedded: statements that only read run on a read-only connection (WAL lets it read the
 * last commit while a transaction is open); writes and transactions run on the one writing
 * connection, one at a time in this process. A transaction takes the write lock first (BEGIN
 * IMMEDIATE), so what it checks still holds at commit. better-sqlite3 answers synchronously, so a
 * transaction that awaits only the database finishes within one turn of the event loop. There is
 * one writer per file, so a transaction's `lock` option (PostgreSQL's lock names) changes nothing here.
 */
export function createSqliteEngine(file?: string): Engine & { writer: Database.Database } {
  const writer = openSqlite(file);
  const reader = openSqlite(writer.name, { readonly: true });
  const compiled = new WeakMap<Database.Database, Map<string, Database.Statement>>();
  const inTransaction = new AsyncLocalStorage<{ savepoints: number }>();
  // This process's write turn: held by one transaction or write at a time; the rest wait in line.
  let held = false;
  const waiting: Array<() => void> = [];

  function compile(connection: Database.Database, source: string): Database.Statement {
    let byConnection = compiled.get(connection);
    if (!byConnection) compiled.set(connection, (byConnection = new Map()));
    let statement = byConnection.get(source);
    if (!statement) byConnection.set(source, (statement = connection.prepare(source)));
    return statement;
  }

  /** Waits for the write turn, runs `work` with it, and hands the turn to the next in line. */
  function withWriteTurn<T>(work: () => T | Promise<T>): Promise<T> {
    const release = () => {
      const next = waiting.shift();
      if (next) next();
      else held = false;
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
    if (!held) {
      held = true;
      return start();
    }
    return new Promise<void>((resolve) => waiting.push(resolve)).then(start);
  }

  function statement<P extends unknown[], R>(source: string): Statement<P, R> {
    // `execute`, not `use`: the React hooks lint takes any function named `use` for the hook.
    const run = <T>(execute: (statement: Database.Statement) => T): Promise<T> => {
      try {
        if (inTransaction.getStore()) return Promise.resolve(execute(compile(writer, source)));
        const onReader = compile(reader, source);
        if (onReader.readonly) return Promise.resolve(execute(onReader));
        return withWriteTurn(() => execute(compile(writer, source))).catch((error: unknown) => Promise.reject(troubleOf(error)));
      } catch (error) {
        return Promise.reject(troubleOf(error));
      }
    };
    return {
      get: (...params) => run((s) => s.get(...params) as R | undefined),
      all: (...params) => run((s) => s.all(...params) as R[]),
      run: (...params) => run((s) => ({ changes: s.run(...params).changes })),
      // On a read-only connection of its own: it reads one snapshot while the writer goes on, and
      // an open iteration would otherwise keep the shared reader busy for every other request.
      async *iterate(...params) {
        const own = openSqlite(writer.name, { readonly: true });
        try {
          yield* own.prepare(source).iterate(...params) as IterableIterator<R>;
        } finally {
          own.close();
        }
      },
    };
  }

  async function transaction<T>(work: () => Promise<T>): Promise<T> {
    const outer = inTransaction.getStore();
    if (outer) {
      // Inside another transaction: a savepoint, so a failure undoes this part only.
      const name = `sp${++outer.savepoints}`;
      writer.exec(`savepoint ${name}`);
      try {
        const result = await work();
        writer.exec(`release ${name}`);
        return result;
      } catch (error) {
        writer.exec(`rollback to ${name}; release ${name}`);
        throw error;
      }
    }
    return withWriteTurn(async () => {
      try {
        writer.exec("begin immediate");
      } catch (error) {
        throw troubleOf(error);
      }
      try {
        const result = await inTransaction.run({ savepoints: 0 }, work);
        writer.exec("commit");
        return result;
      } catch (error) {
        if (writer.inTransaction) writer.exec("rollback");
        throw error;
      }
    });
  }

  return {
    kind: "sqlite",
    writer,
    statement,
    transaction,
    async close() {
      reader.close();
      writer.close();
    },
  };
}
