/**
 * A Bihar-scale database for load testing, in its own file (never the app's database):
 * the real state, 38 districts and 243 assembly constituencies, then generated mandals (~5 per AC),
 * shakti kendras (~13 per mandal) and booths (4–6 per shakti kendra), ~500,000 current post
 * holders and a few % ended tenures for history. Generated units are marked `is_generated`.
 * The five demo accounts of db/seed.ts exist too (password "sangathan-demo"), so the app can be
 * logged into with DATABASE_URL pointing at this file. Deterministic apart from password salts.
 *
 *   npm run seed:scale                       → data/scale.db
 *   npm run seed:scale -- --out=tmp/x.db     (or SCALE_DATABASE_URL=tmp/x.db)
 *   npm run seed:scale -- --national         → data/scale-india.db
 *   npm run seed:scale -- --postgres=postgres://…   (or SCALE_DATABASE_URL=postgres://…)
 *       → data/scale.db as above, then loaded into that PostgreSQL database (migrated, emptied; one
 *         holding an organisation's data is refused), and analysed. Prints the time of each part.
 *
 * --national builds the all-India shape: Bihar exactly as above (same ids and people), then the
 * other 35 states and UTs with real names and roughly their real district and assembly seat counts
 * (generated district/AC names), ~3.5 mandals per AC, ~14.5 shakti kendras per mandal, ~4.9 booths
 * per shakti kendra: ~780 districts, ~4,100 ACs, ~15,000 mandals, ~210,000 shakti kendras,
 * ~1 million booths and ~7 million people, with the fill rates of the Bihar run. UTs without an
 * assembly get one generated constituency per district. The search triggers are dropped for the
 * load and the index is bulk-built afterwards with the migrations' backfill SQL (then the triggers
 * are recreated from drizzle/0010), which is much faster than a per-row trigger at this size.
 *
 * Any previous file at the target (and its -wal/-shm/-journal) is deleted first.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type Database from "better-sqlite3";
import { hashPasswordSync } from "../lib/auth/password";
import { DEFAULT_DATABASE_FILE, createDb, databaseFile, migrateDb, openSqlite } from "../db/connection";
import { LEVELS, type Level } from "../lib/tree";
import { dropCoverageTriggers, ensureCoverageCounts } from "../lib/coverage/counts";
import { DEMO_PASSWORD } from "../db/seed";
import { CATALOGUE, type BodyKey, type TitleKey } from "../db/seed/catalogue";
import { FEMALE_GIVEN, MALE_GIVEN, SURNAMES } from "../db/seed/names";
import { writeDemoAccounts, type DemoPeople } from "../db/seed/demo-accounts";
import { TreeWriter, demoMobile, prng, readSeedCsv, type UnitRef } from "../db/seed/tree-writer";
import { isPostgresUrl } from "../db/engine";
import { PostgresStartupError, loadSqliteFile, shownUrl } from "../db/pg/prepare";

const DEFAULT_SCALE_FILE = "data/scale.db";
const DEFAULT_NATIONAL_FILE = "data/scale-india.db";
const { values: flags } = parseArgs({ options: { national: { type: "boolean" }, out: { type: "string" }, postgres: { type: "string" } } });
const NATIONAL = flags.national === true;
/** The PostgreSQL database to load the built file into, if any (the SQLite file is built either way). */
const POSTGRES = flags.postgres ?? (isPostgresUrl(process.env.SCALE_DATABASE_URL) ? process.env.SCALE_DATABASE_URL : undefined);

type DistrictRow = { district_seq: string; district_name_en: string; district_name_hi: string };
type AcRow = { ac_no: string; ac_name_en: string; ac_name_hi: string; reserved: string; district_en: string };

