import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { statement } from "@/db";
import { createDb, openSqlite } from "@/db/connection";
import { seedDemo } from "@/db/seed";
import type { Level } from "@/db/schema";
import type { Viewer } from "@/lib/auth/session";
import * as importing from "@/lib/import/apply";
import type { SheetRecord } from "@/lib/import/parse";
import * as roster from "@/lib/roster/service";
import * as structure from "@/lib/structure/service";
import { withTestDatabase } from "@/lib/testing/demo-db";
import { viewerByLogin } from "@/lib/auth/viewer-by-login";
import { LEVELS } from "@/lib/tree";
import * as counts from "./counts";
import * as coverage from "./coverage";
import * as trend from "./trend";

/**
 * Property test of the coverage counts (coverage_filled, coverage_units, coverage_days, kept by
 * triggers: SQLite's, and PostgreSQL's PL/pgSQL ones in the postgres project): after every one of
 * 200 random writes through the app's own services — fills, replacements, vacates (lib/roster),
 * shakti kendra and booth moves and unit adds (lib/structure), sheet imports (lib/import apply) —
 * the counts equal a brute-force recount that walks every unit's parent chain (the parent is the
 * truth; paths are not used). Several seeds; each round also checks coverageOf, rankChildren and
 * trendOf (past, mid-month and future-dated changes) against seat-by-seat and tenure-by-tenure
 * recounts. Each trigger, taken out, is seen to break the property.
 */

const db = withTestDatabase();
let admin: Viewer;

beforeAll(async () => {
  admin = await viewerByLogin("+919000000009");
});

/** What the checks read: the test database through the door, or another one a test points them at. */
type Reader = { name: string; all<T>(sql: string, ...p: unknown[]): Promise<T[]> };
const door: Reader = { name: "door", all: <T>(sql: string, ...p: unknown[]) => statement<unknown[], T>(sql).all(...p) };
let reader = door;
const all = <T>(sql: string, ...p: unknown[]) => reader.all<T>(sql, ...p);
const get = async <T>(sql: string, ...p: unknown[]) => (await all<T>(sql, ...p))[0];

type UnitRow = { id: number; parentId: number | null; level: Level; nameHi: string; code: string | null };
type TenureRow = { id: number; unitId: number; postId: number; seat: number; startDate: string; endDate: string | null };
type PostRow = { id: number; level: Level; bodyId: number; seats: number; bodyHi: string; titleHi: string };

/** Units and posts, read afresh; each unit's chain of ancestors (itself first) by parent_id, on demand. */
async function snapshot() {
  const units = await all<UnitRow>("select id, parent_id as \"parentId\", level, name_hi as \"nameHi\", code from units order by id");
  const byId = new Map(units.map((u) => [u.id, u]));
  const chains = new Map<number, number[]>();
  const chain = (id: number): number[] => {
    let c = chains.get(id);
    if (!c) {
      const parent = byId.get(id)!.parentId;
      c = [id, ...(parent === null ? [] : chain(parent))];
      chains.set(id, c);
    }
    return c;
  };
  const posts = await all<PostRow>(
    "select p.id, p.level, p.body_id as \"bodyId\", p.seats, b.name_hi as \"bodyHi\", p.title_hi as \"titleHi\" from posts p join bodies b on b.id = p.body_id order by p.id",
  );
  const within = (id: number, root: number) => chain(id).includes(root);
  const tenures = () => all<TenureRow>("select id, unit_id as \"unitId\", post_id as \"postId\", seat, start_date as \"startDate\", end_date as \"endDate\" from tenures order by id");
  return { units, byId, chain, posts, within, tenures };
}

const add = (m: Map<string, number>, key: string, d: number) => m.set(key, (m.get(key) ?? 0) + d);

const DAY0 = Date.UTC(1950, 0, 1);
const dayNo = (iso: string) => (Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) - DAY0) / 86_400_000;

/**
 * The brute-force recount from parent_id alone (not the paths the triggers read): every unit's
 * ancestors by walking up its parents, an ancestor's depth from the length of its own chain.
 * Compared with the three tables (zero rows count as absent); the first differences, readable.
 */
