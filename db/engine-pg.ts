import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { termsFor } from "../lib/search/phonetic";
import type { Engine, RunResult, Statement, StatementOptions, TransactionOptions, WriterLock } from "./engine";
import { DatabaseBusy, databaseTrouble, unreachable } from "./errors";

/**
 * PostgreSQL, for several app servers on one database. The SQL the data layer writes once (with `?`
 * placeholders, SQLite-compatible) runs here unchanged but for the placeholders, renumbered `$1…`.
 *
 * - Reads outside a transaction go to the pool, on any connection: they scale with the servers.
 * - A transaction runs on one pooled connection and first takes a database-wide advisory lock, so
 *   writers take turns exactly as they do on SQLite (BEGIN IMMEDIATE): the checks a transaction
 *   makes still hold at its commit, whichever server the other writers run on. Reads never wait
 *   for it. The login limits take a lock of their own (WriterLock), so a login never waits behind
 *   a long import.
 * - No writer waits forever. Within one process, writing transactions queue for their lock
 *   without holding a connection (so waiting writers never take the readers' connections); the
 *   whole wait is bounded (WRITER_WAIT_MS), after which the write fails with DatabaseBusy and the
 *   user is asked to try again. A transaction left idle (a frozen or dead app server) is ended by
 *   PostgreSQL itself after IDLE_IN_TRANSACTION_MS, which frees its lock.
 * - Search terms: on SQLite, triggers compute them in JS (search_terms_json). PostgreSQL can't run
 *   that JS, so its triggers queue changed people and units in `search_pending`; every writing
 *   transaction computes their terms (lib/search/phonetic.ts) and writes them before it commits,
 *   so the index is never a commit behind and no writer has a call to forget.
 * - int8 and numeric results (count(*), sum()) come back as JS numbers, as on SQLite.
 * - The driver's errors that mean "the database did not answer" or "the lock was not free in
 *   time" come out as DatabaseUnreachable and DatabaseBusy (db/errors.ts).
 * - The statements the data layer keeps (query()) are prepared by name on each pooled connection the
 *   first time it runs them: later runs skip parsing, and planning once PostgreSQL finds a generic
 *   plan as good. Statements built at run time (statement()) stay unnamed, so a connection never
 *   holds an unbounded number of them.
 */

/** The advisory lock keys: "sangathan" in ASCII folded to 32 bits, and the next number for the login limits. */
const LOCK_KEYS: Record<WriterLock, number> = { directory: 0x53616e67, logins: 0x53616e68 };

/**
 * How long a writing transaction waits for its turn (in this process's queue, then for the
 * advisory lock) before it gives up with DatabaseBusy. A roster change takes milliseconds; the
 * lock is held longer only by an import's apply (tens of seconds at 10,000 rows) or by a frozen
 * server until PostgreSQL ends its session: the user is told to try again, not left with a page
 * that never loads.
 */
export const WRITER_WAIT_MS = 10_000;

/**
 * A session idle this long inside a transaction belongs to a frozen or dead app server: PostgreSQL
 * ends it, which rolls its transaction back and frees its lock. A live transaction awaits only the
 * database (db/index.ts), so its longest pause is the app's own computing between two statements
 * (the search terms of a 10,000-row import take about a second).
 */
export const IDLE_IN_TRANSACTION_MS = 30_000;

/** A new connection that takes this long is not coming; a pool without a free connection this long is busy. */
const CONNECT_WAIT_MS = 10_000;

const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    // 20 = int8 (count, sum of integers), 1700 = numeric (sum, avg): numbers, as SQLite returns them.
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return format === "binary" ? pg.types.getTypeParser(oid, "binary") : pg.types.getTypeParser(oid, "text");
  },
} as unknown as pg.CustomTypesConfig;

/**
 * Rewrites `?` placeholders as `$1…$n`, and `@name` ones as one number per name (bound from one
 * object, as better-sqlite3 binds them), leaving quoted text, quoted names and comments alone.
 */