/** Share of a non-member seat that has a current holder, by level. */
const FILL_RATE: Record<Level, number> = {
  state: 0.8,
  district: 0.8,
  assembly: 0.8,
  mandal: 0.85,
  shakti_kendra: 0.85,
  booth: 0.9,
};
/** A held seat had an earlier (ended) holder this often; a vacant seat, a former holder this often. */
const PREDECESSOR_RATE = 0.03;
const VACATED_RATE = 0.1;
const END_REASONS = ["कार्यकाल पूर्ण", "त्यागपत्र", "पदोन्नति", "निष्क्रियता", "स्थानांतरण"];

function outputFile(): string {
  const fromEnv = isPostgresUrl(process.env.SCALE_DATABASE_URL) ? undefined : process.env.SCALE_DATABASE_URL;
  const raw = flags.out ?? (fromEnv || (NATIONAL ? DEFAULT_NATIONAL_FILE : DEFAULT_SCALE_FILE));
  const file = databaseFile(raw);
  // The demo database is never the target, even when DATABASE_URL points at this scale file.
  if (file === databaseFile(DEFAULT_DATABASE_FILE)) throw new Error(`refusing to overwrite the demo database ${file}; pick another --out`);
  return file;
}

/**
 * Scale-test mobiles are +91 6 followed by a 9-digit counter (+91 600 and 7 digits for the first
 * ten million, i.e. all of the Bihar run): fictitious, and outside the demo range (+91 90000…).
 */
function scaleMobile(n: number): string {
  if (n < 0 || n > (NATIONAL ? 999_999_999 : 9_999_999)) throw new Error("scale mobile out of range");
  return `+916${String(n).padStart(9, "0")}`;
}

/**
 * The other states and UTs of the national run: [English, Hindi, code, districts, assembly seats]
 * (approximate current counts; 0 seats = no legislature, one generated constituency per district).
 */
const OTHER_STATES: ReadonlyArray<readonly [string, string, string, number, number]> = [
  ["Andhra Pradesh", "आंध्र प्रदेश", "AP", 26, 175],
  ["Arunachal Pradesh", "अरुणाचल प्रदेश", "AR", 26, 60],
  ["Assam", "असम", "AS", 35, 126],
  ["Chhattisgarh", "छत्तीसगढ़", "CG", 33, 90],
  ["Goa", "गोवा", "GA", 2, 40],
  ["Gujarat", "गुजरात", "GJ", 33, 182],
  ["Haryana", "हरियाणा", "HR", 22, 90],
  ["Himachal Pradesh", "हिमाचल प्रदेश", "HP", 12, 68],
  ["Jharkhand", "झारखंड", "JH", 24, 81],
  ["Karnataka", "कर्नाटक", "KA", 31, 224],
  ["Kerala", "केरल", "KL", 14, 140],
  ["Madhya Pradesh", "मध्य प्रदेश", "MP", 55, 230],
  ["Maharashtra", "महाराष्ट्र", "MH", 36, 288],
  ["Manipur", "मणिपुर", "MN", 16, 60],
  ["Meghalaya", "मेघालय", "ML", 12, 60],
  ["Mizoram", "मिज़ोरम", "MZ", 11, 40],
  ["Nagaland", "नागालैंड", "NL", 16, 60],
  ["Odisha", "ओडिशा", "OD", 30, 147],
  ["Punjab", "पंजाब", "PB", 23, 117],
  ["Rajasthan", "राजस्थान", "RJ", 41, 200],
  ["Sikkim", "सिक्किम", "SK", 6, 32],
  ["Tamil Nadu", "तमिलनाडु", "TN", 38, 234],
  ["Telangana", "तेलंगाना", "TS", 33, 119],
  ["Tripura", "त्रिपुरा", "TR", 8, 60],
  ["Uttar Pradesh", "उत्तर प्रदेश", "UP", 75, 403],
  ["Uttarakhand", "उत्तराखंड", "UK", 13, 70],
  ["West Bengal", "पश्चिम बंगाल", "WB", 23, 294],
  ["Andaman and Nicobar Islands", "अंडमान और निकोबार द्वीपसमूह", "AN", 3, 0],
  ["Chandigarh", "चंडीगढ़", "CH", 1, 0],
  ["Dadra and Nagar Haveli and Daman and Diu", "दादरा और नगर हवेली और दमन और दीव", "DH", 3, 0],
  ["Delhi", "दिल्ली", "DL", 11, 70],
  ["Jammu and Kashmir", "जम्मू और कश्मीर", "JK", 20, 90],
  ["Ladakh", "लद्दाख", "LA", 2, 0],
  ["Lakshadweep", "लक्षद्वीप", "LD", 1, 0],
  ["Puducherry", "पुडुचेरी", "PY", 4, 30],
];