let tree: { fingerprint: string; up3: Map<number, number[]>; up1: Map<number, number[]>; units: Map<number, number> } | null = null;

/** The structure part of the recount, redone whenever a unit was added or moved (parent_id changed). */
async function structureRecount() {
  const fingerprint = `${reader.name}:${JSON.stringify(await get("select count(*) as n, coalesce(sum(cast(parent_id as bigint) * id), 0) as s from units"))}`;
  if (tree?.fingerprint === fingerprint) return tree;
  const units = await all<{ id: number; parentId: number | null; level: string }>("select id, parent_id as \"parentId\", level from units");
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  const depth = new Map<number, number>();
  const depthOf = (id: number): number => {
    let d = depth.get(id);
    if (d === undefined) {
      const p = parent.get(id)!;
      d = p === null ? 0 : depthOf(p) + 1;
      depth.set(id, d);
    }
    return d;
  };
  /** The unit and its ancestors whose depth is at most maxDepth. */
  const ancestors = (id: number, maxDepth: number) => {
    const out: number[] = [];
    for (let a: number | null = id; a !== null; a = parent.get(a)!) if (depthOf(a) <= maxDepth) out.push(a);
    return out;
  };
  const up3 = new Map(units.map((u) => [u.id, ancestors(u.id, 3)]));
  const up1 = new Map(units.map((u) => [u.id, ancestors(u.id, 1)]));
  const counted = new Map<number, number>();
  for (const { id, level } of units) for (const a of up3.get(id)!) counted.set(a * 10 + LEVEL_NO.get(level)!, (counted.get(a * 10 + LEVEL_NO.get(level)!) ?? 0) + 1);
  tree = { fingerprint, up3, up1, units: counted };
  return tree;
}
const LEVEL_NO = new Map<string, number>(LEVELS.map((l, i) => [l, i]));

async function countDifferences(): Promise<string[]> {
  const { up3, up1, units } = await structureRecount();
  const bump = (m: Map<number, number>, k: number, d: number) => m.set(k, (m.get(k) ?? 0) + d);
  const want = { filled: new Map<number, number>(), units, days: new Map<number, number>() };
  // Keys: unit × 10,000 + post; unit × 10 + level; unit × 100,000 + day number since 1950.
  const tenures = await all<{ unitId: number; postId: number; start: string; end: string | null }>(
    "select unit_id as \"unitId\", post_id as \"postId\", start_date as start, end_date as \"end\" from tenures",
  );
  for (const { unitId, postId, start, end } of tenures) {
    if (end === null) for (const a of up3.get(unitId)!) bump(want.filled, a * 10_000 + postId, 1);
    for (const a of up1.get(unitId)!) {
      bump(want.days, a * 100_000 + dayNo(start), 1);
      if (end !== null) bump(want.days, a * 100_000 + dayNo(end), -1);
    }
  }
  const got = {
    filled: new Map((await all<{ u: number; p: number; v: number }>("select unit_id as u, post_id as p, filled as v from coverage_filled")).map(({ u, p, v }) => [u * 10_000 + p, v])),
    units: new Map((await all<{ u: number; l: string; v: number }>("select unit_id as u, level as l, n as v from coverage_units")).map(({ u, l, v }) => [u * 10 + LEVEL_NO.get(l)!, v])),
    days: new Map((await all<{ u: number; d: string; v: number }>("select unit_id as u, day as d, delta as v from coverage_days")).map(({ u, d, v }) => [u * 100_000 + dayNo(d), v])),
  };
  const name = {
    filled: (k: number) => `coverage_filled unit ${Math.floor(k / 10_000)} post ${k % 10_000}`,
    units: (k: number) => `coverage_units unit ${Math.floor(k / 10)} ${LEVELS[k % 10]}`,
    days: (k: number) => `coverage_days unit ${Math.floor(k / 100_000)} ${new Date(DAY0 + (k % 100_000) * 86_400_000).toISOString().slice(0, 10)}`,
  };
  const diffs: string[] = [];
  for (const table of ["filled", "units", "days"] as const) {
    const w = want[table];
    const g = got[table];
    for (const [k, v] of w) if (v !== (g.get(k) ?? 0)) diffs.push(`${name[table](k)}: counted ${g.get(k) ?? 0}, recount ${v}`);
    for (const [k, v] of g) if (v !== 0 && !w.has(k)) diffs.push(`${name[table](k)}: counted ${v}, recount 0`);
  }
  return diffs.slice(0, 10);
}

