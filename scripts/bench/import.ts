/**
 * Import of a generated roster sheet (booth member seats of one district, new people) through the
 * app's import layer (the row matcher for the preview, then apply in one transaction with audit),
 * beside plain SQL inserting the same rows, on a copy of the database.
 * Run with the react-server condition: `tsx --conditions=react-server scripts/bench/import.ts`.
 * BENCH_PG_URL=postgres://…: the app's import only, on that PostgreSQL database (loaded from the
 * same file, which is then only read for the admin's grants; the database is written, not copied).
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { viewerByLogin } from "../../lib/auth/viewer-by-login";
import type { Viewer } from "../../lib/auth/session";

const SOURCE = process.env.SCALE_DATABASE_URL ?? "data/scale.db";
const COPY = "data/bench-import.db";
const N = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const PG_URL = process.env.BENCH_PG_URL;

type Booth = Record<string, string>;
type State = { id: number; path: string; level: "state" };

// Booths with their whole path of names, as a sheet carries them.
const BOOTHS_SQL = `select s.name_hi as state, d.name_hi as district, a.name_hi as assembly, m.name_hi as mandal, k.name_hi as sk, b.name_hi as booth, b.code
   from units b join units k on k.id = b.parent_id join units m on m.id = k.parent_id join units a on a.id = m.parent_id
   join units d on d.id = a.parent_id join units s on s.id = d.parent_id
   where b.level = 'booth' and not exists (select 1 from tenures t join posts p on p.id = t.post_id
     where t.unit_id = b.id and p.title_key = 'member' and t.seat = 10 and t.end_date is null)
   order by b.path limit ?`;
const STATE_SQL = "select id, path, level from units where parent_id is null";

/** One sheet row a booth: a new member for seat 10. */
function sheet(booths: Booth[]) {
  return booths.map((b, i) => ({
    line: i + 2,
    levels: { state: b.state, district: b.district, assembly: b.assembly, mandal: b.mandal, shakti_kendra: b.sk, booth: b.booth },
    code: b.code ?? "",
    body: "संगठन",
    post: "सदस्य",
    seat: "10",
    nameHi: "आयात सदस्य",
    nameEn: "Import Member",
    mobile: String(7_100_000_000 + i),
    whatsapp: "",
    since: "2026-11-01",
  }));
}

/** Preview (the row matcher), then apply in one transaction, through the app's import layer. */
async function appImport(viewer: Viewer, state: State, records: ReturnType<typeof sheet>) {
  const { planImport } = await import("../../lib/import/plan");
  const { saveImport, applyImport } = await import("../../lib/import/apply");
  const t0 = performance.now();
  const preview = await planImport(viewer, state, records);
  const previewSeconds = (performance.now() - t0) / 1000;
  const errors = preview.filter((r) => r.fate.kind === "error").length;
  const id = await saveImport(viewer, state as never, "bench.csv", records);
  const t1 = performance.now();
  const result = await applyImport(viewer, id);
  const applySeconds = (performance.now() - t1) / 1000;
  if (!result.ok) throw new Error(`apply failed: ${result.code}`);
  return { errors, written: result.written, previewSeconds, applySeconds };
}

/** The app's import on PostgreSQL, through the data layer's door. */
async function onPostgres(url: string) {
  process.env.DATABASE_URL = url;
  const viewer = await viewerByLogin("+919000000009");
  const { closeDb, statement } = await import("../../db");
  const state = (await statement<[], State>(STATE_SQL).get())!;
  const records = sheet(await statement<[number], Booth>(BOOTHS_SQL).all(N));
  const app = await appImport(viewer, state, records);
  console.log(
    JSON.stringify({
      rows: records.length,
      errors: app.errors,
      written: app.written,
      previewSeconds: Number(app.previewSeconds.toFixed(2)),
      applySeconds: Number(app.applySeconds.toFixed(2)),
      appRowsPerSecond: Math.round(records.length / (app.previewSeconds + app.applySeconds)),
    }),
  );
  await closeDb();
}

async function main() {
  if (PG_URL) return onPostgres(PG_URL);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(COPY + suffix, { force: true });
  // The online backup API: a consistent copy even while a server writes to the source.
  const source = new Database(SOURCE, { readonly: true });
  await source.backup(COPY);
  source.close();
  process.env.DATABASE_URL = path.resolve(COPY);
  const { getSqlite } = await import("../../db");
  const sqlite = getSqlite();

  const viewer = await viewerByLogin("+919000000009");
  const admin = { id: viewer.accountId };
  const state = sqlite.prepare(STATE_SQL).get() as State;
  const records = sheet(sqlite.prepare(BOOTHS_SQL).all(N) as Booth[]);
  const { errors, written, previewSeconds, applySeconds } = await appImport(viewer, state, records);

  // Raw: the same rows as plain inserts (person, tenure, audit) in one transaction.
  const post = (sqlite.prepare("select id from posts where level = 'booth' and title_key = 'member'").get() as { id: number }).id;
  const unitIds = sqlite
    .prepare(
      `select b.id from units b where b.level = 'booth' and not exists (select 1 from tenures t where t.unit_id = b.id and t.post_id = ? and t.seat = 9 and t.end_date is null) limit ?`,
    )
    .all(post, records.length) as Array<{ id: number }>;
  const person = sqlite.prepare("insert into people (name_hi, name_en, mobile, home_unit_id) values (?, ?, ?, ?)");
  const tenure = sqlite.prepare("insert into tenures (person_id, unit_id, post_id, seat, start_date) values (?, ?, ?, 9, '2026-11-01')");
  const audit = sqlite.prepare("insert into audit_log (actor_account_id, action, target_type, target_id, unit_id, after) values (?, 'tenure.assign', 'tenure', ?, ?, ?)");
  const t2 = performance.now();
  sqlite.transaction(() => {
    unitIds.forEach((u, i) => {
      const p = Number(person.run("कच्चा", "Raw", `+9172${String(i).padStart(8, "0")}`, u.id).lastInsertRowid);
      const t = Number(tenure.run(p, u.id, post).lastInsertRowid);
      audit.run(admin.id, t, u.id, JSON.stringify({ personId: p }));
    });
  })();
  const rawSeconds = (performance.now() - t2) / 1000;

  console.log(
    JSON.stringify({
      rows: records.length,
      errors,
      written,
      previewSeconds: Number(previewSeconds.toFixed(2)),
      applySeconds: Number(applySeconds.toFixed(2)),
      appRowsPerSecond: Math.round(records.length / (previewSeconds + applySeconds)),
      rawRowsPerSecond: Math.round(unitIds.length / rawSeconds),
    }),
  );
  sqlite.close();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(COPY + suffix, { force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