const migrationSql = (file: string) => fs.readFileSync(path.resolve(process.cwd(), "drizzle", file), "utf8");

/** The search triggers as drizzle/0010 creates them (its SQL is the source of truth). */
const TRIGGER_SQL = "0010_recreate_search_triggers.sql";
function dropSearchTriggers(sqlite: Database.Database) {
  const names = [...migrationSql(TRIGGER_SQL).matchAll(/CREATE TRIGGER `(\w+)`/g)].map((m) => m[1]);
  if (names.length === 0) throw new Error(`no triggers found in drizzle/${TRIGGER_SQL}`);
  for (const name of names) sqlite.exec(`DROP TRIGGER IF EXISTS \`${name}\``);
}

/**
 * Builds search_terms and people_phone_fts in bulk with the backfill statements of
 * drizzle/0005 (the person and unit terms sorted by key, so the primary key fills in order; the
 * secondary index is dropped first and rebuilt after, from its definition in drizzle/0009), then
 * recreates the triggers from drizzle/0010.
 */
function buildSearchIndex(sqlite: Database.Database, secs: () => string) {
  const backfill = migrationSql("0005_search_triggers.sql")
    .split("--> statement-breakpoint")
    .map((s) => s.trim())
    .filter((s) => /^INSERT/i.test(s));
  if (backfill.length !== 3) throw new Error(`expected 3 backfill statements in drizzle/0005, found ${backfill.length}`);
  const refIndex = migrationSql("0009_search_terms_kind_first.sql")
    .split("--> statement-breakpoint")
    .map((s) => s.trim())
    .find((s) => /^CREATE INDEX `search_terms_ref_idx`/.test(s));
  if (!refIndex) throw new Error("search_terms_ref_idx not found in drizzle/0009");
  sqlite.exec("DROP INDEX IF EXISTS `search_terms_ref_idx`");
  for (const statement of backfill) {
    const t = performance.now();
    // Sorting the term rows by the primary key turns random b-tree inserts into appends.
    const sql = /INTO search_terms/i.test(statement) ? `${statement.replace(/;\s*$/, "")} ORDER BY 2, 1, 3;` : statement;
    const changes = sqlite.prepare(sql).run().changes;
    console.log(`  ${statement.slice(0, 60)}… ${fmt(changes)} rows in ${((performance.now() - t) / 1000).toFixed(1)} s (${secs()} s)`);
  }
  const t = performance.now();
  sqlite.exec(refIndex);
  console.log(`  search_terms_ref_idx rebuilt in ${((performance.now() - t) / 1000).toFixed(1)} s (${secs()} s)`);
  sqlite.exec(migrationSql(TRIGGER_SQL));
}

const fmt = (n: number) => n.toLocaleString("en-US");

