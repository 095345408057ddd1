/**
 * `npm run bench`: the app beside raw SQLite, in one run, on the state-scale database (built by
 * seed:scale when missing). Prints one table (work, app, raw, ratio, target, pass) and writes it
 * as JSON under bench-results/. `--smoke`: a few seconds against the e2e server, so it can't rot.
 *   --smoke          tiny durations; no Lighthouse, no state export
 *   --url=URL        measure an app already running there instead of starting one
 *   --db=FILE        the database the app serves (default data/scale.db)
 *   --postgres       also PostgreSQL, beside SQLite (the default when PostgreSQL's binaries are
 *                    installed, except with --smoke; --no-postgres to skip): the same file loaded into
 *                    a throwaway PostgreSQL, the app on it, and its unit pages, search, writes with
 *                    audit and import measured; each row gives the ratio PostgreSQL ÷ SQLite of this run
 *   --only=reads     the unit pages (mandal, district, booth) and the search endpoint alone: no raw
 *                    server, exports, writes or browsers; with --url, a build started elsewhere (an
 *                    older one, to compare) is measured; PostgreSQL's reads beside unless --no-postgres
 *   --port=N         the app's port (default 3600); the raw server takes N+1, PostgreSQL's app N+2
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { load, login, percentile, type LoadResult } from "./http";
import { rawQueries } from "./raw";
import { searchQueries } from "./queries";
import { repeatVisit } from "./repeat-visit";
import { loadSqliteFile } from "../../db/pg/prepare";
import { pgBinDir, startPgServer } from "../../lib/testing/pg-server";

const { values: args } = parseArgs({
  options: {
    smoke: { type: "boolean" },
    db: { type: "string" },
    url: { type: "string" },
    postgres: { type: "boolean" },
    only: { type: "string" },
    port: { type: "string" },
  },
  allowNegative: true,
});
const SMOKE = args.smoke === true;
if (args.only !== undefined && args.only !== "reads") throw new Error(`--only=${args.only}: only --only=reads is known`);
const READS_ONLY = args.only === "reads";
const POSTGRES = args.postgres ?? (!SMOKE && hasPostgres());
const DB = path.resolve(args.db ?? (SMOKE ? "data/e2e.db" : "data/scale.db"));
const APP_PORT = Number(args.port ?? 3600);
const RAW_PORT = APP_PORT + 1;
const PG_APP_PORT = APP_PORT + 2;
const SECONDS = SMOKE ? 1 : 10;
const WARMUP = SMOKE ? 0.5 : 2;
const CONNECTIONS = SMOKE ? 4 : 32;

type Row = { work: string; app: string; raw: string; ratio: string; target: string; pass: boolean | null; data?: unknown };
const rows: Row[] = [];
const children: ChildProcess[] = [];

function add(row: Row) {
  rows.push(row);
  console.log(`  ${row.pass === null ? "·" : row.pass ? "✓" : "✗"} ${row.work}: app ${row.app} | raw ${row.raw} | ${row.ratio} | target ${row.target}`);
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const fmt = (n: number) => Math.round(n).toLocaleString("en-IN");

function run(cmd: string, argv: string[], env: Record<string, string> = {}) {
  const r = spawnSync(cmd, argv, { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, ...env }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(" ")} failed`);
  return r.stdout;
}

async function waitFor(url: string, seconds = 90) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not come up`);
}

function start(cmd: string, argv: string[], env: Record<string, string>) {
  const child = spawn(cmd, argv, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"], detached: true });
  children.push(child);
  return child;
}

function stopAll() {
  for (const c of children) {
    try {
      process.kill(-c.pid!, "SIGTERM");
    } catch {}
  }
}

function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** The server process (next-server) under the npx wrapper, for memory readings. */
function serverPid(parent: number): number {
  try {
    const out = spawnSync("pgrep", ["-P", String(parent)], { encoding: "utf8" }).stdout.trim().split("\n").filter(Boolean);
    return out.length ? serverPid(Number(out[out.length - 1])) : parent;
  } catch {
    return parent;
  }
}

