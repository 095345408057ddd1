/**
 * Read-path timings on a scale database (e.g. the national one of `npm run seed:scale -- --national`),
 * in-process through the app's data layer: getUnitPage for a mandal, a district and the state unit
 * of the state admin's grant (+919000000009), and search() over 200+ mixed queries. With --http it
 * also starts the built app (`next start`, no rebuild) on port 3900 against the same file and
 * measures a mandal unit page and /api/search at 1 and 8 connections, then stops it.
 *
 *   npx tsx --conditions=react-server scripts/measure-scale.ts data/scale-india.db [--http]
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { load, login, percentile } from "./bench/http";
import { searchQueries } from "./bench/queries";

const { values: flags, positionals } = parseArgs({ options: { http: { type: "boolean" } }, allowPositionals: true });
const DB = path.resolve(positionals[0] ?? "data/scale-india.db");
const HTTP = flags.http === true;
const PORT = 3900;
const ITERATIONS = 200;

const ms = (x: number) => `${x.toFixed(2)} ms`;

function targets() {
  const db = new Database(DB, { readonly: true });
  const one = <T>(sql: string, ...p: unknown[]) => db.prepare(sql).get(...p) as T;
  const admin = one<{ unitId: number; path: string }>(
    "select g.unit_id as \"unitId\", u.path from accounts a join grants g on g.account_id = a.id join units u on u.id = g.unit_id where a.login = '+919000000009'",
  );
  const end = (p: string) => p.slice(0, -1) + "0";
  // The district of the admin's state with the most booths, and its first mandal.
  const district = one<{ id: number; path: string; name_en: string }>(
    `select d.id, d.path, d.name_en from units d where d.level = 'district' and d.path >= ? and d.path < ?
     order by (select count(*) from units b where b.level = 'booth' and b.path >= d.path and b.path < substr(d.path, 1, length(d.path) - 1) || '0') desc limit 1`,
    admin.path,
    end(admin.path),
  );
  const mandal = one<{ id: number; name_en: string }>(
    "select id, name_en from units where level = 'mandal' and path >= ? and path < ? order by id limit 1",
    district.path,
    end(district.path),
  );
  // Spread over the whole country.
  const queries = searchQueries(db, { people: 87991, units: 97 });
  const counts = db.prepare("select level, count(*) n from units group by level").all();
  const people_ = one<{ n: number }>("select count(*) n from people").n;
  db.close();
  return { state: admin.unitId, district, mandal, queries, counts, people: people_ };
}

async function timeIt(fn: (i: number) => Promise<unknown>, iterations = ITERATIONS) {
  for (let i = 0; i < 10; i++) await fn(i); // warm-up: statements compiled, pages cached
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const s = performance.now();
    await fn(i);
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] };
}

async function waitFor(url: string, seconds = 90) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up`);
}

async function main() {
  if (!fs.existsSync(DB)) throw new Error(`${DB} is missing: run npm run seed:scale -- --national first`);
  const mb = fs.statSync(DB).size / (1024 * 1024);
  const t = targets();
  console.log(`Database ${path.relative(process.cwd(), DB)}: ${mb.toFixed(1)} MB; ${t.people.toLocaleString("en-US")} people; units ${JSON.stringify(t.counts)}`);
  console.log(`Targets: state ${t.state}, district ${t.district.id} (${t.district.name_en}), mandal ${t.mandal.id} (${t.mandal.name_en}); ${t.queries.length} queries`);

  process.env.DATABASE_URL = DB;
  const { getSqlite } = await import("../db");
  const { getUnitPage } = await import("../lib/data/units");
  const { search } = await import("../lib/search/search");
  const sqlite = getSqlite();
  const admin = sqlite.prepare("select id, person_id as \"personId\", display_name as name from accounts where login = '+919000000009'").get() as { id: number; personId: number; name: string };
  const grants = sqlite
    .prepare("select g.unit_id as \"unitId\", u.path as \"unitPath\", g.role, g.body_id as \"bodyId\" from grants g join units u on u.id = g.unit_id where g.account_id = ?")
    .all(admin.id) as never[];
  const viewer = { accountId: admin.id, personId: admin.personId, name: admin.name, grants };

  for (const [name, id] of [["mandal", t.mandal.id], ["district", t.district.id], ["state", t.state]] as const) {
    const page = await getUnitPage(viewer, id);
    if (!page) throw new Error(`no unit page for ${name} ${id}`);
    const r = await timeIt(() => getUnitPage(viewer, id));
    console.log(`in-process getUnitPage(${name} ${id}): p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, max ${ms(r.max)} (${ITERATIONS} iterations)`);
  }
  let hits = 0;
  for (const q of t.queries) {
    const r = await search(viewer, q);
    hits += r.people.length + r.units.length > 0 ? 1 : 0;
  }
  const n = Math.max(ITERATIONS, t.queries.length);
  const s = await timeIt((i) => search(viewer, t.queries[i % t.queries.length]), n);
  console.log(`in-process search(): p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)} (${n} calls over ${t.queries.length} queries, ${hits} with hits)`);
  sqlite.close();

  if (!HTTP) return;
  const base = `http://127.0.0.1:${PORT}`;
  const server = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: DB },
    stdio: "ignore",
    detached: true,
  });
  try {
    await waitFor(`${base}/login`);
    const cookie = await login(base, "9000000009", "sangathan-demo");
    const searchPaths = t.queries.map((q) => `/api/search?q=${encodeURIComponent(q)}`);
    for (const connections of [1, 8]) {
      for (const [name, paths] of [["mandal unit page", [`/units/${t.mandal.id}`]], ["search", searchPaths]] as const) {
        const r = await load({ base, paths: [...paths], cookie, connections, seconds: 10, warmupSeconds: 2 });
        console.log(
          `HTTP ${name}, ${connections} connection(s): ${r.rps.toFixed(0)} req/s, p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)}, ${r.requests} requests, ${r.errors} errors`,
        );
      }
    }
  } finally {
    // The server is our own child (npx → next): stop its process group by id.
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
