/**
 * Roster writes with audit through the app's data layer (the same service the server actions
 * call: grant check, compare-and-set, one transaction with its audit row), beside the same work
 * in plain SQL, on a copy of the state-scale database. Run with the react-server condition so
 * "server-only" modules load: `tsx --conditions=react-server scripts/bench/writes.ts`.
 * BENCH_PG_URL=postgres://…: the app's writes only, on that PostgreSQL database (loaded from the
 * same file, which is then only read for the admin's grants; the database is written, not copied).
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { viewerByLogin } from "../../lib/auth/viewer-by-login";
import { todayInIndia } from "../../lib/roster/dates";
import type { Viewer } from "../../lib/auth/session";

const SOURCE = process.env.SCALE_DATABASE_URL ?? "data/scale.db";
const COPY = "data/bench-writes.db";
const N = Number(process.env.BENCH_WRITES ?? 4000);
const PG_URL = process.env.BENCH_PG_URL;

type Seat = { unitId: number; tenureId: number; startDate: string };

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// The service, loaded after DATABASE_URL is set (the data layer reads it on first use).
let assignSeat: (typeof import("../../lib/roster/service"))["assignSeat"];

/** Replaces the holders of `seats`' booth president seats, each with a new person, through the service. */
async function appWrites(viewer: Viewer, president: number, seats: Seat[], today: string) {
  let mobile = 7_000_000_000;
  const appTimes: number[] = [];
  const t0 = performance.now();
  for (const seat of seats) {
    const s = performance.now();
    const r = await assignSeat(viewer, { unitId: seat.unitId, postId: president, seat: 1, expectedTenureId: seat.tenureId, personId: null, startDate: today }, {
      nameHi: "बेंच व्यक्ति", nameEn: "Bench Person", mobile: String(mobile++), whatsapp: "", homeUnitId: null,
    });
    if (!r.ok) throw new Error(`write refused: ${JSON.stringify(r)}`);
    appTimes.push(performance.now() - s);
  }
  return { appSeconds: (performance.now() - t0) / 1000, appTimes, nextMobile: mobile };
}

const SEATS_SQL =
  "select t.unit_id as \"unitId\", t.id as \"tenureId\", t.start_date as \"startDate\" from tenures t where t.post_id = ? and t.end_date is null and t.start_date < ? order by random() limit ?";

/** The app's writes on PostgreSQL, through the same service and the data layer's door. */
async function onPostgres(url: string) {
  process.env.DATABASE_URL = url;
  const viewer = await viewerByLogin("+919000000009");
  ({ assignSeat } = await import("../../lib/roster/service"));
  const { closeDb, statement } = await import("../../db");
  const president = (await statement<[], { id: number }>("select id from posts where level = 'booth' and title_key = 'president'").get())!.id;
  const today = todayInIndia();
  const seats = await statement<[number, string, number], Seat>(SEATS_SQL).all(president, today, N);
  const { appSeconds, appTimes } = await appWrites(viewer, president, seats, today);
  console.log(JSON.stringify({ changes: N, appPerSecond: Math.round(N / appSeconds), appMedianMs: Number(median(appTimes).toFixed(3)) }));
  await closeDb();
}

async function main() {
  if (PG_URL) return onPostgres(PG_URL);
  if (!fs.existsSync(SOURCE)) throw new Error(`${SOURCE} is missing: run npm run seed:scale first`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(COPY + suffix, { force: true });
  // The online backup API: a consistent copy even while a server writes to the source.
  const source = new Database(SOURCE, { readonly: true });
  await source.backup(COPY);
  source.close();
  process.env.DATABASE_URL = path.resolve(COPY);
  const { createDb, migrateDb, openSqlite } = await import("../../db/connection");
  const migrating = openSqlite(COPY);
  migrateDb(createDb(migrating));
  migrating.close();

  const { getSqlite } = await import("../../db");
  ({ assignSeat } = await import("../../lib/roster/service"));
  const sqlite = getSqlite();
  const viewer = await viewerByLogin("+919000000009");
  const admin = { id: viewer.accountId };

  const president = (sqlite.prepare("select id from posts where level = 'booth' and title_key = 'president'").get() as { id: number }).id;
  // Today's date, and only holders who started before it: a database other runs (the e2e suite) have
  // written to may hold tenures that started today, which no replacement may predate.
  const today = todayInIndia();
  const seats = sqlite.prepare(SEATS_SQL).all(president, today, N * 2) as Seat[];

  // App: replace N booth presidents, each with a new person, through the service.
  const app = await appWrites(viewer, president, seats.slice(0, N), today);
  const { appSeconds, appTimes } = app;
  let mobile = app.nextMobile;

  // Raw: the same statements in plain SQL (end, insert person, insert tenure, audit) per transaction.
  const end = sqlite.prepare("update tenures set end_date = ?, end_reason = 'replaced', version = version + 1 where id = ? and end_date is null");
  const person = sqlite.prepare("insert into people (name_hi, name_en, mobile) values (?, ?, ?)");
  const tenure = sqlite.prepare("insert into tenures (person_id, unit_id, post_id, seat, start_date) values (?, ?, ?, 1, ?)");
  const audit = sqlite.prepare("insert into audit_log (actor_account_id, action, target_type, target_id, unit_id, before, after) values (?, 'tenure.replace', 'tenure', ?, ?, ?, ?)");
  const change = sqlite.transaction((s: { unitId: number; tenureId: number }) => {
    end.run(today, s.tenureId);
    const p = Number(person.run("बेंच", "Bench", `+91${mobile++}`).lastInsertRowid);
    const id = Number(tenure.run(p, s.unitId, president, today).lastInsertRowid);
    audit.run(admin.id, id, s.unitId, JSON.stringify({ tenureId: s.tenureId }), JSON.stringify({ personId: p }));
  });
  const t1 = performance.now();
  for (const s of seats.slice(N, 2 * N)) change(s);
  const rawSeconds = (performance.now() - t1) / 1000;

  const result = {
    changes: N,
    appPerSecond: Math.round(N / appSeconds),
    appMedianMs: Number(median(appTimes).toFixed(3)),
    rawPerSecond: Math.round(N / rawSeconds),
  };
  console.log(JSON.stringify(result));
  sqlite.close();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(COPY + suffix, { force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