function targets() {
  const db = new Database(DB, { readonly: true });
  const one = <T>(sql: string, ...p: unknown[]) => db.prepare(sql).get(...p) as T;
  const district = one<{ id: number; path: string }>(
    "select d.id, d.path from units d where d.level = 'district' order by (select count(*) from units b where b.level = 'booth' and b.path >= d.path and b.path < substr(d.path, 1, length(d.path) - 1) || '0') desc limit 1",
  );
  const mandal = one<{ id: number }>("select id from units where level = 'mandal' and path >= ? and path < ? order by id limit 1", district.path, district.path.slice(0, -1) + "0");
  const booth = one<{ id: number }>("select id from units where level = 'booth' and path >= ? order by path limit 1", district.path);
  const person = one<{ id: number }>("select person_id as id from tenures t join units u on u.id = t.unit_id where u.level = 'booth' and t.end_date is null limit 1 offset 500");
  const queries = searchQueries(db, { people: 997, units: 7 });
  db.close();
  return { district: district.id, mandal: mandal.id, booth: booth.id, person: person.id, queries: queries.slice(0, SMOKE ? 20 : 240) };
}

function inProcess(fn: () => unknown, iterations: number) {
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const s = performance.now();
    fn();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

function compare(work: string, app: LoadResult, raw: LoadResult, p95Target: number | null, ratioTarget: number) {
  const ratio = app.rps / raw.rps;
  const pass = (p95Target === null || app.p95 <= p95Target) && ratio >= ratioTarget && app.errors === 0;
  add({
    work,
    app: `${fmt(app.rps)} req/s, p50 ${ms(app.p50)}, p95 ${ms(app.p95)}${app.errors ? `, ${app.errors} errors` : ""}`,
    raw: `${fmt(raw.rps)} req/s, p95 ${ms(raw.p95)}`,
    ratio: `${ratio.toFixed(2)}×`,
    target: `≥ ${ratioTarget}×${p95Target !== null ? `, p95 ≤ ${p95Target} ms` : ""}`,
    pass,
    data: { app, raw },
  });
}

async function exportRun(base: string, cookie: string, unit: number, pid: number | null) {
  let peak = 0;
  const before = pid ? rssMb(pid) : 0;
  const timer = pid ? setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50) : null;
  const started = performance.now();
  const res = await fetchAgain(`${base}/api/export?unit=${unit}&format=csv`, { headers: { cookie } });
  let lines = 0;
  const reader = res.body!.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) for (const b of r.value) if (b === 10) lines++;
  const seconds = (performance.now() - started) / 1000;
  if (timer) clearInterval(timer);
  return { rows: lines - 1, seconds, rowsPerSecond: (lines - 1) / seconds, memoryGrowthMb: pid ? Math.max(0, peak - before) : null };
}

/** fetch, once more on a dropped keep-alive socket (the server closes idle ones after 5 s). */
async function fetchAgain(url: string | URL, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}

async function jsBytes(base: string, pagePath: string, cookie: string) {
  const html = await (await fetchAgain(`${base}${pagePath}`, { headers: { cookie } })).text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
  let total = 0;
  for (const src of srcs) total += gzipSync(Buffer.from(await (await fetchAgain(new URL(src, base))).arrayBuffer())).length;
  return { scripts: srcs.length, gzipKb: total / 1024, htmlKb: Buffer.byteLength(html) / 1024 };
}

async function lighthouse(base: string, pagePath: string, cookie: string | null) {
  const { default: lh } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const result = await lh(`${base}${pagePath}`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
      formFactor: "mobile",
      extraHeaders: cookie ? { cookie } : undefined,
    });
    const categories = result!.lhr.categories;
    return { performance: Math.round((categories.performance.score ?? 0) * 100), accessibility: Math.round((categories.accessibility.score ?? 0) * 100) };
  } finally {
    await chrome.kill();
  }
}

function hasPostgres(): boolean {
  try {
    pgBinDir();
    return true;
  } catch {
    return false;
  }
}