/** Builds the SQLite file; returns its path. */
function main(): string {
  const started = performance.now();
  const secs = () => ((performance.now() - started) / 1000).toFixed(1);
  const file = outputFile();
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });

  const sqlite = openSqlite(file);
  let ok = false;
  try {
    migrateDb(createDb(sqlite));
    // A throwaway file built in one transaction: no rollback journal and no fsyncs while loading.
    // (On failure the file is deleted below.) WAL is restored at the end, as the app expects.
    sqlite.pragma("journal_mode = OFF");
    sqlite.pragma("synchronous = OFF");
    // (better-sqlite3 opens connections in defensive mode, which refuses journal_mode = OFF: the
    // pragma above leaves the Bihar run in WAL. The national run lifts it for this one pragma.)
    if (NATIONAL) {
      sqlite.unsafeMode(true);
      sqlite.pragma("journal_mode = OFF");
      sqlite.unsafeMode(false);
      // A bigger page cache for the multi-GB load; the triggers go for the load (see buildSearchIndex).
      sqlite.pragma("cache_size = -2097152");
      dropSearchTriggers(sqlite);
    }
    // The coverage counts are recounted once after the load (finish), not row by row by their triggers.
    dropCoverageTriggers(sqlite);
    // The password hash (scrypt) is slow on purpose; compute it once, before the load.
    const passwordHash = hashPasswordSync(DEMO_PASSWORD);

    sqlite.transaction(() => load(sqlite, passwordHash, secs))();
    finish(sqlite, secs);
    report(sqlite, file, secs);
    ok = true;
    return file;
  } finally {
    if (!ok) {
      if (sqlite.open) sqlite.close();
      for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
    }
  }
}

/**
 * After the load has committed: the data derived from the loaded rows (the national run's search
 * index; anything else rebuilt from units, posts and tenures belongs here too), then the
 * planner's statistics and the journal the app expects.
 */
function finish(sqlite: Database.Database, secs: () => string) {
  if (NATIONAL) {
    console.log(`Loaded in ${secs()} s; building the search index…`);
    sqlite.transaction(() => buildSearchIndex(sqlite, secs))();
  }
  ensureCoverageCounts(sqlite);
  console.log(`${NATIONAL ? "Search index built" : "Loaded"} in ${secs()} s, coverage counted; analysing…`);
  sqlite.exec("ANALYZE");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("journal_mode = WAL");
}

/** Prints what the file holds, and closes it. */
function report(sqlite: Database.Database, file: string, secs: () => string) {
  const byLevel = sqlite.prepare("select level, count(*) n from units group by level").all() as Array<{ level: Level; n: number }>;
  const counts = sqlite
    .prepare(
      `select (select count(*) from units) units, (select count(*) from people) people,
              (select count(*) from tenures where end_date is null) current,
              (select count(*) from tenures where end_date is not null) past,
              (select count(*) from accounts) accounts`,
    )
    .get() as Record<string, number>;
  const levelOrder = LEVELS.map((l) => `${l} ${fmt(byLevel.find((r) => r.level === l)?.n ?? 0)}`).join(", ");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  const mb = fs.statSync(file).size / (1024 * 1024);
  console.log(
    `Scale database ${path.relative(process.cwd(), file)}: ${fmt(counts.units)} units (${levelOrder}); ` +
      `${fmt(counts.people)} people; ${fmt(counts.current + counts.past)} tenures (${fmt(counts.current)} current, ` +
      `${fmt(counts.past)} ended); ${counts.accounts} accounts; ${mb.toFixed(1)} MB; ${secs()} s.`,
  );
}

/**
 * What every part of the load shares. There is one random stream: the order in which the parts
 * draw from it (and in which they write units, people and tenures, which fixes the ids) is what
 * makes a run repeat the last one, so the parts are called in a fixed order from load().
 */
type Load = {
  w: TreeWriter;
  rnd: ReturnType<typeof prng>;
  secs: () => string;
  nextMobile: number;
  peopleCount: number;
  /** Seats held by the demo accounts' people ("unitId:postId:seat"), skipped by the rosters. */
  taken: Set<string>;
  takenUnits: Set<number>;
  totals: Tally;
};
type Tally = { mandals: number; sks: number; booths: number };
const tally = (): Tally => ({ mandals: 0, sks: 0, booths: 0 });

