/**
 * Crash safety, measured: a child process edits rosters through the app's own service
 * (lib/roster/service.ts, lib/import/apply.ts) on a copy of the seeded demo database and, after
 * each change is committed, appends it to an fsync'd acknowledgement file. The parent SIGKILLs the
 * child at a random moment, reopens the database and checks integrity_check and that every
 * acknowledged change is there. Every fourth cycle kills the child inside applyImport of a few
 * thousand booth-member rows instead: the import must then be there entirely or not at all.
 * `scripts/crash-test.ts` is the command line (and the children's entry); a failing cycle's
 * database is kept and its path reported.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { createDb, migrateDb, openSqlite } from "../../db/connection";
import { seedDemo } from "../../db/seed";
import type { SheetRecord } from "../import/parse";
import type { Viewer } from "../auth/session";
import { integrityCheck } from "./backup";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The children run the command line's `--child` mode. */
const CHILD_ENTRY = path.join(ROOT, "scripts/crash-test.ts");
const STATE_ADMIN = "+919000000009";
const CHANGE_DATE = "2026-03-01";

export type CrashKind = "edits" | "import";

export type CrashCycle = {
  cycle: number;
  kind: CrashKind;
  /** Milliseconds from the child's first change (edits) or from the start of applyImport (import) to SIGKILL. */
  killedAfterMs: number;
  /** Edits: changes acknowledged. Import: rows acknowledged (all of them once applyImport returned, else 0). */
  acknowledged: number;
  /** Edits: acknowledged changes found. Import: import rows found. */
  found: number;
  /** Import: the rows the import writes when it commits. */
  expected?: number;
  integrity: string;
  problems: string[];
  keptAt?: string;
};

export type CrashTestOptions = {
  editCycles: number;
  importCycles: number;
  importRows?: number;
  /** Edit cycles: SIGKILL this many ms after the first change, uniformly at random. */
  editKillWindowMs?: [number, number];
  /** Import cycles: SIGKILL after this fraction of the measured planning time, uniformly at random. */
  importKillWindow?: [number, number];
  onCycle?: (cycle: CrashCycle) => void;
  /** Start every cycle from a copy of this database (e.g. data/scale.db) instead of the demo seed. */
  source?: string;
};

// ---------------------------------------------------------------------------------------------
// The child: runs with the react-server condition so the app's "server-only" modules load.

function viewerFor(sqlite: Database.Database, login: string): Viewer {
  const a = sqlite.prepare("select id, person_id as \"personId\", display_name as name from accounts where login = ?").get(login) as { id: number; personId: number | null; name: string };
  const grants = sqlite
    .prepare("select g.unit_id as \"unitId\", u.path as \"unitPath\", g.role, g.body_id as \"bodyId\" from grants g join units u on u.id = g.unit_id where g.account_id = ?")
    .all(a.id) as Viewer["grants"];
  return { accountId: a.id, personId: a.personId, name: a.name, grants } as Viewer;
}

function ackWriter(file: string) {
  const fd = fs.openSync(file, "a");
  return (line: string) => {
    fs.writeSync(fd, `${line}\n`);
    fs.fsyncSync(fd);
  };
}

