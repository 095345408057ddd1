import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { termsFor } from "../lib/search/phonetic";
import type { Engine, RunResult, Statement, StatementOptions } from "./engine";

/**
 * PostgreSQL, for several app servers on one database. The SQL the data layer writes once (with `?`
 * placeholders, SQLite-compatible) runs here unchanged but for the placeholders, renumbered `$1…`.
 *
 * - Reads outside a transaction go to the pool, on any connection: they scale with the servers.
 * - A transaction runs on one pooled connection and first takes one database-wide advisory lock,
 *   so writers take turns exactly as they do on SQLite (BEGIN IMMEDIATE): the checks a transaction
 *   makes still hold at its commit, whichever server the other writers run on. Reads never wait for it.
 * - Search terms: on SQLite, triggers compute them in JS (search_terms_json). PostgreSQL can't run
 *   that JS, so its triggers queue changed people and units in `search_pending`; every writing
 *   transaction computes their terms (lib/search/phonetic.ts) and writes them before it commits,
 *   so the index is never a commit behind and no writer has a call to forget.
 * - int8 and numeric results (count(*), sum()) come back as JS numbers, as on SQLite.
 * - The statements the data layer keeps (query()) are prepared by name on each pooled connection the
 *   first time it runs them: later runs skip parsing, and planning once PostgreSQL finds a generic
 *   plan as good. Statements built at run time (statement()) stay unnamed, so a connection never
 *   holds an unbounded number of them.
 */

/** The key of the advisory lock every writing transaction holds ("sangathan" in ASCII, folded to 32 bits). */
const WRITER_LOCK = 0x53616e67;

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

type Held = { client: pg.PoolClient; savepoints: number };

export function createPostgresEngine(url: string, options: { max?: number } = {}): Engine & { pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? Number(process.env.PG_POOL_SIZE ?? 10),
    types,
  });
  // An idle connection the server dropped must not crash the process; the pool replaces it.
  pool.on("error", () => undefined);
  const inTransaction = new AsyncLocalStorage<Held>();
  const texts = new Map<string, ReturnType<typeof numberPlaceholders>>();
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

  /** One transaction on one connection: BEGIN, `work`, the queued search terms, COMMIT (or ROLLBACK). */
  async function onOneConnection<T>(work: (held: Held) => Promise<T>, options: { writerLock: boolean }): Promise<T> {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query("begin");
      if (options.writerLock) await client.query("select pg_advisory_xact_lock($1)", [WRITER_LOCK]);
      const held: Held = { client, savepoints: 0 };
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
      throw error;
    } finally {
      client.release(broken);
    }
  }

  function statement<P extends unknown[], R>(source: string, options: StatementOptions = {}): Statement<P, R> {
    const reads = onlyReads(source);
    const name = options.kept ? nameOf(source) : undefined;
    const exec = async (given: unknown[]): Promise<pg.QueryResult> => {
      const { text, names: parameterNames } = textOf(source);
      const config: pg.QueryConfig = { name, text, values: bind(parameterNames, given) };
      const held = inTransaction.getStore();
      if (held) return held.client.query(config);
      if (reads) return pool.query(config);
      // A single write outside a transaction: its own short transaction, so the search terms it
      // queues are written with it. It takes no writer lock: one statement is atomic by itself.
      return onOneConnection((h) => h.client.query(config), { writerLock: false });
    };
    return {
      get: async (...params) => (await exec(params)).rows[0] as R | undefined,
      all: async (...params) => (await exec(params)).rows as R[],
      run: async (...params): Promise<RunResult> => ({ changes: (await exec(params)).rowCount ?? 0 }),
      // A cursor on a connection of its own, in a read-only transaction (one snapshot), 500 rows a fetch.
      async *iterate(...given) {
        const { text, names } = textOf(source);
        const client = await pool.connect();
        let broken = false;
        let open = false;
        try {
          await client.query("begin isolation level repeatable read read only");
          open = true;
          await client.query(`declare rows_out no scroll cursor for ${text}`, bind(names, given));
          for (;;) {
            const batch = await client.query("fetch 500 from rows_out");
            for (const row of batch.rows) yield row as R;
            if (batch.rows.length < 500) break;
          }
          await client.query("commit");
          open = false;
        } finally {
          // A consumer that stops early (a closed download), or a failure, ends the transaction too.
          if (open) await client.query("rollback").catch(() => (broken = true));
          client.release(broken);
        }
      },
    };
  }

  async function transaction<T>(work: () => Promise<T>): Promise<T> {
    const outer = inTransaction.getStore();
    if (outer) {
      const name = `sp${++outer.savepoints}`;
      await outer.client.query(`savepoint ${name}`);
      try {
        const result = await work();
        await outer.client.query(`release savepoint ${name}`);
        return result;
      } catch (error) {
        await outer.client.query(`rollback to savepoint ${name}`);
        await outer.client.query(`release savepoint ${name}`);
        throw error;
      }
    }
    return onOneConnection(() => work(), { writerLock: true });
  }

  return {
    kind: "postgres",
    pool,
    statement,
    transaction,
    close: () => pool.end(),
  };
}