/**
 * The whole load, in one transaction: the post catalogue, Bihar (its tree, the demo accounts'
 * people and seats, every unit's roster, district by district), the other states for --national,
 * then the demo accounts.
 */
function load(sqlite: Database.Database, passwordHash: string, secs: () => string) {
  const w = new TreeWriter(sqlite);
  const run: Load = { w, rnd: prng(20250501), secs, nextMobile: 0, peopleCount: 0, taken: new Set(), takenUnits: new Set(), totals: tally() };

  w.writeCatalogue();
  const top = buildBiharTop(w);
  const demo = { suresh: 0, vikas: 0, sanjay: 0, abhay: 0, neeraj: demoPerson(run, "नीरज कुमार सिन्हा", "Neeraj Kumar Sinha", 9, top.bihar) };
  fillUnit(run, top.bihar);
  let jehanabad: JehanabadPlaces | undefined;
  top.districtRows.forEach((d, di) => {
    jehanabad = loadBiharDistrict(run, top, d, di, demo) ?? jehanabad;
  });
  if (!jehanabad) throw new Error("Jehanabad / AC 218 missing");
  // The other states and UTs, after Bihar (so Bihar's ids and people are those of the Bihar run).
  if (NATIONAL) OTHER_STATES.forEach((state, si) => loadOtherState(run, state, si));

  // The demo accounts of db/seed.ts (password "sangathan-demo"); this tree has no अजीत कुमार.
  writeDemoAccounts(sqlite, w.bodyIds, { bihar: top.bihar, ...jehanabad }, demo, passwordHash);

  const { mandals, sks, booths } = run.totals;
  console.log(`Built ${fmt(mandals)} mandals, ${fmt(sks)} shakti kendras, ${fmt(booths)} booths; ${fmt(run.peopleCount)} people.`);
}

// ── The tree ────────────────────────────────────────────────────────────────────────────────────

/** State, districts and assembly constituencies: real names and numbers (ids as in the demo seed). */
function buildBiharTop(w: TreeWriter) {
  const bihar = w.unit(null, "state", "बिहार", "Bihar", { code: "BR" });
  const districtRows = readSeedCsv<DistrictRow>("bihar_districts.csv").sort((a, b) => +a.district_seq - +b.district_seq);
  const districts = new Map<string, UnitRef>();
  for (const d of districtRows) districts.set(d.district_name_en, w.unit(bihar, "district", d.district_name_hi, d.district_name_en));
  const acsByDistrict = new Map<string, Array<{ ref: UnitRef; row: AcRow }>>();
  for (const ac of readSeedCsv<AcRow>("bihar_acs.csv").sort((a, b) => +a.ac_no - +b.ac_no)) {
    const district = districts.get(ac.district_en);
    if (!district) throw new Error(`AC ${ac.ac_no}: unknown district ${ac.district_en}`);
    const ref = w.unit(district, "assembly", ac.ac_name_hi, ac.ac_name_en, { code: ac.ac_no, reserved: ac.reserved });
    const list = acsByDistrict.get(ac.district_en) ?? [];
    list.push({ ref, row: ac });
    acsByDistrict.set(ac.district_en, list);
  }
  if (districts.size !== 38) throw new Error(`expected 38 districts, read ${districts.size}`);
  return { bihar, districtRows, districts, acsByDistrict };
}

/** How many generated units below an assembly constituency: mandals per AC, shakti kendras per mandal. */
type Shape = { mandals: readonly [number, number]; shaktiKendras: readonly [number, number] };
// Bihar: ~5 mandals per AC, ~13 shakti kendras per mandal. Nationally fewer mandals per AC and a few
// more shakti kendras per mandal, for ~15,000 mandals, ~210,000 shakti kendras and ~1 million booths.
const BIHAR_SHAPE: Shape = { mandals: [4, 6], shaktiKendras: [11, 15] };
const NATIONAL_SHAPE: Shape = { mandals: [3, 4], shaktiKendras: [12, 17] };
const BOOTH_WEIGHTS = [4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6]; // mean 4.9

