/**
 * The coverage dashboard's server-side data work, timed in-process: what the home page computes
 * for an account (its grant units; per unit coverageOf + trendOf) plus the coverage page's ranking
 * of the unit's children for one post (shakti kendra IT cell convenor). The data functions are
 * timed, not React's rendering of their result. Three accounts:
 *   state     the Bihar admin (9000000009): one panel, Bihar
 *   district  an admin of the largest district (by booths)
 *   national  an admin of every state (36 panels), on the all-India database when it exists
 * Prints one JSON line: { state, district, national } with median and p95 in ms (national null
 * when there is no all-India database). Each database is migrated first (as prepare-db would).
 * Run with the react-server condition: `tsx --conditions=react-server scripts/bench/coverage.ts`.
 *   SCALE_DATABASE_URL      the state-scale database (default data/scale.db)
 *   NATIONAL_DATABASE_URL   the all-India database (default data/scale-india.db; skipped if missing)
 *   BENCH_COVERAGE_SECONDS  time spent per account (default 5), after one warm-up run
 *   BENCH_COVERAGE_MIN_RUNS at least this many timed runs (default 3)
 */
import fs from "node:fs";
import path from "node:path";
import { fork } from "node:child_process";
import type { ScopedGrant } from "../../lib/auth/grants";
import type { Viewer } from "../../lib/auth/session";

const STATE_DB = process.env.SCALE_DATABASE_URL ?? "data/scale.db";
const NATIONAL_DB = process.env.NATIONAL_DATABASE_URL ?? "data/scale-india.db";
const SECONDS = Number(process.env.BENCH_COVERAGE_SECONDS ?? 5);
const MIN_RUNS = Number(process.env.BENCH_COVERAGE_MIN_RUNS ?? 3);

export type Timing = { runs: number; p50: number; p95: number; first: number };

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

/** One database per process: "@/db" opens DATABASE_URL once, on first use. */
async function measure(file: string, which: Array<"state" | "district" | "national">) {
  process.env.DATABASE_URL = path.resolve(file);
  const { createDb, migrateDb, openSqlite } = await import("../../db/connection");
  const migrating = openSqlite(path.resolve(file));
  migrateDb(createDb(migrating));
  migrating.close();
  const { getSqlite } = await import("../../db");
  const { coverageOf, rankChildren } = await import("../../lib/coverage/coverage");
  const { trendOf } = await import("../../lib/coverage/trend");
  const { listGrantUnits } = await import("../../lib/data/units");
  const { viewerByLogin } = await import("../../lib/auth/viewer-by-login");
  const sqlite = getSqlite();

  const post = (sqlite.prepare("select p.id from posts p join bodies b on b.id = p.body_id where p.level = 'shakti_kendra' and b.key = 'it_cell' and p.title_key = 'convenor'").get() as { id: number }).id;
  const adminOf = (units: Array<{ id: number; path: string }>): Viewer => ({
    accountId: 0,
    personId: null,
    name: "bench",
    grants: units.map((u): ScopedGrant => ({ unitId: u.id, unitPath: u.path, role: "admin", bodyId: null })),
  });
  const viewers = {
    state: () => viewerByLogin("+919000000009"),
    district: () => {
      const districts = sqlite.prepare("select id, path from units where level = 'district'").all() as Array<{ id: number; path: string }>;
      const booths = sqlite.prepare("select count(*) as n from units where level = 'booth' and path >= ? and path < ?");
      const size = (d: { path: string }) => (booths.get(d.path, d.path.slice(0, -1) + "0") as { n: number }).n;
      return adminOf([districts.reduce((a, b) => (size(b) > size(a) ? b : a))]);
    },
    national: () => adminOf(sqlite.prepare("select id, path from units where parent_id is null order by id").all() as Array<{ id: number; path: string }>),
  };

  const dashboard = async (viewer: Viewer) => {
    let figures = 0;
    for (const { unit } of await listGrantUnits(viewer)) {
      const coverage = await coverageOf(viewer, unit.id);
      const trend = await trendOf(viewer, unit.id);
      const ranked = await rankChildren(viewer, unit.id, post);
      if (!coverage || !trend || !ranked) throw new Error(`no coverage for unit ${unit.id}`);
      figures += coverage.rows.length + trend.length + ranked.children.length;
    }
    return figures;
  };

  const out: Record<string, Timing & { panels: number }> = {};
  for (const name of which) {
    const viewer = await viewers[name]();
    const t0 = performance.now();
    await dashboard(viewer); // the first run compiles the statements and warms the page cache
    const first = performance.now() - t0;
    const times: number[] = [];
    const until = performance.now() + SECONDS * 1000;
    while (times.length < MIN_RUNS || performance.now() < until) {
      const s = performance.now();
      await dashboard(viewer);
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const round = (n: number) => Number(n.toFixed(2));
    out[name] = { runs: times.length, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), first: round(first), panels: viewer.grants.length };
  }
  sqlite.close();
  return out;
}

async function main() {
  if (process.env.BENCH_COVERAGE_CHILD) {
    const [file, ...which] = process.env.BENCH_COVERAGE_CHILD.split(",");
    process.send!(await measure(file, which as Array<"state" | "district" | "national">));
    return;
  }
  if (!fs.existsSync(STATE_DB)) throw new Error(`${STATE_DB} is missing: run npm run seed:scale first`);
  const child = (file: string, which: string[]) =>
    new Promise<Record<string, Timing & { panels: number }>>((resolve, reject) => {
      const p = fork(process.argv[1], [], { env: { ...process.env, BENCH_COVERAGE_CHILD: [file, ...which].join(",") }, execArgv: process.execArgv });
      p.on("message", (m) => resolve(m as Record<string, Timing & { panels: number }>));
      p.on("exit", (code) => (code === 0 ? undefined : reject(new Error(`coverage bench on ${file} failed (${code})`))));
    });
  const state = await child(STATE_DB, ["state", "district"]);
  const national = fs.existsSync(NATIONAL_DB) ? (await child(NATIONAL_DB, ["national"])).national : null;
  console.log(JSON.stringify({ state: state.state, district: state.district, national, nationalDb: fs.existsSync(NATIONAL_DB) ? NATIONAL_DB : null }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
