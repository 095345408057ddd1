/**
 * `npm run load`: readers (unit pages, search) and editors (roster changes through the app's real
 * server actions, with sessions) together, then a check that every acknowledged write is in the
 * database and in the audit log, once. Prints requests, writes acknowledged and found, p95s, errors.
 *   --url=URL       an app already running (default: start one on a backup copy of --db)
 *   --db=FILE       the database (default data/scale.db; copied first, never written)
 *   --seconds=N     how long to run (default 120)  --readers=N (16)  --writers=N (4)
 * On PostgreSQL, with several app servers:
 *   --postgres      a throwaway PostgreSQL (lib/testing/pg-server.ts) with the data of --db loaded
 *                   into it, and TWO app servers on it (on free ports); readers and writers
 *                   take turns between them, with one session cookie from one login
 *   --pg-url=URL    that PostgreSQL database instead of a throwaway one (emptied and loaded; one
 *                   holding an organisation's data is refused)
 *   --kill-after=N  SIGKILL one app server after N seconds; from then on the clients send to the
 *                   other, as a proxy with a health check would. The requests that were in flight on
 *                   the killed server are counted apart (not acknowledged, so not expected stored;
 *                   those that were stored anyway must be whole: person, tenure and audit row)
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { numberPlaceholders } from "../db/engine-pg";
import { loadSqliteFile } from "../db/pg/prepare";
import { freePort, freePorts } from "../lib/testing/free-port";
import { startPgServer, type PgServer } from "../lib/testing/pg-server";
import { login, percentile } from "./bench/http";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string" },
    readers: { type: "string" },
    writers: { type: "string" },
    url: { type: "string" },
    db: { type: "string" },
    postgres: { type: "boolean" },
    "pg-url": { type: "string" },
    "kill-after": { type: "string" },
  },
});
const SECONDS = Number(args.seconds ?? 120);
const READERS = Number(args.readers ?? 16);
const WRITERS = Number(args.writers ?? 4);
const POSTGRES = args.postgres === true || args["pg-url"] !== undefined;
const KILL_AFTER = args["kill-after"] === undefined ? null : Number(args["kill-after"]);

type Ack = { unitId: number; postId: number; seat: number; mobile: string };

/** An app server the clients send to; `alive` is what a proxy's health check would say. */
type AppServer = { base: string; child: ChildProcess | null; alive: boolean; killedAt: number | null; requests: number; errors: number };

/**
 * What the run reads from the database it loads: the same SQL on both engines (`?` placeholders,
 * renumbered for PostgreSQL), from the SQLite file itself or from PostgreSQL.
 */
type Reader = {
  get<R>(sql: string, ...params: unknown[]): Promise<R | undefined>;
  all<R>(sql: string, ...params: unknown[]): Promise<R[]>;
  close(): Promise<void>;
};

function sqliteReader(file: string): Reader {
  const db = new Database(file, { readonly: true });
  return {
    get: async <R>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as R | undefined,
    all: async <R>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as R[],
    close: async () => {
      db.close();
    },
  };
}

function pgReader(url: string): Reader {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const run = async (sql: string, params: unknown[]) => (await pool.query(numberPlaceholders(sql).text, params)).rows;
  return {
    get: async <R>(sql: string, ...params: unknown[]) => (await run(sql, params))[0] as R | undefined,
    all: async <R>(sql: string, ...params: unknown[]) => (await run(sql, params)) as R[],
    close: () => pool.end(),
  };
}

function today() {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(new Date());
}

async function waitForLogin(base: string) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/login`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** The SQLite run's one server, on a backup copy of the file (the database the checks then read). */
async function startOnSqliteCopy(dbFile: string): Promise<{ server: AppServer; dbFile: string }> {
  const copy = path.resolve("data/load.db");
  for (const s of ["", "-wal", "-shm"]) fs.rmSync(copy + s, { force: true });
  const source = new Database(dbFile, { readonly: true });
  await source.backup(copy);
  source.close();
  spawnSync("npx", ["tsx", "scripts/prepare-db.ts"], { env: { ...process.env, DATABASE_URL: copy }, stdio: "inherit" });
  spawnSync("npx", ["tsx", "scripts/build-if-needed.ts"], { stdio: "inherit" });
  // A free port, not a fixed one: another worktree's run on this machine must not meet this server.
  const port = await freePort();
  const child = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], { env: { ...process.env, DATABASE_URL: copy }, stdio: "ignore", detached: true });
  const base = `http://127.0.0.1:${port}`;
  await waitForLogin(base);
  return { server: { base, child, alive: true, killedAt: null, requests: 0, errors: 0 }, dbFile: copy };
}

