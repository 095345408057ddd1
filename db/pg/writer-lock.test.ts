import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db";
import type { Engine, WriterLock } from "@/db/engine";
import { createPostgresEngine, type PostgresEngineOptions } from "@/db/engine-pg";
import { DatabaseBusy, DatabaseUnreachable } from "@/db/errors";
import { authenticate } from "@/lib/auth/login";
import { createDatabase, migratePg, startPgServer, type PgServer } from "@/lib/testing/pg-server";

/**
 * PostgreSQL's writer locks between app servers (issue 15's hostile review): a frozen server must
 * not freeze everyone, a writer waits a bounded time and is told "busy", waiting writers leave the
 * readers their connections, and the login limits' lock is not the directory's. Each engine here
 * is one app server's pool; one throwaway server for the file, stopped in the last tests.
 */

let server: PgServer;
let url: string;
const engines: Engine[] = [];

/** One more app server on the test database. */
function appServer(options: PostgresEngineOptions = {}) {
  const engine = createPostgresEngine(url, options);
  engines.push(engine);
  return engine;
}

beforeAll(async () => {
  server = await startPgServer();
  url = await createDatabase(server.url, "locks");
  await migratePg(url);
  const setup = appServer();
  await setup.statement("create table notes (k text primary key)").run();
  await setup.statement("create table attempts (id serial primary key, server text not null)").run();
});

afterAll(async () => {
  await closeDb();
  for (const engine of engines) await engine.close().catch(() => undefined);
  await server?.stop();
});

const note = (engine: Engine, k: string) => engine.statement<[string], never>("insert into notes (k) values (?)").run(k);
const notes = async (engine: Engine) => (await engine.statement<[], { k: string }>("select k from notes order by k").all()).map((r) => r.k);

/**
 * A transaction that writes, then stops talking to the database until released: a server frozen
 * (or stuck) in the middle of a write, holding the writer lock.
 */
async function frozenWriter(engine: Engine, k: string, lock: WriterLock = "directory") {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let holding!: () => void;
  const held = new Promise<void>((resolve) => (holding = resolve));
  const done = engine.transaction(
    async () => {
      await note(engine, k);
      holding();
      await gate;
      await note(engine, `${k}-after`);
    },
    { lock },
  );
  // Whatever becomes of it, the test reads the outcome itself.
  done.catch(() => undefined);
  await held;
  return { release, done };
}

describe("a frozen writer does not freeze the others", () => {
  it("PostgreSQL ends the frozen transaction after the idle limit: its write is undone and the next writer goes on", async () => {
    const frozen = appServer({ idleInTransactionMs: 500 });
    const other = appServer();
    const stuck = await frozenWriter(frozen, "frozen");
    const started = Date.now();
    await other.transaction(() => note(other, "other"));
    expect(Date.now() - started).toBeLessThan(5_000);
    // The frozen server wakes up: its transaction is gone, and so is its connection (no crash).
    stuck.release();
    await expect(stuck.done).rejects.toThrow();
    expect(await notes(other)).toEqual(["other"]);
    await frozen.transaction(() => note(frozen, "frozen-again"));
    expect(await notes(other)).toEqual(["frozen-again", "other"]);
    await other.statement("delete from notes").run();
  });

  it("a writer waits its bounded time, then is told the database is busy; nothing of it is written", async () => {
    const holder = appServer();
    const waiter = appServer({ writerWaitMs: 300 });
    const stuck = await frozenWriter(holder, "held");
    const started = Date.now();
    await expect(waiter.transaction(() => note(waiter, "late"))).rejects.toBeInstanceOf(DatabaseBusy);
    expect(Date.now() - started).toBeLessThan(3_000);
    stuck.release();
    await stuck.done;
    expect(await notes(waiter)).toEqual(["held", "held-after"]);
    await waiter.statement("delete from notes").run();
  });

  it("writers waiting for the lock leave the readers their connections", async () => {
    const holder = appServer();
    const busy = appServer({ max: 2, writerWaitMs: 2_000 });
    const stuck = await frozenWriter(holder, "held");
    const refusedAt: number[] = [];
    const writers = Array.from({ length: 4 }, (_, i) =>
      busy.transaction(() => note(busy, `w${i}`)).catch((error: unknown) => {
        refusedAt.push(Date.now());
        return error;
      }),
    );
    // Let the writers queue, then read on the same two-connection pool.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await busy.statement("select count(*) as n from notes").get();
    const readAt = Date.now();
    const outcomes = await Promise.all(writers);
    expect(outcomes.every((o) => o instanceof DatabaseBusy)).toBe(true);
    expect(readAt).toBeLessThan(Math.min(...refusedAt));
    stuck.release();
    await stuck.done;
    await busy.statement("delete from notes").run();
  });
});

describe("the login limits' own lock", () => {
  it("a login's transaction does not wait behind a long directory writer (an import's apply)", async () => {
    const importer = appServer();
    const login = appServer({ writerWaitMs: 300 });
    const stuck = await frozenWriter(importer, "import");
    await login.transaction(() => login.statement("insert into attempts (server) values ('login')").run(), { lock: "logins" });
    // The directory's lock is still held: a roster write would wait.
    await expect(login.transaction(() => note(login, "roster"))).rejects.toBeInstanceOf(DatabaseBusy);
    stuck.release();
    await stuck.done;
    await login.statement("delete from attempts").run();
    await login.statement("delete from notes").run();
  });

  it("a login on this server is checked while another server's import holds the directory's lock", async () => {
    process.env.DATABASE_URL = url;
    const importer = appServer();
    const stuck = await frozenWriter(importer, "import");
    const started = Date.now();
    expect(await authenticate("9000000001", "wrong", "203.0.113.7")).toEqual({ kind: "invalid" });
    expect(Date.now() - started).toBeLessThan(5_000);
    stuck.release();
    await stuck.done;
    await importer.statement("delete from notes").run();
  });

  it("count-then-record under the logins lock stays exact across two servers: 5 of 12 racing", async () => {
    const servers = [appServer(), appServer()];
    const count = servers[0].statement<[], { n: number }>("select count(*) as n from attempts");
    const attempt = (engine: Engine, name: string) =>
      engine.transaction(
        async () => {
          const { n } = (await engine.statement<[], { n: number }>("select count(*) as n from attempts").get())!;
          // A pause between the count and the insert, where an unlocked race would slip in.
          await engine.statement("select pg_sleep(0.02)").get();
          if (n < 5) await engine.statement<[string], never>("insert into attempts (server) values (?)").run(name);
        },
        { lock: "logins" },
      );
    await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(servers[i % 2], `s${i % 2}`)));
    expect((await count.get())!.n).toBe(5);
  });

  it("a transaction cannot nest under another lock than its outer one's", async () => {
    const engine = appServer();
    await expect(engine.transaction(() => engine.transaction(() => note(engine, "x"), { lock: "logins" }))).rejects.toThrow(/cannot run inside/);
    expect(await notes(engine)).toEqual([]);
  });
});

describe("PostgreSQL stopped", () => {
  it("reads, writes and a transaction cut off in the middle fail as DatabaseUnreachable, and the process carries on", async () => {
    const engine = appServer();
    await engine.statement("select 1 as one").get();
    const stuck = await frozenWriter(engine, "cut");
    await server.stop();
    stuck.release();
    await expect(stuck.done).rejects.toBeInstanceOf(DatabaseUnreachable);
    await expect(engine.statement("select 1 as one").get()).rejects.toBeInstanceOf(DatabaseUnreachable);
    await expect(engine.transaction(() => note(engine, "y"))).rejects.toBeInstanceOf(DatabaseUnreachable);
  });
});