/** What the PostgreSQL rows are compared with: the SQLite app's results of this run. */
type SqliteFigures = {
  pages: Array<[name: string, id: number, result: LoadResult]>;
  search: LoadResult;
  /** Absent with --only=reads: PostgreSQL's writes and import are then skipped too. */
  writes?: { appPerSecond: number; appMedianMs: number };
  import?: { appRowsPerSecond: number; previewSeconds: number; applySeconds: number; rows: number };
};

const loadAvg = () => os.loadavg().map((n) => n.toFixed(1)).join(" / ");

/** A PostgreSQL measurement that failed (a request error, a script that stopped) is a failed row, not the end of the run. */
async function orFailedRow(work: string, measure: () => Promise<void>) {
  try {
    await measure();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    add({ work: `PostgreSQL: ${work}`, app: `failed: ${message.split("\n")[0].slice(0, 200)}`, raw: "—", ratio: "—", target: "—", pass: false });
  }
}

/** A read on PostgreSQL beside the same read on SQLite: ratios of req/s and of p95; the target is "within 2×". */
function compareEngines(work: string, pg: LoadResult, sqlite: LoadResult) {
  const rps = pg.rps / sqlite.rps;
  const p95 = pg.p95 / sqlite.p95;
  add({
    work: `PostgreSQL: ${work}`,
    app: `${fmt(pg.rps)} req/s, p50 ${ms(pg.p50)}, p95 ${ms(pg.p95)}${pg.errors ? `, ${pg.errors} errors` : ""}`,
    raw: `SQLite: ${fmt(sqlite.rps)} req/s, p50 ${ms(sqlite.p50)}, p95 ${ms(sqlite.p95)}`,
    ratio: `pg/sqlite: req/s ${rps.toFixed(2)}×, p95 ${p95.toFixed(2)}×`,
    target: "req/s ≥ 0.5×, p95 ≤ 2×",
    pass: rps >= 0.5 && p95 <= 2 && pg.errors === 0,
    data: { pg, sqlite },
  });
}

/**
 * The PostgreSQL rows: the same file loaded into a throwaway PostgreSQL (COPY), one app server on it
 * (the same build, as SQLite's), the same reads with the same load, then writes and an import
 * through the app's services; the SQLite server is stopped first so the two never share the cores.
 */