/**
 * The PostgreSQL run: the data of `dbFile` loaded into the database, then two app servers on it
 * (`npm start`'s server, production build), sharing one AUTH_SECRET as every server behind a proxy must.
 */
async function startOnPostgres(dbFile: string): Promise<{ servers: AppServer[]; url: string; pgServer: PgServer | null }> {
  const pgServer = args["pg-url"] ? null : await startPgServer();
  const url = args["pg-url"] ?? pgServer!.url;
  const loaded = await loadSqliteFile(url, dbFile);
  console.error(`Loaded ${path.relative(process.cwd(), dbFile)} into PostgreSQL: ${loaded.units} units, ${loaded.people} people in ${loaded.seconds.toFixed(1)} s`);
  spawnSync("npx", ["tsx", "scripts/build-if-needed.ts"], { stdio: "inherit" });
  const secret = process.env.AUTH_SECRET ?? crypto.randomBytes(32).toString("base64url");
  // Free ports, all different: another worktree's run on this machine must not meet these servers.
  const servers = (await freePorts(2)).map((port): AppServer => {
    const child = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port), "-H", "127.0.0.1"], {
      env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: secret },
      stdio: ["ignore", "ignore", "inherit"],
    });
    return { base: `http://127.0.0.1:${port}`, child, alive: true, killedAt: null, requests: 0, errors: 0 };
  });
  await Promise.all(servers.map((s) => waitForLogin(s.base)));
  return { servers, url, pgServer };
}

/** Whether a failed request was cut off by its server's death (sent before the kill), not an error. */
const diedWith = (server: AppServer, sentAt: number) => server.killedAt !== null && sentAt <= server.killedAt;

/**
 * Every acknowledged write: its person exactly once, its tenure at that seat, its audit row once.
 * The writes that died with a killed server: either absent, or stored whole.
 */
async function checkWrites(db: Reader, acks: Ack[], died: Ack[]) {
  const holdings = async (a: Ack) => {
    const people = await db.all<{ id: number }>("select id from people where mobile = ?", a.mobile);
    const tenures = people.length === 1 ? await db.all<{ id: number }>("select id from tenures where person_id = ? and unit_id = ? and post_id = ? and seat = ?", people[0].id, a.unitId, a.postId, a.seat) : [];
    const audits = tenures.length === 1
      ? (await db.get<{ n: number }>("select count(*) as n from audit_log where target_type = 'tenure' and target_id = ? and action in ('tenure.assign', 'tenure.replace') and outcome = 'ok'", tenures[0].id))!.n
      : 0;
    return { people: people.length, tenures: tenures.length, audits: Number(audits) };
  };
  let found = 0;
  let doubled = 0;
  for (const a of acks) {
    const h = await holdings(a);
    if (h.people > 1) doubled++;
    if (h.tenures > 1) doubled++;
    if (h.tenures === 1 && h.audits === 1) found++;
  }
  let diedStored = 0;
  let diedPartial = 0;
  for (const a of died) {
    const h = await holdings(a);
    if (h.people === 1 && h.tenures === 1 && h.audits === 1) diedStored++;
    else if (h.people + h.tenures + h.audits > 0) diedPartial++;
  }
  return { found, doubled, diedStored, diedPartial };
}

/**
 * PostgreSQL's counterpart of quick_check for this run: no seat with two current holders, and the
 * states' filled-seat counts (kept by triggers, from both servers at once) equal a direct count.
 */
async function pgIntegrity(db: Reader): Promise<string> {
  const doubleSeats = (await db.get<{ n: number }>(
    "select count(*) as n from (select 1 from tenures where end_date is null group by unit_id, post_id, seat having count(*) > 1) d",
  ))!.n;
  if (Number(doubleSeats) > 0) return `${doubleSeats} seats with two current holders`;
  const drift = (await db.get<{ n: number }>(
    `select count(*) as n from (select post_id, count(*) as n from tenures where end_date is null group by post_id) t
     full join (select f.post_id, sum(f.filled) as filled from coverage_filled f join units s on s.id = f.unit_id where s.parent_id is null group by f.post_id) c
       on c.post_id = t.post_id
     where coalesce(t.n, 0) <> coalesce(c.filled, 0)`,
  ))!.n;
  return Number(drift) > 0 ? `${drift} posts whose stored filled count differs from a recount` : "ok";
}