/** A small seeded PRNG (mulberry32). */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] };
}

const isoPlus = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

let mobileCounter = 0;
const newMobile = () => `98767${String(mobileCounter++).padStart(5, "0")}`;

type Rng = ReturnType<typeof prng>;
type Snapshot = Awaited<ReturnType<typeof snapshot>>;

/** A random date from 2025-06 to 2027-05 (past, around today, and future-dated), not before `from`. */
const randomDate = (r: Rng, from = "2000-01-01") => {
  const d = isoPlus("2025-06-01", r.int(730));
  return d < from ? isoPlus(from, r.int(60)) : d;
};

const seatHolder = (unitId: number, postId: number, seat: number) =>
  get<{ id: number; startDate: string; personId: number } | undefined>(
    "select id, start_date as \"startDate\", person_id as \"personId\" from tenures where unit_id = ? and post_id = ? and seat = ? and end_date is null",
    unitId,
    postId,
    seat,
  );

/** One random write through a service; returns what it did (for the failure message). */
async function randomWrite(r: Rng, s: Snapshot, stats: Record<string, number>): Promise<string> {
  const roll = r.next();
  const pickSeat = () => {
    const unit = r.pick(s.units);
    const post = r.pick(s.posts.filter((p) => p.level === unit.level));
    return { unit, post, seat: 1 + r.int(Math.min(post.seats, 3)) };
  };
  if (roll < 0.45) {
    // Fill a vacant seat, or replace its holder.
    const { unit, post, seat } = pickSeat();
    const current = await seatHolder(unit.id, post.id, seat);
    const people = await all<{ id: number }>("select id from people where id % 97 = ? order by id limit 5", r.int(97));
    const personId = people.length && r.next() < 0.7 ? r.pick(people).id : null;
    const startDate = randomDate(r, current?.startDate);
    const res = await roster.assignSeat(
      admin,
      { unitId: unit.id, postId: post.id, seat, expectedTenureId: current?.id ?? null, personId: personId === current?.personId ? null : personId, startDate },
      { nameHi: "परीक्षण व्यक्ति", nameEn: "Test Person", mobile: newMobile(), whatsapp: "", homeUnitId: unit.id },
    );
    stats[res.ok ? (current ? "replace" : "fill") : "refused"]++;
    return `${current ? "replace" : "fill"} unit ${unit.id} post ${post.id} seat ${seat} from ${startDate}: ${res.ok ? "ok" : res.code}`;
  }
  if (roll < 0.7) {
    // Vacate a current holder somewhere.
    const held = (await get<{ n: number }>("select count(*) as n from tenures where end_date is null")).n;
    const tenure = await get<TenureRow>("select id, start_date as \"startDate\" from tenures where end_date is null order by id limit 1 offset ?", r.int(held));
    const endDate = randomDate(r, tenure.startDate);
    const res = await roster.vacateSeat(admin, { tenureId: tenure.id, endDate, reason: null });
    stats[res.ok ? "vacate" : "refused"]++;
    return `vacate tenure ${tenure.id} on ${endDate}: ${res.ok ? "ok" : res.code}`;
  }
  if (roll < 0.85) {
    // Move a shakti kendra to another mandal (often in another district), or a booth to another shakti kendra.
    const level: Level = r.next() < 0.75 ? "shakti_kendra" : "booth";
    const unit = r.pick(s.units.filter((u) => u.level === level));
    const parentLevel = LEVELS[LEVELS.indexOf(level) - 1];
    const target = r.pick(s.units.filter((u) => u.level === parentLevel && u.id !== unit.parentId));
    const res = await structure.moveUnit(admin, { unitId: unit.id, newParentId: target.id });
    stats[res.ok ? "move" : "refused"]++;
    return `move ${level} ${unit.id} under ${target.id}: ${res.ok ? "ok" : JSON.stringify(res.fields)}`;
  }
  if (roll < 0.9) {
    // Add a unit under a random non-booth unit.
    const parent = r.pick(s.units.filter((u) => u.level !== "booth"));
    const res = await structure.addUnit(admin, { parentId: parent.id, nameHi: "नई इकाई", nameEn: "New unit", code: null });
    stats[res.ok ? "add" : "refused"]++;
    return `add under ${parent.id}: ${res.ok ? "ok" : JSON.stringify(res.fields)}`;
  }
  // Import a sheet of 1–6 rows into a mandal: its shakti kendras' and booths' seats, new or known people.
  const mandal = r.pick(s.units.filter((u) => u.level === "mandal"));
  const below = s.units.filter((u) => (u.level === "shakti_kendra" || u.level === "booth") && s.within(u.id, mandal.id));
  if (below.length === 0) return `import into mandal ${mandal.id}: nothing below it`;
  const records: SheetRecord[] = [];
  for (let i = 0, n = 1 + r.int(6); i < n; i++) {
    const unit = r.pick(below);
    const post = r.pick(s.posts.filter((p) => p.level === unit.level));
    const levels: SheetRecord["levels"] = {};
    for (const id of [...s.chain(unit.id)].reverse()) levels[s.byId.get(id)!.level] = s.byId.get(id)!.nameHi;
    const seat = 1 + r.int(Math.min(post.seats, 3));
    const current = await seatHolder(unit.id, post.id, seat);
    records.push({
      line: i + 2,
      levels,
      code: unit.code ?? "",
      body: post.bodyHi,
      post: post.titleHi,
      seat: String(seat),
      nameHi: "आयातित व्यक्ति",
      nameEn: "Imported Person",
      mobile: newMobile(),
      whatsapp: "",
      since: randomDate(r, current?.startDate),
    });
  }
  const guarded = await importing.requireImportUnit(admin, mandal.id);
  const id = await importing.saveImport(admin, guarded, "random.csv", records);
  const res = await importing.applyImport(admin, id);
  if (res.ok) stats.importedRows += res.written;
  stats[res.ok ? "import" : "refused"]++;
  return `import ${records.length} rows into mandal ${mandal.id}: ${res.ok ? `${res.written} written` : res.code}`;
}