async function postgresRows(t: ReturnType<typeof targets>, sqlite: SqliteFigures, opts: { connections: number; seconds: number; warmupSeconds: number }) {
  console.log(`PostgreSQL: loading ${path.relative(process.cwd(), DB)} into a throwaway server (load average ${loadAvg()})…`);
  const server = await startPgServer();
  try {
    const loaded = await loadSqliteFile(server.url, DB);
    add({ work: "PostgreSQL: load the database file (COPY, indexes, ANALYZE)", app: `${loaded.seconds.toFixed(1)} s for ${fmt(loaded.people)} people, ${fmt(loaded.searchTerms)} search terms`, raw: "—", ratio: "—", target: "—", pass: null, data: loaded });
    start("npx", ["next", "start", "-p", String(PG_APP_PORT), "-H", "127.0.0.1"], { DATABASE_URL: server.url });
    const base = `http://127.0.0.1:${PG_APP_PORT}`;
    await waitFor(`${base}/login`);
    const cookie = await login(base, "9000000009", "sangathan-demo");
    for (const [name, id, result] of sqlite.pages) {
      await orFailedRow(`unit page (${name}), logged in`, async () => compareEngines(`unit page (${name}), logged in`, await load({ base, paths: [`/units/${id}`], cookie, ...opts }), result));
    }
    const searchWork = `search endpoint, top 20 (${t.queries.length} mixed queries)`;
    const searchPaths = t.queries.map((q) => `/api/search?q=${encodeURIComponent(q)}`);
    await orFailedRow(searchWork, async () => compareEngines(searchWork, await load({ base, paths: searchPaths, cookie, ...opts }), sqlite.search));
    const { writes: sqliteWrites, import: sqliteImport } = sqlite;
    if (!sqliteWrites || !sqliteImport) return;

    const env = { SCALE_DATABASE_URL: DB, BENCH_PG_URL: server.url };
    await orFailedRow("roster writes with audit", async () => {
      const writes = JSON.parse(run("npx", ["tsx", "--conditions=react-server", "scripts/bench/writes.ts"], { ...env, BENCH_WRITES: SMOKE ? "100" : "4000" }).trim().split("\n").at(-1)!);
      add({
        work: `PostgreSQL: roster writes with audit (${writes.changes} changes)`,
        app: `${fmt(writes.appPerSecond)}/s, median ${ms(writes.appMedianMs)}`,
        raw: `SQLite: ${fmt(sqliteWrites.appPerSecond)}/s, median ${ms(sqliteWrites.appMedianMs)}`,
        ratio: `pg/sqlite: ${(writes.appPerSecond / sqliteWrites.appPerSecond).toFixed(2)}×`,
        target: "—",
        pass: null,
        data: writes,
      });
    });
    await orFailedRow("import", async () => {
      const imp = JSON.parse(run("npx", ["tsx", "--conditions=react-server", "scripts/bench/import.ts"], { ...env, BENCH_IMPORT_ROWS: SMOKE ? "200" : "10000" }).trim().split("\n").at(-1)!);
      const seconds = imp.previewSeconds + imp.applySeconds;
      add({
        work: `PostgreSQL: import ${fmt(imp.rows)} rows (preview + apply)`,
        app: `${fmt(imp.appRowsPerSecond)} rows/s, ${seconds.toFixed(1)} s (preview ${imp.previewSeconds} s, apply ${imp.applySeconds} s)`,
        raw: `SQLite: ${fmt(sqliteImport.appRowsPerSecond)} rows/s, ${(sqliteImport.previewSeconds + sqliteImport.applySeconds).toFixed(1)} s`,
        ratio: `pg/sqlite: ${(imp.appRowsPerSecond / sqliteImport.appRowsPerSecond).toFixed(2)}×`,
        target: "10,000 rows ≤ 5 s",
        pass: SMOKE ? null : seconds <= 5,
        data: imp,
      });
    });
    console.log(`PostgreSQL rows done (load average ${loadAvg()}).`);
  } finally {
    stopAll();
    await server.stop();
  }
}

