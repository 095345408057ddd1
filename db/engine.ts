/**
 * What the data layer needs from a database engine. Two engines implement it: SQLite, embedded and
 * the default (db/engine-sqlite.ts), and PostgreSQL for several app servers (db/engine-pg.ts).
 * The SQL is written once, with `?` placeholders (or `@name` ones bound from one object); the
 * few places where the engines' SQL must differ are in db/dialect.ts.
 */

export type RunResult = { changes: number };

export interface Statement<P extends unknown[] = unknown[], R = unknown> {
  /** The first row, or undefined. */
  get(...params: P): Promise<R | undefined>;
  all(...params: P): Promise<R[]>;
  /** For writes; `changes` is the number of rows the statement changed (compare-and-set checks it). */
  run(...params: P): Promise<RunResult>;
  /** The rows a few at a time, for long reads streamed out (exports); outside transactions only. */
  iterate(...params: P): AsyncIterable<R>;
}

export type EngineKind = "sqlite" | "postgres";

/**
 * Which writers a transaction takes turns with. "directory": every change to the organisation's
 * data (the default). "logins": the login limits' count-then-record (lib/auth/login.ts), which
 * touches only the login tables and so need not wait behind a long import. SQLite has one writer
 * per file whatever is asked; PostgreSQL keeps one advisory lock per name (db/engine-pg.ts).
 */
export type WriterLock = "directory" | "logins";

export type TransactionOptions = { lock?: WriterLock };

/**
 * `kept`: the statement is written once and run for the life of the process (query() in db/index.ts),
 * so an engine may prepare it once per connection; statements built at run time are not kept.
 */
export type StatementOptions = { kept?: boolean };

export interface Engine {
  readonly kind: EngineKind;
  statement<P extends unknown[], R>(source: string, options?: StatementOptions): Statement<P, R>;
  transaction<T>(work: () => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}

/** `DATABASE_URL` names PostgreSQL when it is a postgres:// or postgresql:// URL; anything else is a SQLite file. */
export function isPostgresUrl(url: string | undefined): url is string {
  return url != null && /^postgres(?:ql)?:\/\//i.test(url.trim());
}

/** The engine a `DATABASE_URL` selects, without opening anything. */
export function engineKindOf(url = process.env.DATABASE_URL): EngineKind {
  return isPostgresUrl(url) ? "postgres" : "sqlite";
}