export function numberPlaceholders(source: string): { text: string; names: string[] | null } {
  let text = "";
  let n = 0;
  const names: string[] = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "'" || ch === '"') {
      const end = source.indexOf(ch, i + 1);
      const stop = end === -1 ? source.length : end + 1;
      text += source.slice(i, stop);
      i = stop - 1;
    } else if (ch === "-" && source[i + 1] === "-") {
      const end = source.indexOf("\n", i);
      const stop = end === -1 ? source.length : end;
      text += source.slice(i, stop);
      i = stop - 1;
    } else if (ch === "?") {
      text += `$${++n}`;
    } else if (ch === "@" && /[A-Za-z_]/.test(source[i + 1] ?? "")) {
      const name = /^[A-Za-z_]\w*/.exec(source.slice(i + 1))![0];
      let index = names.indexOf(name);
      if (index === -1) index = names.push(name) - 1;
      text += `$${index + 1}`;
      i += name.length;
    } else {
      text += ch;
    }
  }
  return { text, names: names.length > 0 ? names : null };
}

/** PostgreSQL refuses U+0000 in text, which SQLite stores: it is dropped from text parameters. */
const withoutNul = (value: unknown) => (typeof value === "string" && value.includes("\u0000") ? value.replaceAll("\u0000", "") : value);

/** The values to bind, in placeholder order: positional ones as given, named ones from the one object. */
function bind(names: string[] | null, params: unknown[]): unknown[] {
  if (!names) return params.map(withoutNul);
  const values = (params[0] ?? {}) as Record<string, unknown>;
  return names.map((name) => {
    if (!(name in values)) throw new Error(`missing named parameter @${name}`);
    return withoutNul(values[name]);
  });
}

/** Whether a statement only reads (it may then run on any pooled connection, outside a transaction). */
export function onlyReads(source: string): boolean {
  const text = source.trimStart().toLowerCase();
  if (text.startsWith("select")) return true;
  return text.startsWith("with") && !/\b(?:insert|update|delete)\b/.test(text);
}

// Errors that mean the server did not answer: the network's, and PostgreSQL's connection
// failures (class 08) and shutdowns (57P01 admin, 57P02 crash, 57P03 starting or stopping).
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE", "57P01", "57P02", "57P03"]);

/** The driver's error as the trouble it means (db/errors.ts), or the error itself. */
export function troubleOf(error: unknown): unknown {
  if (databaseTrouble(error)) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : "";
  // 55P03: lock_timeout ran out waiting for the writer lock; 25P03: PostgreSQL ended this server's
  // transaction after it sat idle (a frozen or paused server, woken since: nothing of it was written);
  // the other: no pooled connection came free. Each time, trying again in a moment works.
  if (code === "55P03" || code === "25P03" || message === "timeout exceeded when trying to connect") return new DatabaseBusy({ cause: error });
  if (typeof code === "string" && (UNREACHABLE_CODES.has(code) || code.startsWith("08"))) return unreachable(error);
  // The socket closed under a query ("Connection terminated unexpectedly"), or never opened in time.
  if (message.startsWith("Connection terminated")) return unreachable(error);
  return error;
}

/** Runs `work`, throwing what it throws as the trouble it means. */
async function translated<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw troubleOf(error);
  }
}

/**
 * One process's queue for one writer lock: a writing transaction waits here, holding no
 * connection, until the one before it in this process is done, or until its deadline passes
 * (DatabaseBusy). Only the head of the queue holds a connection and waits for PostgreSQL's lock.
 */
function writerQueue() {
  let held = false;
  const waiting: Array<() => void> = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else held = false;
  };
  return {
    /** Resolves with the function that hands the turn on (call it once), or rejects at the deadline. */
    take(deadline: number): Promise<() => void> {
      if (!held) {
        held = true;
        return Promise.resolve(release);
      }
      return new Promise((resolve, reject) => {
        const go = () => {
          clearTimeout(timer);
          resolve(release);
        };
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(go), 1);
          reject(new DatabaseBusy());
        }, deadline - Date.now());
        waiting.push(go);
      });
    },
  };
}

type Held = { client: pg.PoolClient; savepoints: number; lock: WriterLock | null };

export type PostgresEngineOptions = {
  /** Connections this process may open (PG_POOL_SIZE, default 10). */
  max?: number;
  /** How long a writing transaction waits for its lock (default WRITER_WAIT_MS). */
  writerWaitMs?: number;
  /** After how long idle inside a transaction PostgreSQL ends the session (default IDLE_IN_TRANSACTION_MS). */
  idleInTransactionMs?: number;
};