async function main() {
  let sqliteServer: AppServer | null = null;
  let servers: AppServer[];
  let dbFile = path.resolve(args.db ?? "data/scale.db");
  let pgUrl: string | null = null;
  let pgServer: PgServer | null = null;
  if (POSTGRES) {
    if (args.url) throw new Error("--url and --postgres together: --postgres starts its own app servers");
    const started = await startOnPostgres(dbFile);
    servers = started.servers;
    pgUrl = started.url;
    pgServer = started.pgServer;
  } else if (args.url) {
    servers = [{ base: args.url, child: null, alive: true, killedAt: null, requests: 0, errors: 0 }];
  } else {
    const started = await startOnSqliteCopy(dbFile);
    sqliteServer = started.server;
    dbFile = started.dbFile;
    servers = [started.server];
  }

  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName: string }> };
  const actionId = Object.entries(manifest.node).find(([, v]) => v.exportedName === "assignSeatAction")?.[0];
  if (!actionId) throw new Error("assignSeatAction is not in the build manifest");

  const db = pgUrl ? pgReader(pgUrl) : sqliteReader(dbFile);
  const post = (await db.get<{ id: number }>("select id from posts where level = 'booth' and title_key = 'member'"))!.id;
  const seats = await db.all<{ unitId: number }>(
    `select b.id as "unitId" from units b where b.level = 'booth'
     and not exists (select 1 from tenures t where t.unit_id = b.id and t.post_id = ? and t.seat = 10 and t.end_date is null)
     order by random() limit ?`,
    post,
    WRITERS * 400,
  );
  const readPaths = [
    ...(await db.all<{ id: number }>("select id from units where level in ('mandal','district','booth','assembly') order by random() limit 200")).map((u) => `/units/${u.id}`),
    ...["vikas", "kumar", "sanjay", "यादव", "sharma", "00012", "singh"].map((q) => `/api/search?q=${encodeURIComponent(q)}`),
  ];
  const currentTenure = async (unitId: number) => (await db.get<{ id: number }>("select id from tenures where unit_id = ? and post_id = ? and seat = 10 and end_date is null", unitId, post))?.id;

  // One login, on the first server: the session works on every server (it lives in the database).
  const cookie = await login(servers[0].base, "9000000009", "sangathan-demo");
  const until = performance.now() + SECONDS * 1000;
  const readLatencies: number[] = [];
  const writeLatencies: number[] = [];
  const acks: Ack[] = [];
  const diedWrites: Ack[] = [];
  let diedReads = 0;
  let readErrors = 0;
  let writeErrors = 0;
  let refused = 0;
  // The 88000–88009 block: valid Indian mobiles that no fixture or generated person uses. (Wider
  // 88 ranges hold unallocated prefixes that libphonenumber refuses: about 1 run in 9 failed.)
  let mobile = 8_800_000_000 + Math.floor(Math.random() * 90_000) * 10;
  const date = today();

  // Round robin over the live servers, as a proxy does.
  let turn = 0;
  const nextServer = () => {
    const live = servers.filter((s) => s.alive);
    return live[turn++ % live.length];
  };

  const reader = async () => {
    let i = Math.floor(Math.random() * readPaths.length);
    while (performance.now() < until) {
      const server = nextServer();
      const start = performance.now();
      server.requests++;
      try {
        const res = await fetch(`${server.base}${readPaths[i++ % readPaths.length]}`, { headers: { cookie } });
        await res.arrayBuffer();
        if (res.status !== 200) {
          readErrors++;
          server.errors++;
          if (readErrors <= 3) console.error(`read ${res.status}`);
        }
      } catch {
        if (diedWith(server, start)) {
          diedReads++;
          continue;
        }
        readErrors++;
        server.errors++;
      }
      readLatencies.push(performance.now() - start);
    }
  };

  const writer = async (w: number) => {
    const mine = seats.filter((_, i) => i % WRITERS === w);
    let n = 0;
    while (performance.now() < until && mine.length > 0) {
      // Fill a vacant seat, or (every other time) replace the holder of a seat this writer filled.
      const seat = mine[n % mine.length];
      n++;
      const expected = (await currentTenure(seat.unitId)) ?? "";
      const number = String(mobile++);
      const fd = new FormData();
      const fields: Record<string, string> = {
        unitId: String(seat.unitId), postId: String(post), seat: "10", expectedTenureId: String(expected), mode: "new", personId: "",
        nameHi: "लोड सदस्य", nameEn: "Load Member", mobile: number, whatsapp: "", homeUnitId: "", startDate: date,
      };
      for (const [k, v] of Object.entries(fields)) fd.set(`_1_${k}`, v);
      fd.set("0", JSON.stringify(["$undefined", "$K1"])); // React's reply encoding: the root comes last
      const server = nextServer();
      const base = server.base;
      const ack: Ack = { unitId: seat.unitId, postId: post, seat: 10, mobile: `+91${number}` };
      const start = performance.now();
      server.requests++;
      try {
        const res = await fetch(`${base}/units/${seat.unitId}/seats/${post}/10`, {
          method: "POST",
          body: fd,
          headers: { cookie, "next-action": actionId, origin: base, accept: "text/x-component" },
          redirect: "manual",
        });
        const body = await res.text();
        if (res.status === 200 && res.headers.get("x-action-redirect")?.includes("saved=1")) {
          acks.push(ack);
        } else if (res.status === 200 && body.includes('"ok":false')) {
          refused++;
          if (refused === 1) console.error("first refusal:", body.split("\n").find((l) => l.includes('"ok":false'))?.slice(0, 300));
        } else {
          writeErrors++;
          server.errors++;
          if (writeErrors <= 3) console.error(`write ${res.status}: ${body.slice(0, 200)}`);
        }
      } catch (error) {
        if (diedWith(server, start)) {
          diedWrites.push(ack);
          continue;
        }
        writeErrors++;
        server.errors++;
        if (writeErrors <= 3) console.error("write failed:", error);
      }
      writeLatencies.push(performance.now() - start);
    }
  };

  const started = performance.now();
  const killer = KILL_AFTER !== null && servers.length > 1
    ? setTimeout(() => {
        const victim = servers[servers.length - 1];
        // Out of the rotation first (the proxy's health check), then the process dies mid-request.
        victim.alive = false;
        victim.killedAt = performance.now();
        victim.child?.kill("SIGKILL");
        console.error(`killed the app server at ${victim.base} after ${KILL_AFTER} s`);
      }, KILL_AFTER * 1000)
    : null;
  await Promise.all([...Array.from({ length: READERS }, reader), ...Array.from({ length: WRITERS }, (_, w) => writer(w))]);
  if (killer) clearTimeout(killer);
  const seconds = (performance.now() - started) / 1000;
  await db.close();

  const check = pgUrl ? pgReader(pgUrl) : sqliteReader(dbFile);
  const { found, doubled, diedStored, diedPartial } = await checkWrites(check, acks, diedWrites);
  const integrity = pgUrl ? await pgIntegrity(check) : ((await check.get<{ quick_check: string }>("pragma quick_check"))?.quick_check ?? "");
  await check.close();
  if (sqliteServer) process.kill(-sqliteServer.child!.pid!, "SIGTERM");
  for (const s of servers) if (pgUrl && s.alive) s.child?.kill("SIGTERM");
  await pgServer?.stop();

  readLatencies.sort((a, b) => a - b);
  writeLatencies.sort((a, b) => a - b);
  const result = {
    seconds: Number(seconds.toFixed(1)),
    reads: readLatencies.length,
    readsPerSecond: Math.round(readLatencies.length / seconds),
    readP95: Number(percentile(readLatencies, 95).toFixed(1)),
    readErrors,
    writesAttempted: writeLatencies.length,
    writesAcknowledged: acks.length,
    writesFound: found,
    writesRefused: refused,
    writesDoubled: doubled,
    writeP95: Number(percentile(writeLatencies, 95).toFixed(1)),
    writeErrors,
    integrity,
    ...(POSTGRES && {
      engine: "postgres",
      servers: servers.map((s) => ({ base: s.base, requests: s.requests, errors: s.errors, killed: s.killedAt !== null })),
      killedAfter: KILL_AFTER,
      readsDiedWithServer: diedReads,
      writesDiedWithServer: diedWrites.length,
      diedWritesStoredWhole: diedStored,
      diedWritesPartial: diedPartial,
    }),
  };
  console.log(JSON.stringify(result));
  const ok = readErrors === 0 && writeErrors === 0 && found === acks.length && doubled === 0 && diedPartial === 0 && integrity === "ok" && acks.length > 0;
  if (!ok) {
    console.error("load run FAILED: a request failed or an acknowledged write is missing or doubled");
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