/**
 * Generated mandals → shakti kendras → booths (4–6 each) below one AC, numbered within the AC;
 * every unit made is pushed to `below`. Returns the AC's mandals.
 */
function buildBelowAc(run: Load, ac: UnitRef, acHi: string, acEn: string, shape: Shape, below: UnitRef[], count: Tally): UnitRef[] {
  const { w, rnd } = run;
  const mandals: UnitRef[] = [];
  let skNo = 1;
  let boothNo = 1;
  const mandalCount = rnd.int(...shape.mandals);
  for (let m = 1; m <= mandalCount; m++) {
    const mandal = w.unit(ac, "mandal", `${acHi} मंडल ${m}`, `${acEn} Mandal ${m}`, { generated: true });
    mandals.push(mandal);
    below.push(mandal);
    count.mandals++;
    const skCount = rnd.int(...shape.shaktiKendras);
    for (let s = 0; s < skCount; s++) {
      const n = skNo++;
      const sk = w.unit(mandal, "shakti_kendra", `शक्ति केंद्र ${n}`, `Shakti Kendra ${n}`, { generated: true });
      below.push(sk);
      count.sks++;
      const boothCount = rnd.pick(BOOTH_WEIGHTS);
      for (let b = 0; b < boothCount; b++) {
        const code = String(boothNo++);
        below.push(w.unit(sk, "booth", `बूथ ${code}`, `Booth ${code}`, { code, generated: true }));
        count.booths++;
      }
    }
  }
  return mandals;
}

type JehanabadPlaces = { jehanabad: UnitRef; makhdumpurAc: UnitRef; makhdumpurSouth: UnitRef };

/**
 * One Bihar district: the tree below its ACs, the demo people's seats if it is Jehanabad (placed
 * before the rosters so their seats stay theirs; the first generated mandal of AC 218 stands for
 * मखदुमपुर दक्षिणी मंडल), then every unit's roster. Returns the demo places when it was Jehanabad.
 */
function loadBiharDistrict(
  run: Load,
  top: ReturnType<typeof buildBiharTop>,
  d: DistrictRow,
  di: number,
  demo: DemoPeople,
): JehanabadPlaces | undefined {
  const district = top.districts.get(d.district_name_en)!;
  const acs = top.acsByDistrict.get(d.district_name_en) ?? [];
  const below: UnitRef[] = [];
  const count = tally();
  let makhdumpur: { ac: UnitRef; firstMandal: UnitRef } | undefined;
  for (const { ref: ac, row } of acs) {
    const mandals = buildBelowAc(run, ac, row.ac_name_hi, row.ac_name_en, BIHAR_SHAPE, below, count);
    if (row.ac_no === "218") makhdumpur = { ac, firstMandal: mandals[0] };
  }

  let places: JehanabadPlaces | undefined;
  if (d.district_name_en === "Jehanabad") {
    if (!makhdumpur) throw new Error("AC 218 (Makhdumpur) is not in Jehanabad");
    places = { jehanabad: district, makhdumpurAc: makhdumpur.ac, makhdumpurSouth: makhdumpur.firstMandal };
    placeDemoHolders(run, places, demo);
  }

  fillUnit(run, district);
  for (const { ref } of acs) fillUnit(run, ref);
  for (const unit of below) fillUnit(run, unit);

  addTally(run.totals, count);
  console.log(
    `[${String(di + 1).padStart(2)}/${top.districtRows.length}] ${d.district_name_en}: ${acs.length} ACs, ${count.mandals} mandals, ` +
      `${fmt(count.sks)} shakti kendras, ${fmt(count.booths)} booths; ${fmt(run.peopleCount)} people so far (${run.secs()} s)`,
  );
  return places;
}