/** coverageOf, rankChildren and trendOf for random units of every level, against recounts. */
async function checkReads(r: Rng, s: Snapshot) {
  const tenures = await s.tenures();
  const current = tenures.filter((x) => x.endDate === null);
  const heldBy = new Map<string, number>();
  for (const x of current) add(heldBy, `${x.unitId}:${x.postId}`, 1);
  for (const level of LEVELS) {
    const unit = r.pick(s.units.filter((u) => u.level === level));
    const inside = new Set(s.units.filter((u) => s.within(u.id, unit.id)).map((u) => u.id));
    // Seat by seat: every unit below, every post at its level.
    const want = new Map<string, { filled: number; total: number }>();
    for (const id of inside) {
      const u = s.byId.get(id)!;
      for (const p of s.posts.filter((p) => p.level === u.level)) {
        const key = `${u.level}:${p.bodyId}`;
        const e = want.get(key) ?? { filled: 0, total: 0 };
        e.total += p.seats;
        e.filled += heldBy.get(`${id}:${p.id}`) ?? 0;
        want.set(key, e);
      }
    }
    const got = (await coverage.coverageOf(admin, unit.id))!.rows;
    expect(new Map(got.map((g) => [`${g.level}:${g.bodyId}`, { filled: g.filled, total: g.total }])), `coverageOf ${level} ${unit.id}`).toEqual(want);

    const below = s.posts.filter((p) => LEVELS.indexOf(p.level) > LEVELS.indexOf(level));
    if (below.length > 0) {
      const post = r.pick(below);
      const ranked = (await coverage.rankChildren(admin, unit.id, post.id))!.children;
      const wantRanked = s.units
        .filter((c) => c.parentId === unit.id)
        .map((c) => {
          const sub = s.units.filter((u) => s.within(u.id, c.id));
          return {
            id: c.id,
            total: sub.filter((u) => u.level === post.level).length * post.seats,
            filled: current.filter((x) => x.postId === post.id && s.within(x.unitId, c.id)).length,
          };
        })
        .filter((c) => c.total > 0);
      expect(new Map(ranked.map((c) => [c.id, { id: c.id, total: c.total, filled: c.filled }])), `rankChildren ${level} ${unit.id} post ${post.id}`).toEqual(
        new Map(wantRanked.map((c) => [c.id, c])),
      );
      for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].filled / ranked[i - 1].total).toBeLessThanOrEqual(ranked[i].filled / ranked[i].total);
    }

    // Today: a month end or any day from 2025-07 to 2027-06 (future-dated changes included).
    const today = isoPlus(r.next() < 0.3 ? "2026-12-01" : "2025-07-01", r.next() < 0.3 ? -1 : r.int(700));
    const spans = tenures.filter((x) => inside.has(x.unitId));
    for (const p of (await trend.trendOf(admin, unit.id, today))!) {
      const recount = spans.filter((x) => x.startDate <= p.monthEnd && (x.endDate === null || x.endDate > p.monthEnd)).length;
      expect(p.filled, `trend ${level} ${unit.id} at ${p.monthEnd} (today ${today})`).toBe(recount);
    }
  }
}

