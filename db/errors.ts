import { AsyncLocalStorage } from "node:async_hooks";
import { BUSY_DIGEST, type DatabaseTrouble, UNREACHABLE_DIGEST, troubleOfDigest } from "./trouble-digests";

/**
 * The two database troubles the user is told about in words of their own, not as "something went
 * wrong". The engines turn their drivers' errors into these (db/engine-pg.ts, db/engine-sqlite.ts).
 *
 * - DatabaseBusy: a write waited its bounded time for the writer lock and gave up (a long import
 *   held it, or a frozen server did until PostgreSQL ended its session). Nothing was written;
 *   trying again in a moment works.
 * - DatabaseUnreachable: the database did not answer at all (stopped, restarting, the network).
 *   Pages say so with HTTP 503 (app/layout.tsx, scripts/serve.mjs), never as a logged-out look.
 *
 * Each carries a fixed `digest`: Next passes a thrown error's own digest to the browser's error
 * boundary (app/error.tsx), which words it from that alone. (No app/global-error.tsx: the root
 * layout renders the database's sentence itself, and a custom global error costs every page ~2.5 KB of
 * JavaScript for a layout bug; Next's own page covers that.)
 */
export class DatabaseBusy extends Error {
  readonly digest = BUSY_DIGEST;
  constructor(options?: { cause?: unknown }) {
    super("the database's writer lock was not free in time", options);
    this.name = "DatabaseBusy";
  }
}

export class DatabaseUnreachable extends Error {
  readonly digest = UNREACHABLE_DIGEST;
  constructor(options?: { cause?: unknown }) {
    super("the database did not answer", options);
    this.name = "DatabaseUnreachable";
  }
}

export type { DatabaseTrouble };

/**
 * Which trouble an error is, looking through the causes it was wrapped in (next-auth wraps what a
 * login's authorize() throws as `cause.err`), or null for any other error. Told by the digest, not
 * by `instanceof`: Next bundles this module once per layer (pages, actions), while the engine that
 * threw is one per process (db/index.ts), so the class may be another copy's.
 */
export function databaseTrouble(error: unknown): DatabaseTrouble | null {
  let at: unknown = error;
  for (let depth = 0; depth < 5 && at && typeof at === "object"; depth++) {
    const digest = (at as { digest?: unknown }).digest;
    const trouble = typeof digest === "string" ? troubleOfDigest(digest) : null;
    if (trouble) return trouble;
    const cause: unknown = (at as { cause?: unknown }).cause;
    at = cause && typeof cause === "object" && "err" in cause ? (cause as { err: unknown }).err : cause;
  }
  return null;
}

// Per request, put in scope by scripts/serve.mjs: whether the database failed this request (did not
// answer, or was busy for a page), so the server answers 503 where Next itself would send 200 or 500.
const SEEN_KEY = Symbol.for("sangathan.databaseUnavailable");
type Seen = { unavailable: boolean };
type Holder = { [SEEN_KEY]?: AsyncLocalStorage<Seen> };

export function unavailableStore(): AsyncLocalStorage<Seen> {
  return ((globalThis as Holder)[SEEN_KEY] ??= new AsyncLocalStorage<Seen>());
}

/** Marks the request under way as failed by the database: scripts/serve.mjs answers it with 503. */
export function markRequestUnavailable(): void {
  const seen = unavailableStore().getStore();
  if (seen) seen.unavailable = true;
}

/** The error to throw for a driver's error that means the database did not answer; marks the request. */
export function unreachable(cause: unknown): DatabaseUnreachable {
  markRequestUnavailable();
  return new DatabaseUnreachable({ cause });
}