/** One other state or UT of the national run: generated districts and ACs, the tree below, the rosters. */
function loadOtherState(run: Load, [nameEn, nameHi, code, districtCount, acCount]: (typeof OTHER_STATES)[number], si: number) {
  const { w } = run;
  const state = w.unit(null, "state", nameHi, nameEn, { code });
  fillUnit(run, state);
  const seats = Math.max(acCount, districtCount);
  const below: UnitRef[] = [];
  const districtsOfState: UnitRef[] = [];
  const acsOfState: UnitRef[] = [];
  const count = tally();
  let acNo = 1;
  for (let d = 0; d < districtCount; d++) {
    const district = w.unit(state, "district", `${nameHi} ज़िला ${d + 1}`, `${nameEn} District ${d + 1}`, { generated: true });
    districtsOfState.push(district);
    // Spread the seats evenly over the districts (each has at least one).
    const acsHere = Math.floor((seats * (d + 1)) / districtCount) - Math.floor((seats * d) / districtCount);
    for (let a = 0; a < acsHere; a++) {
      const no = acNo++;
      const acHi = `${nameHi} विधानसभा ${no}`;
      const acEn = `${nameEn} AC ${no}`;
      const ac = w.unit(district, "assembly", acHi, acEn, { code: String(no), generated: true });
      acsOfState.push(ac);
      buildBelowAc(run, ac, acHi, acEn, NATIONAL_SHAPE, below, count);
    }
  }
  for (const unit of districtsOfState) fillUnit(run, unit);
  for (const unit of acsOfState) fillUnit(run, unit);
  for (const unit of below) fillUnit(run, unit);
  addTally(run.totals, count);
  console.log(
    `[state ${String(si + 2).padStart(2)}/${OTHER_STATES.length + 1}] ${nameEn}: ${districtCount} districts, ${acsOfState.length} ACs, ` +
      `${fmt(count.mandals)} mandals, ${fmt(count.sks)} shakti kendras, ${fmt(count.booths)} booths; ${fmt(run.peopleCount)} people so far (${run.secs()} s)`,
  );
}

function addTally(into: Tally, add: Tally) {
  into.mandals += add.mandals;
  into.sks += add.sks;
  into.booths += add.booths;
}

// ── People ──────────────────────────────────────────────────────────────────────────────────────

/** A generated person living in the unit, with the next scale mobile. */
function generatedPerson(run: Load, home: UnitRef): number {
  const { rnd } = run;
  const female = rnd.chance(0.2);
  const [gHi, gEn] = rnd.pick(female ? FEMALE_GIVEN : MALE_GIVEN);
  const [sHi, sEn] = female && rnd.chance(0.5) ? (["देवी", "Devi"] as const) : rnd.pick(SURNAMES);
  run.peopleCount++;
  return run.w.person(`${gHi} ${sHi}`, `${gEn} ${sEn}`, scaleMobile(run.nextMobile++), home.id);
}

/** A demo account's person (as in db/seed.ts), with the demo mobile +91 90000 000nn. */
function demoPerson(run: Load, hi: string, en: string, n: number, home: UnitRef): number {
  run.peopleCount++;
  return run.w.person(hi, en, demoMobile(n), home.id);
}

/** Jehanabad's demo people and the posts they hold (as in db/seed.ts). */
function placeDemoHolders(run: Load, places: JehanabadPlaces, demo: DemoPeople) {
  const { jehanabad, makhdumpurAc, makhdumpurSouth } = places;
  demo.suresh = demoPerson(run, "सुरेश कुमार शर्मा", "Suresh Kumar Sharma", 1, jehanabad);
  demo.vikas = demoPerson(run, "विकास कुमार रौशन", "Vikas Kumar Raushan", 2, jehanabad);
  demo.sanjay = demoPerson(run, "संजय कुमार", "Sanjay Kumar", 3, makhdumpurSouth);
  demo.abhay = demoPerson(run, "अभय भारती", "Abhay Bharti", 4, makhdumpurAc);
  hold(run, demo.suresh, jehanabad, "sangathan", "president", "2023-03-15");
  hold(run, demo.vikas, jehanabad, "it_cell", "convenor", "2023-06-01");
  hold(run, demo.sanjay, makhdumpurSouth, "it_cell", "convenor", "2024-01-10");
  hold(run, demo.abhay, makhdumpurAc, "it_cell", "convenor", "2023-09-20");
}