describe("coverage counts kept by the triggers", () => {
  it("start equal to a recount on the seeded demo database", async () => {
    expect(await countDifferences()).toEqual([]);
  });

  for (const seed of [1, 2, 3]) {
    it(`equal a brute-force recount through 200 random writes (seed ${seed})`, async () => {
      const r = prng(seed);
      const stats: Record<string, number> = { fill: 0, replace: 0, vacate: 0, move: 0, add: 0, import: 0, importedRows: 0, refused: 0 };
      let s = await snapshot();
      let since: string[] = [];
      for (let op = 1; op <= 200; op++) {
        const did = await randomWrite(r, s, stats);
        since.push(`${op}: ${did}`);
        // The recount after every move, add and import, and after every fifth write otherwise.
        const structural = /^(move|add) /.test(did);
        if (structural || did.startsWith("import") || op % 5 === 0 || op === 200) {
          expect(await countDifferences(), `seed ${seed}, after writes\n${since.join("\n")}`).toEqual([]);
          since = [];
        }
        if (structural) s = await snapshot();
        if (op % 50 === 0) await checkReads(r, s);
      }
      // Every kind of write really happened.
      for (const kind of ["fill", "replace", "vacate", "move", "add", "import", "importedRows"]) expect(stats[kind], `${kind} (${JSON.stringify(stats)})`).toBeGreaterThan(0);
    }, 300_000);
  }

  it("give a month-end trend equal to a recount from tenure rows, after dated fills, replacements and vacates", async () => {
    const r = prng(99);
    const stats: Record<string, number> = { fill: 0, replace: 0, vacate: 0, move: 0, add: 0, import: 0, importedRows: 0, refused: 0 };
    const s = await snapshot();
    // Roster writes only (a roll below 0.7), dated from 2025-06 to 2027-05.
    const rosterOnly = { ...r, next: () => r.next() * 0.7 };
    for (let i = 0; i < 60; i++) await randomWrite(rosterOnly as Rng, s, stats);
    expect(stats.fill + stats.replace).toBeGreaterThan(10);
    expect(stats.vacate).toBeGreaterThan(5);
    const tenures = await s.tenures();
    const districts = s.units.filter((u) => u.level === "district");
    const some = (level: Level) => s.units.filter((u) => u.level === level).filter((_, i) => i % 97 === 0);
    for (const unit of [...s.units.filter((u) => u.level === "state"), ...districts, ...some("assembly"), ...some("mandal")]) {
      const spans = tenures.filter((x) => s.within(x.unitId, unit.id));
      for (const today of ["2026-11-30", "2026-12-15", "2027-03-01", "2026-06-30"]) {
        const points = (await trend.trendOf(admin, unit.id, today))!;
        expect(points.map((p) => p.monthEnd)).toEqual(trend.monthEnds(today));
        for (const p of points) {
          const recount = spans.filter((x) => x.startDate <= p.monthEnd && (x.endDate === null || x.endDate > p.monthEnd)).length;
          expect(p.filled, `trend of ${unit.level} ${unit.id} at ${p.monthEnd} (today ${today})`).toBe(recount);
        }
      }
    }
  }, 120_000);

  it("a rebuild recounts them from scratch, and puts back a trigger a table rebuild dropped (PostgreSQL: disabled)", async () => {
    await takeOut("coverage_tenure_insert");
    await statement("DELETE FROM coverage_days WHERE unit_id = 1").run();
    const { unit, post, seat } = await freeBoothSeat();
    expect((await roster.assignSeat(admin, { unitId: unit, postId: post, seat, expectedTenureId: null, personId: null, startDate: "2026-11-02" }, { nameHi: "परीक्षण व्यक्ति", nameEn: "Test Person", mobile: newMobile(), whatsapp: "", homeUnitId: unit })).ok).toBe(true);
    expect((await countDifferences()).length).toBeGreaterThan(0);
    expect(await ensure()).toEqual(["coverage_tenure_insert"]);
    expect(await countDifferences()).toEqual([]);
    expect(await ensure()).toEqual([]);
    await statement("DELETE FROM coverage_filled").run();
    await rebuild();
    expect(await countDifferences()).toEqual([]);
    // All of them out for a bulk load (seed-scale), and back.
    await dropAll();
    await statement("DELETE FROM coverage_units").run();
    expect((await ensure()).sort()).toEqual([...TRIGGERS].sort());
    expect(await countDifferences()).toEqual([]);
  });

  it("break without each of their seven triggers, and are whole again once it is back", async () => {
    const { unit: booth, post, seat } = await freeBoothSeat();
    const person = (await get<{ id: number }>("select id from people order by id limit 1")).id;
    const current = () => get<{ id: number; startDate: string }>("select id, start_date as \"startDate\" from tenures where end_date is null order by id limit 1");
    let added = 0;
    // A write each trigger keeps the counts for, made while it is out.
    const writes: Array<[string, () => Promise<unknown>]> = [
      ["coverage_tenure_insert", () => statement("insert into tenures (person_id, unit_id, post_id, seat, start_date) values (?, ?, ?, ?, '2026-10-01')").run(person, booth, post, seat)],
      ["coverage_tenure_end", async () => {
        const t = await current();
        await statement("update tenures set end_date = ?, end_kind = 'vacated' where id = ?").run(t.startDate > "2026-12-01" ? t.startDate : "2026-12-01", t.id);
      }],
      ["coverage_tenure_update", async () => statement("update tenures set start_date = '2001-02-03' where id = ?").run((await current()).id)],
      ["coverage_tenure_delete", async () => statement("delete from tenures where id = ?").run((await current()).id)],
      ["coverage_unit_insert", async () => {
        const mandal = (await get<{ id: number }>("select id from units where level = 'mandal' order by id limit 1")).id;
        const res = await structure.addUnit(admin, { parentId: mandal, nameHi: "नई इकाई", nameEn: "New unit", code: null });
        added = res.ok ? res.data.unitId : 0;
      }],
      ["coverage_unit_update", async () => {
        const sk = await get<{ id: number; parentId: number }>("select id, parent_id as \"parentId\" from units where level = 'shakti_kendra' order by id limit 1");
        const target = (await get<{ id: number }>("select id from units where level = 'mandal' and id <> ? order by id desc limit 1", sk.parentId)).id;
        expect((await structure.moveUnit(admin, { unitId: sk.id, newParentId: target })).ok).toBe(true);
      }],
      ["coverage_unit_delete", () => statement("delete from units where id = ?").run(added)],
    ];
    expect(writes.map(([trigger]) => trigger)).toEqual(TRIGGERS);
    expect(await countDifferences()).toEqual([]);
    for (const [i, [trigger, write]] of writes.entries()) {
      await takeOut(trigger, i);
      await write();
      expect((await countDifferences()).length, `${trigger} out`).toBeGreaterThan(0);
      expect(await ensure()).toEqual([trigger]);
      expect(await countDifferences(), `${trigger} back`).toEqual([]);
    }
  });

  // The SQLite migration's own backfill (drizzle/0014); PostgreSQL's migration runs on empty tables.
  if (db.engine === "sqlite") {
    it("are filled by the migration on a database that had rows before it", async () => {
      // The migrations up to 0013 only (a copy of drizzle/ whose journal stops there), the demo seeded, then all of them.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sangathan-counts-"));
      const before = path.join(dir, "drizzle");
      fs.cpSync(path.resolve("drizzle"), before, { recursive: true });
      const journalFile = path.join(before, "meta/_journal.json");
      const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: Array<{ tag: string }> };
      journal.entries = journal.entries.filter((e) => e.tag < "0014");
      fs.writeFileSync(journalFile, JSON.stringify(journal));
      const old = openSqlite(path.join(dir, "old.db"));
      try {
        migrate(createDb(old), { migrationsFolder: before });
        old.transaction(() => seedDemo(old))();
        expect(old.prepare("select count(*) as n from sqlite_master where name like 'coverage%'").get()).toEqual({ n: 0 });
        migrate(createDb(old), { migrationsFolder: path.resolve("drizzle") });
        reader = sqliteReader("old", old);
        expect((await get<{ n: number }>("select count(*) as n from coverage_filled")).n).toBeGreaterThan(0);
        expect(await countDifferences()).toEqual([]);
      } finally {
        reader = door;
        old.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);
  }
});

/** A vacant seat of a booth's member post (ten seats), the first booth that has one. */
async function freeBoothSeat(): Promise<{ unit: number; post: number; seat: number }> {
  const post = (await get<{ id: number }>("select id from posts where level = 'booth' and title_key = 'member'")).id;
  for (const { id: unit } of await all<{ id: number }>("select id from units where level = 'booth' order by id limit 20")) {
    for (let seat = 1; seat <= 10; seat++) if (!(await seatHolder(unit, post, seat))) return { unit, post, seat };
  }
  throw new Error("no vacant member seat in the first 20 booths");
}

const TRIGGERS = ["coverage_tenure_insert", "coverage_tenure_end", "coverage_tenure_update", "coverage_tenure_delete", "coverage_unit_insert", "coverage_unit_update", "coverage_unit_delete"];

/**
 * Takes a coverage trigger out. SQLite: dropped, as a table rebuild drops it. PostgreSQL, by `way`:
 * disabled (0, the default), the trigger dropped (1), or its function dropped with it (2).
 */
async function takeOut(trigger: string, way = 0) {
  const table = trigger.startsWith("coverage_tenure_") ? "tenures" : "units";
  const pgWays = [`alter table ${table} disable trigger ${trigger}`, `drop trigger ${trigger} on ${table}`, `drop function ${trigger}() cascade`];
  await statement(db.engine === "sqlite" ? `drop trigger ${trigger}` : pgWays[way % 3]).run();
}
async function dropAll(): Promise<void> {
  if (db.engine === "sqlite") counts.dropCoverageTriggers(db.sqlite);
  else await onPostgres((c) => counts.dropCoverageTriggers(c));
}

/** counts.ts on the test database, with a connection of its own (as the scripts call it). */
function ensure(): Promise<string[]> {
  return db.engine === "sqlite" ? Promise.resolve(counts.ensureCoverageCounts(db.sqlite)) : onPostgres((c) => counts.ensureCoverageCounts(c));
}
async function rebuild(): Promise<void> {
  if (db.engine === "sqlite") counts.rebuildCoverageCounts(db.sqlite);
  else await onPostgres((c) => counts.rebuildCoverageCounts(c));
}
async function onPostgres<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A Reader over another SQLite connection. */
function sqliteReader(name: string, sqlite: Database.Database): Reader {
  return { name, all: <T>(sql: string, ...p: unknown[]) => Promise.resolve(sqlite.prepare(sql).all(...p) as T[]) };
}