export function createPostgresEngine(url: string, options: PostgresEngineOptions = {}): Engine & { pool: pg.Pool } {
  const writerWaitMs = options.writerWaitMs ?? WRITER_WAIT_MS;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? Number(process.env.PG_POOL_SIZE ?? 10),
    connectionTimeoutMillis: CONNECT_WAIT_MS,
    // Sent at connection start, so it holds for every transaction on every pooled connection.
    idle_in_transaction_session_timeout: options.idleInTransactionMs ?? IDLE_IN_TRANSACTION_MS,
    types,
  });
  // An idle connection the server dropped must not crash the process; the pool replaces it.
  pool.on("error", () => undefined);
  const inTransaction = new AsyncLocalStorage<Held>();
  const texts = new Map<string, ReturnType<typeof numberPlaceholders>>();
  const queues: Record<WriterLock, ReturnType<typeof writerQueue>> = { directory: writerQueue(), logins: writerQueue() };
  // One name per kept statement's text, the same on every connection of the pool.
  const names = new Map<string, string>();
  const nameOf = (source: string) => {
    let name = names.get(source);
    if (name === undefined) names.set(source, (name = `kept_${names.size + 1}`));
    return name;
  };

  const textOf = (source: string) => {
    let text = texts.get(source);
    if (text === undefined) texts.set(source, (text = numberPlaceholders(source)));
    return text;
  };

  /**
   * A pooled connection for one transaction, and its release. A checked-out connection has no
   * error listener of the pool's: one that dies meanwhile (the server stopped, or ended a frozen
   * session) would emit an unhandled 'error' and end the process. Its death is kept instead (what
   * killed it says more than the "not queryable" of the next query), and the connection is thrown away.
   */
  async function checkOut(): Promise<{ client: pg.PoolClient; death: () => unknown; release: (broken: boolean) => void }> {
    const client = await translated(() => pool.connect());
    let death: unknown = null;
    const onError = (error: unknown) => (death ??= error);
    client.on("error", onError);
    return {
      client,
      death: () => death,
      release(broken) {
        client.removeListener("error", onError);
        client.release(broken || death !== null);
      },
    };
  }

  /** Writes the search terms of the people and units this transaction changed (queued by triggers). */
  async function writePendingSearchTerms(client: pg.PoolClient) {
    const pending = await client.query<{ kind: string; ref_id: number }>("delete from search_pending returning kind, ref_id");
    if (pending.rowCount === 0) return;
    const people = pending.rows.filter((r) => r.kind === "p").map((r) => r.ref_id);
    const units = pending.rows.filter((r) => r.kind === "u").map((r) => r.ref_id);
    const rows: Array<{ term: string; kind: string; refId: number }> = [];
    if (people.length > 0) {
      const found = await client.query<{ id: number; name_hi: string; name_en: string }>(
        "select id, name_hi, name_en from people where id = any($1::int[])",
        [people],
      );
      for (const p of found.rows) for (const term of termsFor(p.name_hi, p.name_en)) rows.push({ term, kind: "p", refId: p.id });
    }
    if (units.length > 0) {
      const found = await client.query<{ id: number; name_hi: string; name_en: string; code: string | null }>(
        "select id, name_hi, name_en, code from units where id = any($1::int[])",
        [units],
      );
      for (const u of found.rows) for (const term of termsFor(u.name_hi, u.name_en, u.code)) rows.push({ term, kind: "u", refId: u.id });
    }
    await client.query(
      `delete from search_terms where (kind = 'p' and ref_id = any($1::int[])) or (kind = 'u' and ref_id = any($2::int[]))`,
      [people, units],
    );
    if (rows.length === 0) return;
    await client.query(
      "insert into search_terms (term, kind, ref_id) select * from unnest($1::text[], $2::text[], $3::int[]) on conflict do nothing",
      [rows.map((r) => r.term), rows.map((r) => r.kind), rows.map((r) => r.refId)],
    );
  }

  /**
   * One transaction on one connection: BEGIN (and the writer lock, waited for until `deadline`),
   * `work`, the queued search terms, COMMIT (or ROLLBACK).
   */
  async function onOneConnection<T>(work: (held: Held) => Promise<T>, lock: { name: WriterLock; deadline: number } | null): Promise<T> {
    const { client, death, release } = await checkOut();
    let broken = false;
    try {
      // One round trip. lock_timeout bounds the wait for the lock (55P03 when it runs out: DatabaseBusy),
      // then goes back to the default for the transaction's own statements.
      await client.query(
        lock
          ? `begin; set local lock_timeout = ${Math.max(1, Math.ceil(lock.deadline - Date.now()))}; select pg_advisory_xact_lock(${LOCK_KEYS[lock.name]}); set local lock_timeout to default`
          : "begin",
      );
      const held: Held = { client, savepoints: 0, lock: lock?.name ?? null };
      const result = await inTransaction.run(held, () => work(held));
      await writePendingSearchTerms(client);
      await client.query("commit");
      return result;
    } catch (error) {
      try {
        await client.query("rollback");
      } catch {
        broken = true;
      }
      throw troubleOf(death() ?? error);
    } finally {
      release(broken);
    }
  }

  function statement<P extends unknown[], R>(source: string, options: StatementOptions = {}): Statement<P, R> {
    const reads = onlyReads(source);
    const name = options.kept ? nameOf(source) : undefined;
    const exec = async (given: unknown[]): Promise<pg.QueryResult> => {
      const { text, names: parameterNames } = textOf(source);
      const config: pg.QueryConfig = { name, text, values: bind(parameterNames, given) };
      const held = inTransaction.getStore();
      if (held) return translated(() => held.client.query(config));
      if (reads) return translated(() => pool.query(config));
      // A single write outside a transaction: its own short transaction, so the search terms it
      // queues are written with it. It takes no writer lock: one statement is atomic by itself.
      return onOneConnection((h) => h.client.query(config), null);
    };
    return {
      get: async (...params) => (await exec(params)).rows[0] as R | undefined,
      all: async (...params) => (await exec(params)).rows as R[],
      run: async (...params): Promise<RunResult> => ({ changes: (await exec(params)).rowCount ?? 0 }),
      // A cursor on a connection of its own, in a read-only transaction (one snapshot), 500 rows a fetch.
      async *iterate(...given) {
        const { text, names } = textOf(source);
        const { client, death, release } = await checkOut();
        let broken = false;
        let open = false;
        const fetched = <T>(work: () => Promise<T>) => work().catch((error: unknown) => Promise.reject(troubleOf(death() ?? error)));
        try {
          // The consumer may pause between fetches as long as a slow download takes: this read-only
          // transaction holds no writer lock, so the idle limit that frees a frozen writer's is lifted.
          await fetched(() => client.query("begin isolation level repeatable read read only; set local idle_in_transaction_session_timeout = 0"));
          open = true;
          await fetched(() => client.query(`declare rows_out no scroll cursor for ${text}`, bind(names, given)));
          for (;;) {
            const batch = await fetched(() => client.query("fetch 500 from rows_out"));
            for (const row of batch.rows) yield row as R;
            if (batch.rows.length < 500) break;
          }
          await fetched(() => client.query("commit"));
          open = false;
        } finally {
          // A consumer that stops early (a closed download), or a failure, ends the transaction too.
          if (open) await client.query("rollback").catch(() => (broken = true));
          release(broken);
        }
      },
    };
  }

  async function transaction<T>(work: () => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const lock = options.lock ?? "directory";
    const outer = inTransaction.getStore();
    if (outer) {
      // A savepoint runs under the outer transaction's lock: asking for another would go without it.
      if (outer.lock !== lock) throw new Error(`a transaction for the ${lock} lock cannot run inside one holding ${outer.lock ?? "none"}`);
      const name = `sp${++outer.savepoints}`;
      await translated(() => outer.client.query(`savepoint ${name}`));
      try {
        const result = await work();
        await translated(() => outer.client.query(`release savepoint ${name}`));
        return result;
      } catch (error) {
        await translated(() => outer.client.query(`rollback to savepoint ${name}`));
        await translated(() => outer.client.query(`release savepoint ${name}`));
        throw error;
      }
    }
    const deadline = Date.now() + writerWaitMs;
    const handOn = await queues[lock].take(deadline);
    try {
      return await onOneConnection(() => work(), { name: lock, deadline });
    } finally {
      handOn();
    }
  }

  return {
    kind: "postgres",
    pool,
    statement,
    transaction,
    close: () => pool.end(),
  };
}