// ── Tenures ─────────────────────────────────────────────────────────────────────────────────────

/** A demo person's current post, from seat 1; the rosters leave that seat to them. */
function hold(run: Load, personId: number, unit: UnitRef, body: BodyKey, title: TitleKey, start: string) {
  const post = run.w.post(unit.level, body, title);
  run.w.tenure(personId, unit, post, 1, start);
  run.taken.add(`${unit.id}:${post.id}:1`);
  run.takenUnits.add(unit.id);
}

const randomDate = ({ rnd }: Load, fromYear: number, toYear: number) =>
  `${rnd.int(fromYear, toYear)}-${String(rnd.int(1, 12)).padStart(2, "0")}-${String(rnd.int(1, 28)).padStart(2, "0")}`;

/** Fill the unit's seats at its level's rate (booth members: 3–7 of 10), with some history. */
function fillUnit(run: Load, unit: UnitRef) {
  const { w, rnd } = run;
  const rate = FILL_RATE[unit.level];
  const checkTaken = run.takenUnits.has(unit.id);
  for (const [body, title, seats] of CATALOGUE[unit.level]) {
    const post = w.post(unit.level, body, title);
    const isMember = title === "member";
    const members = isMember ? rnd.int(3, 7) : 0;
    for (let seat = 1; seat <= seats; seat++) {
      if (checkTaken && run.taken.has(`${unit.id}:${post.id}:${seat}`)) continue;
      const held = isMember ? seat <= members : rnd.chance(rate);
      // Booth member seats past the filled ones are simply unused: no history for them.
      if (isMember && !held && seat > members + 1) continue;
      if (rnd.chance(held ? PREDECESSOR_RATE : VACATED_RATE)) {
        w.tenure(generatedPerson(run, unit), unit, post, seat, randomDate(run, 2015, 2018), {
          date: randomDate(run, 2019, 2020),
          reason: rnd.pick(END_REASONS),
        });
      }
      if (held) w.tenure(generatedPerson(run, unit), unit, post, seat, randomDate(run, 2021, 2025));
    }
  }
}

/** The built file into PostgreSQL, table by table with times (the search terms are most of it). */
async function loadIntoPostgres(file: string, url: string) {
  if (!isPostgresUrl(url)) throw new PostgresStartupError(`--postgres must be a postgres:// URL, not "${url}"`);
  console.log(`Loading ${path.relative(process.cwd(), file)} into ${shownUrl(url)}…`);
  const loaded = await loadSqliteFile(url, file, {
    onTable: (table, rows, seconds) => {
      if (rows > 0) console.log(`  ${table}: ${fmt(rows)} rows in ${seconds.toFixed(1)} s`);
    },
  });
  console.log(
    `PostgreSQL ${shownUrl(url)}: ${fmt(loaded.units)} units, ${fmt(loaded.people)} people, ${fmt(loaded.tenures)} tenures, ` +
      `${fmt(loaded.searchTerms)} search terms; loaded and analysed in ${loaded.seconds.toFixed(1)} s.`,
  );
}

try {
  const file = main();
  if (POSTGRES) await loadIntoPostgres(file, POSTGRES);
} catch (error) {
  if (error instanceof PostgresStartupError) console.error(`Cannot load: ${error.message}`);
  else console.error(error);
  process.exitCode = 1;
}