async function main() {
  const began = Date.now();
  if (!fs.existsSync(DB)) {
    if (SMOKE) throw new Error(`${DB} is missing`);
    console.log("Building the state-scale database (npm run seed:scale)…");
    run("npx", ["tsx", "scripts/seed-scale.ts"]);
  }
  if (!args.url) run("npx", ["tsx", "scripts/prepare-db.ts"], { DATABASE_URL: DB });
  const t = targets();
  console.log(`Bench on ${path.relative(process.cwd(), DB)}${SMOKE ? " (smoke)" : ""}: ${SECONDS}s per load, ${CONNECTIONS} connections`);

  let base = args.url;
  let appPid: number | null = null;
  for (const port of [...(args.url ? [] : [APP_PORT]), ...(READS_ONLY ? [] : [RAW_PORT]), ...(POSTGRES ? [PG_APP_PORT] : [])]) {
    // A server left over on the port would be measured instead of this build.
    const inUse = await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false);
    if (inUse) throw new Error(`port ${port} is already in use: stop that server first`);
  }
  if (!base) {
    run("npx", ["tsx", "scripts/build-if-needed.ts"]);
    const app = start("npx", ["next", "start", "-p", String(APP_PORT), "-H", "127.0.0.1"], { DATABASE_URL: DB });
    base = `http://127.0.0.1:${APP_PORT}`;
    await waitFor(`${base}/login`);
    appPid = serverPid(app.pid!);
  }
  const opts = { connections: CONNECTIONS, seconds: SECONDS, warmupSeconds: WARMUP };
  if (READS_ONLY) {
    const sqlite = await appReads(base, await login(base, "9000000009", "sangathan-demo"), t, opts);
    stopAll();
    if (POSTGRES) await postgresRows(t, sqlite, opts);
    writeResults(began);
    return;
  }
  start("npx", ["tsx", "scripts/bench/raw.ts", "serve", DB, String(RAW_PORT)], {});
  const rawBase = `http://127.0.0.1:${RAW_PORT}`;
  await waitFor(`${rawBase}/unit/1`);
  const cookie = await login(base, "9000000009", "sangathan-demo");

  const raw = rawQueries(DB);
  const iterations = SMOKE ? 20 : 200;
  for (const [name, id] of [["mandal", t.mandal], ["district", t.district]] as const) {
    const r = inProcess(() => raw.unitPage(id), iterations);
    add({ work: `raw SQL in-process: ${name} unit page data`, app: "—", raw: `p50 ${ms(r.p50)}, p95 ${ms(r.p95)}`, ratio: "—", target: "—", pass: null, data: r });
  }

  const pages: SqliteFigures["pages"] = [];
  for (const [name, id] of [["mandal", t.mandal], ["district", t.district], ["booth", t.booth]] as const) {
    const app = await load({ base, paths: [`/units/${id}`], cookie, ...opts });
    const rawLoad = await load({ base: rawBase, paths: [`/unit/${id}`], ...opts });
    compare(`unit page (${name}), logged in`, app, rawLoad, 100, 0.15);
    pages.push([name, id, app]);
  }
  compare("person page", await load({ base, paths: [`/people/${t.person}`], cookie, ...opts }), await load({ base: rawBase, paths: [`/person/${t.person}`], ...opts }), 100, 0.15);

  const searchPaths = t.queries.map((q) => `/api/search?q=${encodeURIComponent(q)}`);
  const rawSearchPaths = t.queries.map((q) => `/search?q=${encodeURIComponent(q)}`);
  const rawSearch = inProcess(() => raw.search(t.queries[Math.floor(Math.random() * t.queries.length)]), Math.max(200, t.queries.length));
  add({ work: `raw SQL in-process: search (${t.queries.length} queries)`, app: "—", raw: `p50 ${ms(rawSearch.p50)}, p95 ${ms(rawSearch.p95)}`, ratio: "—", target: "—", pass: null, data: rawSearch });
  const appSearch = await load({ base, paths: searchPaths, cookie, ...opts });
  const rawSearchLoad = await load({ base: rawBase, paths: rawSearchPaths, ...opts });
  compare(`search endpoint, top 20 (${t.queries.length} mixed queries)`, appSearch, rawSearchLoad, 30, 0.4);
  const single = await load({ base, paths: searchPaths, cookie, connections: 1, seconds: SECONDS, warmupSeconds: WARMUP });
  add({ work: "search endpoint, one user at a time", app: `p50 ${ms(single.p50)}, p95 ${ms(single.p95)}`, raw: `p95 ${ms(rawSearch.p95)} (in-process)`, ratio: "—", target: "p95 ≤ 30 ms", pass: single.p95 <= 30, data: single });
  raw.close();

  const district = await exportRun(base, cookie, t.district, appPid);
  add({ work: `export CSV, largest district (${fmt(district.rows)} rows)`, app: `${fmt(district.rowsPerSecond)} rows/s, ${district.seconds.toFixed(2)} s${district.memoryGrowthMb !== null ? `, +${district.memoryGrowthMb.toFixed(0)} MB` : ""}`, raw: "—", ratio: "—", target: "≤ 2 s", pass: district.seconds <= 2, data: district });
  if (!SMOKE) {
    const state = await exportRun(base, cookie, 1, appPid);
    add({ work: `export CSV, whole state (${fmt(state.rows)} rows)`, app: `${fmt(state.rowsPerSecond)} rows/s, ${state.seconds.toFixed(1)} s, peak +${state.memoryGrowthMb?.toFixed(0)} MB`, raw: "—", ratio: "—", target: "≥ 150k rows/s, +< 100 MB", pass: state.rowsPerSecond >= 150_000 && (state.memoryGrowthMb ?? 0) < 100, data: state });
  }

  const writes = JSON.parse(run("npx", ["tsx", "--conditions=react-server", "scripts/bench/writes.ts"], { SCALE_DATABASE_URL: DB, BENCH_WRITES: SMOKE ? "100" : "4000" }).trim().split("\n").at(-1)!);
  add({ work: `roster writes with audit (${writes.changes} changes)`, app: `${fmt(writes.appPerSecond)}/s, median ${ms(writes.appMedianMs)}`, raw: `${fmt(writes.rawPerSecond)}/s`, ratio: `${(writes.appPerSecond / writes.rawPerSecond).toFixed(2)}×`, target: "≥ 2,000/s", pass: writes.appPerSecond >= 2000, data: writes });

  const cov = JSON.parse(run("npx", ["tsx", "--conditions=react-server", "scripts/bench/coverage.ts"], { SCALE_DATABASE_URL: DB, NATIONAL_DATABASE_URL: SMOKE ? "-" : (process.env.NATIONAL_DATABASE_URL ?? "data/scale-india.db"), BENCH_COVERAGE_SECONDS: SMOKE ? "0.5" : "5" }).trim().split("\n").at(-1)!);
  for (const [name, key, target] of [["Bihar state admin", "state", 150], ["district admin (largest district)", "district", 50], ["all-India admin (36 states)", "national", 1000]] as const) {
    const c = cov[key] as { runs: number; p50: number; p95: number } | null;
    add({
      work: `coverage dashboard data, ${name}`,
      app: c ? `median ${ms(c.p50)}, p95 ${ms(c.p95)} (${c.runs} runs)` : "skipped: no all-India database (npm run seed:scale -- --national)",
      raw: "—",
      ratio: "—",
      target: `median ≤ ${fmt(target)} ms`,
      pass: c ? c.p50 <= target : null,
      data: c,
    });
  }

  const imp = JSON.parse(run("npx", ["tsx", "--conditions=react-server", "scripts/bench/import.ts"], { SCALE_DATABASE_URL: DB, BENCH_IMPORT_ROWS: SMOKE ? "200" : "10000" }).trim().split("\n").at(-1)!);
  const importSeconds = imp.previewSeconds + imp.applySeconds;
  add({ work: `import ${fmt(imp.rows)} rows (preview + apply)`, app: `${fmt(imp.appRowsPerSecond)} rows/s, ${importSeconds.toFixed(1)} s`, raw: `${fmt(imp.rawRowsPerSecond)} rows/s`, ratio: `${(imp.appRowsPerSecond / imp.rawRowsPerSecond).toFixed(2)}×`, target: "10,000 rows ≤ 5 s", pass: SMOKE ? null : importSeconds <= 5, data: imp });

  const meet = JSON.parse(run("npx", ["tsx", "--conditions=react-server", "scripts/bench/meetings.ts"], { SCALE_DATABASE_URL: DB, BENCH_MEETING_ITERATIONS: SMOKE ? "3" : "30" }).trim().split("\n").at(-1)!);
  add({ work: `meeting invite preview (${fmt(meet.invitees)} invitees: every booth president of ${meet.district})`, app: `p50 ${ms(meet.previewP50Ms)}, p95 ${ms(meet.previewP95Ms)}; invitee CSV streamed in ${ms(meet.csvMs)}`, raw: "—", ratio: "—", target: "2,000 invitees ≤ 200 ms", pass: SMOKE ? null : meet.previewP95Ms <= 200, data: meet });

  // Each page's scripts before the offline work (commit 5df5f5f~1, measured the same way): they must not grow.
  // The login page as a logged-out phone sees it (logged in, /login redirects home).
  for (const [name, p, beforeKb, as] of [["login", "/login", 153.3, ""], ["unit page (mandal)", `/units/${t.mandal}`, 139.6, cookie]] as const) {
    const js = await jsBytes(base, p, as);
    add({ work: `JavaScript shipped: ${name}`, app: `${js.gzipKb.toFixed(1)} KB gzip in ${js.scripts} files; HTML ${js.htmlKb.toFixed(0)} KB`, raw: "—", ratio: "—", target: `≤ ${beforeKb} KB (before offline)`, pass: js.gzipKb <= beforeKb, data: js });
  }
  const worker = fs.readFileSync("public/sw.js");
  add({ work: "offline worker (public/sw.js)", app: `${(gzipSync(worker).length / 1024).toFixed(1)} KB gzip`, raw: "—", ratio: "—", target: "≤ 30 KB", pass: gzipSync(worker).length <= 30 * 1024 });
  // The median of several fresh profiles: a first visit, then the same page again with the worker.
  const visits = await repeatVisit(base, `/units/${t.mandal}`, cookie, SMOKE ? 1 : 5);
  add({
    work: `mandal page on a slow mobile network (400 kbps, 400 ms RTT), content shown, median of ${visits.runs}`,
    app: `repeat visit ${ms(visits.repeat.contentMs)}`,
    raw: `first visit ${ms(visits.first.contentMs)}`,
    ratio: `${(visits.repeat.contentMs / visits.first.contentMs).toFixed(2)}×`,
    target: "repeat ≤ 1.5 s",
    pass: visits.repeat.contentMs <= 1500,
    data: visits,
  });
  if (!SMOKE) {
    for (const [name, p, c] of [["login", "/login", null], ["unit page (mandal)", `/units/${t.mandal}`, cookie]] as const) {
      const lh = await lighthouse(base, p, c);
      add({ work: `Lighthouse mobile: ${name}`, app: `performance ${lh.performance}, accessibility ${lh.accessibility}`, raw: "—", ratio: "—", target: "≥ 95 / ≥ 95", pass: lh.performance >= 95 && lh.accessibility >= 95, data: lh });
    }
  }

  stopAll();
  if (POSTGRES) await postgresRows(t, { pages, search: appSearch, writes, import: imp }, opts);
  writeResults(began);
}

