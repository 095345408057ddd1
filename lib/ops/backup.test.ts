import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqlite } from "@/db/connection";
import { makeTestDatabase } from "@/lib/testing/demo-db";
import { backupDatabase, integrityCheck, listSnapshots, OpsError, restoreDatabase, snapshotName } from "./backup";

let t: ReturnType<typeof makeTestDatabase>;
let work: string;

beforeAll(() => {
  t = makeTestDatabase();
  work = fs.mkdtempSync(path.join(os.tmpdir(), "sangathan-backup-"));
});
afterAll(() => {
  t.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

type Counts = { people: number; tenures: number; units: number; audit: number };
const COUNTS_SQL =
  "select (select count(*) from people) people, (select count(*) from tenures) tenures, (select count(*) from units) units, (select count(*) from audit_log) audit";
const counts = (db: Database.Database) => db.prepare(COUNTS_SQL).get() as Counts;
const countsOf = (file: string) => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return { ...counts(db), integrity: integrityCheck(db) };
  } finally {
    db.close();
  }
};
const folder = (name: string) => fs.mkdtempSync(path.join(work, `${name}-`));

// One roster change as the app makes it: a person, a (past) tenure and its audit row, in one transaction.
const WRITE_SQL = {
  seat: "select unit_id as \"unitId\", post_id as \"postId\" from tenures order by id limit 1",
  person: "insert into people (name_hi, name_en, mobile) values ('लेखक', 'Writer', ?)",
  tenure: "insert into tenures (person_id, unit_id, post_id, seat, start_date, end_date) values (?, ?, ?, 1, '2020-01-01', '2020-06-01')",
  audit: "insert into audit_log (action, target_type, target_id) values ('tenure.assign', 'tenure', ?)",
};

function writer(db: Database.Database) {
  const seat = db.prepare(WRITE_SQL.seat).get() as { unitId: number; postId: number };
  const person = db.prepare(WRITE_SQL.person);
  const tenure = db.prepare(WRITE_SQL.tenure);
  const audit = db.prepare(WRITE_SQL.audit);
  return db.transaction((k: number) => {
    const personId = Number(person.run(`+9170${String(k).padStart(8, "0")}`).lastInsertRowid);
    audit.run(Number(tenure.run(personId, seat.unitId, seat.postId).lastInsertRowid));
  });
}

describe("backup", () => {
  it("takes a consistent snapshot while another connection writes between its pages, and restores it", async () => {
    const dir = folder("interleaved");
    const write = writer(t.sqlite);
    let written = 0;
    let steps = 0;
    const r = await backupDatabase({
      source: t.file,
      dir,
      pagesPerStep: 64,
      onStep: () => {
        steps++;
        // Each commit by another connection makes SQLite restart the copy from the first page.
        if (written < 12) write(20_000 + written++);
      },
    });
    const atEnd = counts(t.sqlite);
    expect(written).toBe(12);
    expect(steps).toBeGreaterThan(12);
    expect(path.basename(r.file)).toMatch(/^sangathan-\d{8}-\d{6}Z\.db$/);
    expect(r.integrity).toBe("ok");
    expect(countsOf(r.file)).toEqual({ ...atEnd, integrity: "ok" });
    expect(fs.existsSync(`${r.file}-wal`)).toBe(false);

    const restored = path.join(folder("restored"), "sangathan.db");
    const rr = restoreDatabase({ snapshot: r.file, target: restored });
    expect(rr.previous).toBeNull();
    expect(countsOf(restored)).toEqual({ ...atEnd, integrity: "ok" });
  });

  it("snapshots a database that another process keeps writing to: exactly the state after one of its commits", async () => {
    const source = path.join(folder("live"), "live.db");
    const seeded = await backupDatabase({ source: t.file, dir: path.dirname(source) });
    fs.renameSync(seeded.file, source);
    const base = countsOf(source);

    // The app in another process: commits continuously, printing the number of each commit after it.
    const code = `
      import { openSqlite } from ${JSON.stringify(path.resolve("db/connection.ts"))};
      const db = openSqlite(process.env.WRITER_DB);
      const seat = db.prepare(${JSON.stringify(WRITE_SQL.seat)}).get();
      const person = db.prepare(${JSON.stringify(WRITE_SQL.person)});
      const tenure = db.prepare(${JSON.stringify(WRITE_SQL.tenure)});
      const audit = db.prepare(${JSON.stringify(WRITE_SQL.audit)});
      const write = db.transaction((k) => {
        const personId = Number(person.run("+9171" + String(k).padStart(8, "0")).lastInsertRowid);
        audit.run(Number(tenure.run(personId, seat.unitId, seat.postId).lastInsertRowid));
      });
      const pause = new Int32Array(new SharedArrayBuffer(4));
      for (let k = 1; k <= 50000; k++) { write(k); process.stdout.write(k + "\\n"); Atomics.wait(pause, 0, 0, 1); }
    `;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
      env: { ...process.env, WRITER_DB: source },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let acknowledged = 0;
    let buffered = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) acknowledged = Math.max(acknowledged, Number(line));
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      const deadline = Date.now() + 15_000;
      while (acknowledged < 30 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(acknowledged).toBeGreaterThanOrEqual(30);
      const before = acknowledged;
      const r = await backupDatabase({ source, dir: folder("live-snapshots") });
      child.kill("SIGKILL");
      await exited;

      const snap = countsOf(r.file);
      const k = snap.people - base.people;
      // One commit boundary: every table moved by the same number of commits, none torn.
      expect(snap).toEqual({ people: base.people + k, tenures: base.tenures + k, units: base.units, audit: base.audit + k, integrity: "ok" });
      expect(k).toBeGreaterThanOrEqual(before);
      expect(k).toBeLessThanOrEqual(acknowledged);

      const restored = path.join(folder("live-restored"), "sangathan.db");
      restoreDatabase({ snapshot: r.file, target: restored });
      expect(countsOf(restored)).toEqual(snap);
    } finally {
      child.kill("SIGKILL");
    }
  }, 30_000);

  it("keeps only the newest BACKUP_KEEP snapshots and never touches other files", async () => {
    const dir = folder("retention");
    fs.writeFileSync(path.join(dir, "notes.txt"), "mine");
    fs.writeFileSync(path.join(dir, "sangathan-before-upgrade.db"), "mine");
    const days = ["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05"].map((d) => new Date(`${d}T02:15:00Z`));
    const deleted: string[][] = [];
    for (const day of days) deleted.push((await backupDatabase({ source: t.file, dir, keep: 3, now: () => day })).deleted);
    expect(listSnapshots(dir)).toEqual(days.slice(2).map(snapshotName));
    expect(snapshotName(days[0])).toBe("sangathan-20260101-021500Z.db");
    expect(deleted).toEqual([[], [], [], [snapshotName(days[0])], [snapshotName(days[1])]]);
    expect(fs.readdirSync(dir).sort()).toEqual(["notes.txt", "sangathan-before-upgrade.db", ...days.slice(2).map(snapshotName)].sort());
  });

  it("writes snapshots readable by their owner only (0600), whatever the umask", async () => {
    const dir = folder("mode");
    const before = process.umask(0o022);
    try {
      const seen: number[] = [];
      const { file } = await backupDatabase({
        source: t.file,
        dir,
        onStep: () => {
          // The half-written copy too: names and mobiles must not be readable by others while it is written.
          for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".partial"))) seen.push(fs.statSync(path.join(dir, f)).mode & 0o777);
        },
      });
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((m) => m === 0o600)).toBe(true);
    } finally {
      process.umask(before);
    }
  });

  it("fails with the path in the message when the database is missing or the folder cannot be written", async () => {
    const missing = path.join(work, "no-such.db");
    await expect(backupDatabase({ source: missing, dir: folder("x") })).rejects.toThrow(new OpsError(`The database ${missing} does not exist.`));
    // Root ignores permission bits, so the unwritable folder is one below a regular file.
    const blocker = path.join(work, "a-file");
    fs.writeFileSync(blocker, "");
    await expect(backupDatabase({ source: t.file, dir: path.join(blocker, "backups") })).rejects.toThrow(/backup folder .*a-file\/backups is not writable/);
  });
});

