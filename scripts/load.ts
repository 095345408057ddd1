/**
 * `npm run load`: readers (unit pages, search) and editors (roster changes through the app's real
 * server actions, with sessions) together, then a check that every acknowledged write is in the
 * database and in the audit log, once. Prints requests, writes acknowledged and found, p95s, errors.
 *   --url=URL       an app already running (default: start one on a backup copy of --db)
 *   --db=FILE       the database (default data/scale.db; copied first, never written)
 *   --seconds=N     how long to run (default 120)  --readers=N (16)  --writers=N (4)
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { login, percentile } from "./bench/http";

const { values: args } = parseArgs({
  options: { seconds: { type: "string" }, readers: { type: "string" }, writers: { type: "string" }, url: { type: "string" }, db: { type: "string" } },
});
const SECONDS = Number(args.seconds ?? 120);
const READERS = Number(args.readers ?? 16);
const WRITERS = Number(args.writers ?? 4);
const PORT = 3650;

type Ack = { unitId: number; postId: number; seat: number; mobile: string };

function today() {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(new Date());
}

async function main() {
  let base = args.url as string | undefined;
  let dbFile = path.resolve(args.db ?? "data/scale.db");
  let server: ChildProcess | null = null;
  if (!base) {
    const copy = path.resolve("data/load.db");
    for (const s of ["", "-wal", "-shm"]) fs.rmSync(copy + s, { force: true });
    const source = new Database(dbFile, { readonly: true });
    await source.backup(copy);
    source.close();
    dbFile = copy;
    spawnSync("npx", ["tsx", "scripts/prepare-db.ts"], { env: { ...process.env, DATABASE_URL: dbFile }, stdio: "inherit" });
    spawnSync("npx", ["tsx", "scripts/build-if-needed.ts"], { stdio: "inherit" });
    server = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], { env: { ...process.env, DATABASE_URL: dbFile }, stdio: "ignore", detached: true });
    base = `http://127.0.0.1:${PORT}`;
    for (let i = 0; i < 300; i++) {
      try {
        if ((await fetch(`${base}/login`)).ok) break;
      } catch {}
      await new Promise((r) => setTimeout(r, 300));
    }
  }

  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName: string }> };
  const actionId = Object.entries(manifest.node).find(([, v]) => v.exportedName === "assignSeatAction")?.[0];
  if (!actionId) throw new Error("assignSeatAction is not in the build manifest");

  const db = new Database(dbFile, { readonly: true });
  const post = (db.prepare("select id from posts where level = 'booth' and title_key = 'member'").get() as { id: number }).id;
  const seats = db
    .prepare(
      `select b.id as "unitId" from units b where b.level = 'booth'
       and not exists (select 1 from tenures t where t.unit_id = b.id and t.post_id = ? and t.seat = 10 and t.end_date is null)
       order by random() limit ?`,
    )
    .all(post, WRITERS * 400) as Array<{ unitId: number }>;
  const readPaths = [
    ...(db.prepare("select id from units where level in ('mandal','district','booth','assembly') order by random() limit 200").all() as Array<{ id: number }>).map((u) => `/units/${u.id}`),
    ...["vikas", "kumar", "sanjay", "यादव", "sharma", "00012", "singh"].map((q) => `/api/search?q=${encodeURIComponent(q)}`),
  ];
  const currentTenure = db.prepare("select id from tenures where unit_id = ? and post_id = ? and seat = 10 and end_date is null");

  const cookie = await login(base, "9000000009", "sangathan-demo");
  const until = performance.now() + SECONDS * 1000;
  const readLatencies: number[] = [];
  const writeLatencies: number[] = [];
  const acks: Ack[] = [];
  let readErrors = 0;
  let writeErrors = 0;
  let refused = 0;
  // The 88000–88009 block: valid Indian mobiles that no fixture or generated person uses. (Wider
  // 88 ranges hold unallocated prefixes that libphonenumber refuses: about 1 run in 9 failed.)
  let mobile = 8_800_000_000 + Math.floor(Math.random() * 90_000) * 10;
  const date = today();

  const reader = async () => {
    let i = Math.floor(Math.random() * readPaths.length);
    while (performance.now() < until) {
      const start = performance.now();
      try {
        const res = await fetch(`${base}${readPaths[i++ % readPaths.length]}`, { headers: { cookie } });
        await res.arrayBuffer();
        if (res.status !== 200) {
          readErrors++;
          if (readErrors <= 3) console.error(`read ${res.status}`);
        }
      } catch {
        readErrors++;
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
      const expected = (currentTenure.get(seat.unitId, post) as { id: number } | undefined)?.id ?? "";
      const number = String(mobile++);
      const fd = new FormData();
      const fields: Record<string, string> = {
        unitId: String(seat.unitId), postId: String(post), seat: "10", expectedTenureId: String(expected), mode: "new", personId: "",
        nameHi: "लोड सदस्य", nameEn: "Load Member", mobile: number, whatsapp: "", homeUnitId: "", startDate: date,
      };
      for (const [k, v] of Object.entries(fields)) fd.set(`_1_${k}`, v);
      fd.set("0", JSON.stringify(["$undefined", "$K1"])); // React's reply encoding: the root comes last
      const start = performance.now();
      try {
        const res = await fetch(`${base}/units/${seat.unitId}/seats/${post}/10`, {
          method: "POST",
          body: fd,
          headers: { cookie, "next-action": actionId, origin: base!, accept: "text/x-component" },
          redirect: "manual",
        });
        const body = await res.text();
        if (res.status === 200 && res.headers.get("x-action-redirect")?.includes("saved=1")) {
          acks.push({ unitId: seat.unitId, postId: post, seat: 10, mobile: `+91${number}` });
        } else if (res.status === 200 && body.includes('"ok":false')) {
          refused++;
          if (refused === 1) console.error("first refusal:", body.split("\n").find((l) => l.includes('"ok":false'))?.slice(0, 300));
        } else {
          writeErrors++;
          if (writeErrors <= 3) console.error(`write ${res.status}: ${body.slice(0, 200)}`);
        }
      } catch (error) {
        writeErrors++;
        if (writeErrors <= 3) console.error("write failed:", error);
      }
      writeLatencies.push(performance.now() - start);
    }
  };

  const started = performance.now();
  await Promise.all([...Array.from({ length: READERS }, reader), ...Array.from({ length: WRITERS }, (_, w) => writer(w))]);
  const seconds = (performance.now() - started) / 1000;
  db.close();

  // Every acknowledged write: its person exactly once, its tenure at that seat, its audit row.
  const check = new Database(dbFile, { readonly: true });
  const person = check.prepare("select id from people where mobile = ?");
  const countPeople = check.prepare("select count(*) as n from people where mobile = ?");
  const tenure = check.prepare("select id from tenures where person_id = ? and unit_id = ? and post_id = ? and seat = ?");
  const audit = check.prepare("select count(*) as n from audit_log where target_type = 'tenure' and target_id = ? and action in ('tenure.assign', 'tenure.replace') and outcome = 'ok'");
  let found = 0;
  let doubled = 0;
  for (const a of acks) {
    const p = person.get(a.mobile) as { id: number } | undefined;
    if ((countPeople.get(a.mobile) as { n: number }).n > 1) doubled++;
    const t = p ? (tenure.all(p.id, a.unitId, a.postId, a.seat) as Array<{ id: number }>) : [];
    if (t.length > 1) doubled++;
    if (t.length === 1 && (audit.get(t[0].id) as { n: number }).n === 1) found++;
  }
  const integrity = (check.pragma("quick_check", { simple: true }) as string) ?? "";
  check.close();
  if (server) process.kill(-server.pid!, "SIGTERM");

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
  };
  console.log(JSON.stringify(result));
  const ok = readErrors === 0 && writeErrors === 0 && found === acks.length && doubled === 0 && integrity === "ok" && acks.length > 0;
  if (!ok) {
    console.error("load run FAILED: a request failed or an acknowledged write is missing or doubled");
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