/** 0 → "a", 27 → "bb": person names take Latin letters only. */
function letters(n: number): string {
  let s = "";
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

export async function editsChild(ackFile: string) {
  const { getSqlite } = await import("../../db");
  const roster = await import("../roster/service");
  const sqlite = getSqlite();
  const viewer = viewerFor(sqlite, STATE_ADMIN);
  const ack = ackWriter(ackFile);
  const seats = sqlite
    .prepare(
      `select t.id as "tenureId", t.unit_id as "unitId", t.post_id as "postId", t.seat from tenures t join posts p on p.id = t.post_id
       where p.level = 'booth' and t.end_date is null order by t.id`,
    )
    .all() as Array<{ tenureId: number; unitId: number; postId: number; seat: number }>;
  const versionOf = sqlite.prepare<[number], { version: number }>("select version from people where id = ?");
  process.stdout.write("ready\n");
  for (let i = 0; 2 * i + 1 < seats.length; i++) {
    const [a, b] = [seats[2 * i], seats[2 * i + 1]];
    const mobile = String(7_000_000_000 + i);
    const assigned = await roster.assignSeat(
      viewer,
      { unitId: a.unitId, postId: a.postId, seat: a.seat, expectedTenureId: a.tenureId, personId: null, startDate: CHANGE_DATE },
      { nameHi: "परीक्षण व्यक्ति", nameEn: "Crash Person", mobile, whatsapp: "", homeUnitId: a.unitId },
    );
    if (!assigned.ok) throw new Error(`assignSeat refused: ${JSON.stringify(assigned)}`);
    const { tenureId, personId } = assigned.data;
    ack(`tenure ${tenureId} ${personId} ${a.unitId} ${a.postId} ${a.seat}`);

    const vacated = await roster.vacateSeat(viewer, { tenureId: b.tenureId, endDate: CHANGE_DATE, reason: "crash test" });
    if (!vacated.ok) throw new Error(`vacateSeat refused: ${JSON.stringify(vacated)}`);
    ack(`vacate ${b.tenureId} ${CHANGE_DATE}`);

    const version = versionOf.get(personId)!.version;
    const nameEn = `Crash Person ${letters(i)}`;
    const updated = await roster.updatePerson(viewer, { personId, version, nameHi: "परीक्षण व्यक्ति", nameEn, mobile, whatsapp: "", homeUnitId: a.unitId });
    if (!updated.ok) throw new Error(`updatePerson refused: ${JSON.stringify(updated)}`);
    ack(`person ${personId} ${version + 1} ${nameEn}`);
  }
  process.stdout.write("done\n");
}

/** Rows shaped like a parsed sheet (lib/import/parse.ts): one vacant member seat in each of `rows` booths. */
function boothMemberRecords(sqlite: Database.Database, rows: number): SheetRecord[] {
  const member = sqlite
    .prepare("select p.id, p.seats from posts p join bodies b on b.id = p.body_id where p.level = 'booth' and b.key = 'sangathan' and p.title_key = 'member'")
    .get() as { id: number; seats: number };
  const booths = sqlite
    .prepare(
      `select s.name_hi as state, d.name_hi as district, a.name_hi as assembly, m.name_hi as mandal, sk.name_hi as "shaktiKendra",
              b.name_hi as booth, coalesce(b.code, '') as code,
              (select group_concat(t.seat) from tenures t where t.unit_id = b.id and t.post_id = ? and t.end_date is null) as held
       from units b join units sk on sk.id = b.parent_id join units m on m.id = sk.parent_id join units a on a.id = m.parent_id
            join units d on d.id = a.parent_id join units s on s.id = d.parent_id
       where b.level = 'booth' order by b.id limit ?`,
    )
    .all(member.id, rows) as Array<{ state: string; district: string; assembly: string; mandal: string; shaktiKendra: string; booth: string; code: string; held: string | null }>;
  return booths.map((b, i) => {
    const held = new Set((b.held ?? "").split(",").filter(Boolean).map(Number));
    let seat = 1;
    while (held.has(seat) && seat < member.seats) seat++;
    return {
      line: i + 2,
      levels: { state: b.state, district: b.district, assembly: b.assembly, mandal: b.mandal, shakti_kendra: b.shaktiKendra, booth: b.booth },
      code: b.code,
      body: "sangathan",
      post: "member",
      seat: String(seat),
      nameHi: "आयातित सदस्य",
      nameEn: "Imported Member",
      mobile: String(8_000_000_000 + i),
      whatsapp: "",
      since: CHANGE_DATE,
    };
  });
}

export async function importChild(ackFile: string, rows: number) {
  const { getSqlite } = await import("../../db");
  const { applyImport, requireImportUnit, saveImport } = await import("../import/apply");
  const { planImport, summarise } = await import("../import/plan");
  const sqlite = getSqlite();
  const viewer = viewerFor(sqlite, STATE_ADMIN);
  const ack = ackWriter(ackFile);
  const state = sqlite.prepare("select id from units where level = 'state' order by id limit 1").get() as { id: number };
  const unit = await requireImportUnit(viewer, state.id);
  const records = boothMemberRecords(sqlite, rows);
  const importId = await saveImport(viewer, unit, "crash-test.csv", records);
  // The preview a person sees before pressing "apply"; its duration times the kill.
  const started = performance.now();
  const summary = summarise(await planImport(viewer, unit, records));
  const planMs = Math.round(performance.now() - started);
  const expected = summary.newTenures + summary.replaces;
  ack(`planned ${importId} ${expected}`);
  process.stdout.write(`planned ${importId} ${expected} ${planMs}\napplying\n`);
  const result = await applyImport(viewer, importId);
  if (!result.ok) throw new Error(`applyImport refused: ${JSON.stringify(result)}`);
  ack(`applied ${importId} ${result.written}`);
  process.stdout.write("done\n");
}

// ---------------------------------------------------------------------------------------------
// The parent.

async function makeTemplate(dir: string, source?: string) {
  const file = path.join(dir, "template.db");
  if (source) {
    // The online backup API: a whole copy even if an app is using the source.
    const from = new Database(source, { readonly: true });
    await from.backup(file);
    from.close();
  }
  const sqlite = openSqlite(file);
  try {
    migrateDb(createDb(sqlite));
    if (!source) sqlite.transaction(() => seedDemo(sqlite))();
    return { file, maxTenureId: (sqlite.prepare("select max(id) as n from tenures").get() as { n: number }).n };
  } finally {
    // Closing the last connection folds the WAL into the file, so a copy of the file alone is whole.
    sqlite.close();
  }
}

type ChildRun = { killedAfterMs: number; exit: { code: number | null; signal: NodeJS.Signals | null }; stderr: string; planned?: { expected: number; planMs: number } };

/** Starts the child, waits for its start line ("ready", or "applying" for an import), kills it `delay(planMs)` ms later. */
function runChild(kind: CrashKind, db: string, ackFile: string, rows: number, delay: (planMs: number) => number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", CHILD_ENTRY, "--child", kind, "--ack", ackFile, "--import-rows", String(rows)],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: db }, stdio: ["ignore", "pipe", "pipe"] },
    );
    const run: Partial<ChildRun> = {};
    let stderr = "";
    let buffered = "";
    let startedAt = 0;
    const timeout = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the ${kind} child did not start within 60 s: ${stderr}`));
    }, 60_000);
    const armKill = (afterMs: number) => {
      clearTimeout(timeout);
      startedAt = performance.now();
      setTimeout(() => child.kill("SIGKILL"), afterMs);
    };
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        const [word, , expected, planMs] = line.split(" ");
        if (word === "ready") armKill(delay(0));
        if (word === "planned") run.planned = { expected: Number(expected), planMs: Number(planMs) };
        if (word === "applying") armKill(delay(run.planned?.planMs ?? 0));
      }
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      clearTimeout(timeout);
      resolve({
        ...run,
        killedAfterMs: signal === "SIGKILL" && startedAt ? Math.round(performance.now() - startedAt) : -1,
        exit: { code, signal },
        stderr,
      } as ChildRun);
    });
  });
}

function readAcks(file: string): string[][] {
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, "utf8");
  // A line without its newline was being written when the kill came: not acknowledged.
  return text.slice(0, text.lastIndexOf("\n") + 1).split("\n").filter(Boolean).map((l) => l.split(" "));
}

function checkEdits(sqlite: Database.Database, acks: string[][]) {
  const tenure = sqlite.prepare("select 1 from tenures where id = ? and person_id = ? and unit_id = ? and post_id = ? and seat = ?");
  const ended = sqlite.prepare<[number], { endDate: string | null }>("select end_date as \"endDate\" from tenures where id = ?");
  const person = sqlite.prepare<[number], { version: number; nameEn: string }>("select version, name_en as \"nameEn\" from people where id = ?");
  const audited = sqlite.prepare("select 1 from audit_log where target_type = ? and target_id = ? and action = ?");
  const problems: string[] = [];
  let found = 0;
  for (const [what, ...f] of acks) {
    let ok = false;
    if (what === "tenure") {
      ok = !!tenure.get(Number(f[0]), Number(f[1]), Number(f[2]), Number(f[3]), Number(f[4])) && !!audited.get("tenure", Number(f[0]), "tenure.replace");
    } else if (what === "vacate") {
      ok = ended.get(Number(f[0]))?.endDate === f[1] && !!audited.get("tenure", Number(f[0]), "tenure.vacate");
    } else if (what === "person") {
      const p = person.get(Number(f[0]));
      const name = f.slice(2).join(" ");
      // A later, unacknowledged update may have committed too: only going backwards is a loss.
      ok = !!p && (p.version > Number(f[1]) || (p.version === Number(f[1]) && p.nameEn === name)) && !!audited.get("person", Number(f[0]), "person.update");
    }
    if (ok) found++;
    else problems.push(`lost: ${what} ${f.join(" ")}`);
  }
  return { acknowledged: acks.length, found, problems };
}

function checkImport(sqlite: Database.Database, acks: string[][], maxTenureId: number) {
  const problems: string[] = [];
  const planned = acks.find((a) => a[0] === "planned");
  const applied = acks.find((a) => a[0] === "applied");
  const expected = planned ? Number(planned[2]) : undefined;
  const found = (sqlite.prepare("select count(*) as n from tenures where id > ?").get(maxTenureId) as { n: number }).n;
  const people = (sqlite.prepare("select count(*) as n from people where name_en = 'Imported Member'").get() as { n: number }).n;
  const marked = (sqlite.prepare("select count(*) as n from imports where applied_at is not null").get() as { n: number }).n;
  const audits = (sqlite.prepare("select count(*) as n from audit_log where action = 'import.apply'").get() as { n: number }).n;
  if (expected === undefined) {
    if (found !== 0) problems.push(`${found} import rows written before the import was planned`);
  } else {
    if (expected === 0) problems.push("the generated sheet planned no writes");
    if (found !== 0 && found !== expected) problems.push(`partial import: ${found} of ${expected} rows`);
    const complete = found === expected && expected > 0;
    if (people !== found || marked !== Number(complete) || audits !== Number(complete)) {
      problems.push(`torn import: ${found} tenures, ${people} people, applied_at set ${marked}, import.apply audit rows ${audits}`);
    }
  }
  if (applied && found !== Number(applied[2])) problems.push(`lost: applyImport returned ${applied[2]} rows written, found ${found}`);
  return { acknowledged: applied ? Number(applied[2]) : 0, found, expected, problems };
}

const between = ([lo, hi]: [number, number]) => lo + Math.random() * (hi - lo);

export async function runCrashTest(options: CrashTestOptions): Promise<CrashCycle[]> {
  const { editCycles, importCycles, importRows = 3000, editKillWindowMs = [100, 1500], importKillWindow = [0.1, 1.6], onCycle } = options;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "sangathan-crash-"));
  const results: CrashCycle[] = [];
  try {
    const template = await makeTemplate(work, options.source);
    const total = editCycles + importCycles;
    let imports = 0;
    for (let cycle = 1; cycle <= total; cycle++) {
      // Imports spread evenly among the edit cycles.
      const kind: CrashKind = imports < importCycles && (cycle * importCycles) / total >= imports + 1 ? "import" : "edits";
      if (kind === "import") imports++;
      const dir = path.join(work, `cycle-${cycle}`);
      fs.mkdirSync(dir);
      const db = path.join(dir, "sangathan.db");
      const ackFile = path.join(dir, "acks.txt");
      fs.copyFileSync(template.file, db);
      const run = await runChild(kind, db, ackFile, importRows, (planMs) =>
        kind === "edits" ? between(editKillWindowMs) : Math.max(1, planMs) * between(importKillWindow),
      );
      const sqlite = openSqlite(db);
      let result: CrashCycle;
      try {
        const integrity = integrityCheck(sqlite);
        const fkErrors = (sqlite.pragma("foreign_key_check") as unknown[]).length;
        const acks = readAcks(ackFile);
        const checked = kind === "edits" ? checkEdits(sqlite, acks) : checkImport(sqlite, acks, template.maxTenureId);
        const problems = [...checked.problems];
        if (integrity !== "ok") problems.unshift(`integrity_check: ${integrity}`);
        if (fkErrors > 0) problems.unshift(`foreign_key_check: ${fkErrors} rows`);
        if (run.exit.signal !== "SIGKILL" && run.exit.code !== 0) problems.unshift(`the child failed (exit ${run.exit.code}): ${run.stderr.trim().split("\n").slice(-3).join(" | ")}`);
        result = { cycle, kind, killedAfterMs: run.killedAfterMs, integrity, ...checked, problems };
      } finally {
        sqlite.close();
      }
      if (result.problems.length > 0) result.keptAt = dir;
      else fs.rmSync(dir, { recursive: true, force: true });
      results.push(result);
      onCycle?.(result);
    }
    return results;
  } finally {
    if (results.every((r) => !r.keptAt)) fs.rmSync(work, { recursive: true, force: true });
  }
}