describe("restore", () => {
  it("sets the current database aside, and refuses while another connection has it open", async () => {
    const snapshot = (await backupDatabase({ source: t.file, dir: folder("r-snap") })).file;
    const snapshotCounts = countsOf(snapshot);
    const target = path.join(folder("r-target"), "sangathan.db");
    restoreDatabase({ snapshot, target });
    const app = openSqlite(target);
    writer(app)(30_001);
    const changed = counts(app);
    expect(changed.people).toBe(snapshotCounts.people + 1);

    // An idle connection that has read holds a shared lock for as long as it is open.
    expect(() => restoreDatabase({ snapshot, target })).toThrow(/is in use by another process\. Stop the app first/);
    app.exec("BEGIN IMMEDIATE");
    expect(() => restoreDatabase({ snapshot, target })).toThrow(/is in use/);
    app.exec("ROLLBACK");
    app.close();
    expect(countsOf(target)).toEqual({ ...changed, integrity: "ok" });

    const r = restoreDatabase({ snapshot, target, now: () => new Date("2026-02-01T10:00:00Z") });
    expect(r.previous).toBe(`${target}.before-restore-20260201-100000Z`);
    expect(countsOf(r.previous!)).toEqual({ ...changed, integrity: "ok" });
    expect(countsOf(target)).toEqual(snapshotCounts);
    expect(fs.existsSync(`${target}-wal`)).toBe(false);
    expect(fs.readdirSync(path.dirname(target)).filter((f) => f.includes("restoring"))).toEqual([]);
  });

  it("refuses a damaged snapshot or a foreign database and leaves the current one alone", async () => {
    const snapshot = (await backupDatabase({ source: t.file, dir: folder("bad") })).file;
    const target = path.join(folder("bad-target"), "sangathan.db");
    restoreDatabase({ snapshot, target });
    const before = fs.readFileSync(target);

    const damaged = path.join(path.dirname(snapshot), "damaged.db");
    const bytes = fs.readFileSync(snapshot);
    bytes.fill(0x5a, 4096 * 40, 4096 * 40 + 2048);
    fs.writeFileSync(damaged, bytes);
    expect(() => restoreDatabase({ snapshot: damaged, target })).toThrow(/Refusing to restore .*damaged\.db: it (fails integrity_check|cannot be read)/);

    const foreign = path.join(path.dirname(snapshot), "foreign.db");
    const other = new Database(foreign);
    other.exec("create table notes (x)");
    other.close();
    expect(() => restoreDatabase({ snapshot: foreign, target })).toThrow(/not a Sangathan Directory database/);
    expect(() => restoreDatabase({ snapshot: path.join(work, "nope.db"), target })).toThrow(/does not exist/);

    expect(fs.readFileSync(target).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(target))).toEqual(["sangathan.db"]);
  });
});