/** The table, printed and written as JSON under bench-results/. */
function writeResults(began: number) {
  const out = { at: new Date().toISOString(), smoke: SMOKE, only: args.only ?? null, db: path.relative(process.cwd(), DB), seconds: (Date.now() - began) / 1000, loadAverage: os.loadavg(), rows };
  fs.mkdirSync("bench-results", { recursive: true });
  const file = path.join("bench-results", `${out.at.replace(/[:.]/g, "-")}${SMOKE ? "-smoke" : ""}${READS_ONLY ? "-reads" : ""}.json`);
  fs.writeFileSync(file, JSON.stringify(out, null, 2));
  console.log("\n| work | app | raw | ratio | target | pass |\n|---|---|---|---|---|---|");
  for (const r of rows) console.log(`| ${r.work} | ${r.app} | ${r.raw} | ${r.ratio} | ${r.target} | ${r.pass === null ? "—" : r.pass ? "pass" : "FAIL"} |`);
  console.log(`\nWrote ${file} (${out.seconds.toFixed(0)} s).`);
}

/** --only=reads: the app's unit pages and search endpoint under the same load as the full run, no raw server beside. */
async function appReads(base: string, cookie: string, t: ReturnType<typeof targets>, opts: { connections: number; seconds: number; warmupSeconds: number }): Promise<SqliteFigures> {
  const pages: SqliteFigures["pages"] = [];
  const shown = (r: LoadResult) => `${fmt(r.rps)} req/s, p50 ${ms(r.p50)}, p95 ${ms(r.p95)}${r.errors ? `, ${r.errors} errors` : ""}`;
  for (const [name, id] of [["mandal", t.mandal], ["district", t.district], ["booth", t.booth]] as const) {
    const result = await load({ base, paths: [`/units/${id}`], cookie, ...opts });
    add({ work: `unit page (${name}), logged in`, app: shown(result), raw: "—", ratio: "—", target: "—", pass: result.errors === 0, data: { app: result } });
    pages.push([name, id, result]);
  }
  const search = await load({ base, paths: t.queries.map((q) => `/api/search?q=${encodeURIComponent(q)}`), cookie, ...opts });
  add({ work: `search endpoint, top 20 (${t.queries.length} mixed queries)`, app: shown(search), raw: "—", ratio: "—", target: "—", pass: search.errors === 0, data: { app: search } });
  return { pages, search };
}

main().catch((error) => {
  stopAll();
  console.error(error);
  process.exit(1);
});
