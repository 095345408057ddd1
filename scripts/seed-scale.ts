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
import { DEMO_PASSWORD } from "../db/seed";
import { CATALOGUE, type BodyKey, type TitleKey } from "../db/seed/catalogue";
import { FEMALE_GIVEN, MALE_GIVEN, SURNAMES } from "../db/seed/names";
import { writeDemoAccounts } from "../db/seed/demo-accounts";
import { TreeWriter, demoMobile, prng, readSeedCsv, type UnitRef } from "../db/seed/tree-writer";

const DEFAULT_SCALE_FILE = "data/scale.db";
const DEFAULT_NATIONAL_FILE = "data/scale-india.db";
const { values: flags } = parseArgs({ options: { national: { type: "boolean" }, out: { type: "string" } } });
const NATIONAL = flags.national === true;

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
  const raw = flags.out ?? (process.env.SCALE_DATABASE_URL || (NATIONAL ? DEFAULT_NATIONAL_FILE : DEFAULT_SCALE_FILE));
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

function main() {
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
    // The password hash (scrypt) is slow on purpose; compute it once, before the load.
    const passwordHash = hashPasswordSync(DEMO_PASSWORD);

    sqlite.transaction(() => load(sqlite, passwordHash, secs))();
    if (NATIONAL) {
      console.log(`Loaded in ${secs()} s; building the search index…`);
      sqlite.transaction(() => buildSearchIndex(sqlite, secs))();
    }

    console.log(`${NATIONAL ? "Search index built" : "Loaded"} in ${secs()} s; analysing…`);
    sqlite.exec("ANALYZE");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("journal_mode = WAL");

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
    ok = true;
    const mb = fs.statSync(file).size / (1024 * 1024);
    console.log(
      `Scale database ${path.relative(process.cwd(), file)}: ${fmt(counts.units)} units (${levelOrder}); ` +
        `${fmt(counts.people)} people; ${fmt(counts.current + counts.past)} tenures (${fmt(counts.current)} current, ` +
        `${fmt(counts.past)} ended); ${counts.accounts} accounts; ${mb.toFixed(1)} MB; ${secs()} s.`,
    );
  } finally {
    if (!ok) {
      if (sqlite.open) sqlite.close();
      for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
    }
  }
}

function load(sqlite: Database.Database, passwordHash: string, secs: () => string) {
  const w = new TreeWriter(sqlite);
  const rnd = prng(20250501);
  let nextMobile = 0;
  let peopleCount = 0;

  const randomDate = (fromYear: number, toYear: number) =>
    `${rnd.int(fromYear, toYear)}-${String(rnd.int(1, 12)).padStart(2, "0")}-${String(rnd.int(1, 28)).padStart(2, "0")}`;

  const generatedPerson = (home: UnitRef): number => {
    const female = rnd.chance(0.2);
    const [gHi, gEn] = rnd.pick(female ? FEMALE_GIVEN : MALE_GIVEN);
    const [sHi, sEn] = female && rnd.chance(0.5) ? (["देवी", "Devi"] as const) : rnd.pick(SURNAMES);
    peopleCount++;
    return w.person(`${gHi} ${sHi}`, `${gEn} ${sEn}`, scaleMobile(nextMobile++), home.id);
  };

  // Seats held by the demo accounts' people: "unitId:postId:seat", skipped by fillUnit.
  const taken = new Set<string>();
  const takenUnits = new Set<number>();

  /** Fill the unit's seats at its level's rate (booth members: 3–7 of 10), with some history. */
  const fillUnit = (unit: UnitRef) => {
    const rate = FILL_RATE[unit.level];
    const checkTaken = takenUnits.has(unit.id);
    for (const [body, title, seats] of CATALOGUE[unit.level]) {
      const post = w.post(unit.level, body, title);
      const isMember = title === "member";
      const members = isMember ? rnd.int(3, 7) : 0;
      for (let seat = 1; seat <= seats; seat++) {
        if (checkTaken && taken.has(`${unit.id}:${post.id}:${seat}`)) continue;
        const held = isMember ? seat <= members : rnd.chance(rate);
        // Booth member seats past the filled ones are simply unused: no history for them.
        if (isMember && !held && seat > members + 1) continue;
        if (rnd.chance(held ? PREDECESSOR_RATE : VACATED_RATE)) {
          w.tenure(generatedPerson(unit), unit, post, seat, randomDate(2015, 2018), {
            date: randomDate(2019, 2020),
            reason: rnd.pick(END_REASONS),
          });
        }
        if (held) w.tenure(generatedPerson(unit), unit, post, seat, randomDate(2021, 2025));
      }
    }
  };

  w.writeCatalogue();

  // State, districts and assembly constituencies: real names and numbers (ids as in the demo seed).
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

  // Demo people and their posts (as in db/seed.ts), placed before the rosters so their seats stay theirs.
  const demoPerson = (hi: string, en: string, n: number, home: UnitRef) => {
    peopleCount++;
    return w.person(hi, en, demoMobile(n), home.id);
  };
  const hold = (personId: number, unit: UnitRef, body: BodyKey, title: TitleKey, start: string) => {
    const post = w.post(unit.level, body, title);
    w.tenure(personId, unit, post, 1, start);
    taken.add(`${unit.id}:${post.id}:1`);
    takenUnits.add(unit.id);
  };
  const demo = { suresh: 0, vikas: 0, sanjay: 0, abhay: 0, neeraj: 0 };
  let jehanabad: UnitRef | undefined;
  let makhdumpurAc: UnitRef | undefined;
  let makhdumpurFirstMandal: UnitRef | undefined;

  demo.neeraj = demoPerson("नीरज कुमार सिन्हा", "Neeraj Kumar Sinha", 9, bihar);
  fillUnit(bihar);

  const boothWeights = [4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6]; // mean 4.9
  let mandalTotal = 0;
  let skTotal = 0;
  let boothTotal = 0;

  districtRows.forEach((d, di) => {
    const district = districts.get(d.district_name_en)!;
    const acs = acsByDistrict.get(d.district_name_en) ?? [];
    const below: UnitRef[] = [];
    let mandals = 0;
    let sks = 0;
    let booths = 0;
    for (const { ref: ac, row } of acs) {
      let skNo = 1;
      let boothNo = 1;
      const mandalCount = rnd.int(4, 6);
      for (let m = 1; m <= mandalCount; m++) {
        const mandal = w.unit(ac, "mandal", `${row.ac_name_hi} मंडल ${m}`, `${row.ac_name_en} Mandal ${m}`, { generated: true });
        below.push(mandal);
        mandals++;
        if (row.ac_no === "218" && m === 1) makhdumpurFirstMandal = mandal;
        const skCount = rnd.int(11, 15);
        for (let s = 0; s < skCount; s++) {
          const n = skNo++;
          const sk = w.unit(mandal, "shakti_kendra", `शक्ति केंद्र ${n}`, `Shakti Kendra ${n}`, { generated: true });
          below.push(sk);
          sks++;
          const boothCount = rnd.pick(boothWeights);
          for (let b = 0; b < boothCount; b++) {
            const code = String(boothNo++);
            below.push(w.unit(sk, "booth", `बूथ ${code}`, `Booth ${code}`, { code, generated: true }));
            booths++;
          }
        }
      }
      if (row.ac_no === "218") makhdumpurAc = ac;
    }

    if (d.district_name_en === "Jehanabad") {
      jehanabad = district;
      if (!makhdumpurAc || !makhdumpurFirstMandal) throw new Error("AC 218 (Makhdumpur) is not in Jehanabad");
      demo.suresh = demoPerson("सुरेश कुमार शर्मा", "Suresh Kumar Sharma", 1, district);
      demo.vikas = demoPerson("विकास कुमार रौशन", "Vikas Kumar Raushan", 2, district);
      demo.sanjay = demoPerson("संजय कुमार", "Sanjay Kumar", 3, makhdumpurFirstMandal);
      demo.abhay = demoPerson("अभय भारती", "Abhay Bharti", 4, makhdumpurAc);
      hold(demo.suresh, district, "sangathan", "president", "2023-03-15");
      hold(demo.vikas, district, "it_cell", "convenor", "2023-06-01");
      hold(demo.sanjay, makhdumpurFirstMandal, "it_cell", "convenor", "2024-01-10");
      hold(demo.abhay, makhdumpurAc, "it_cell", "convenor", "2023-09-20");
    }

    fillUnit(district);
    for (const { ref } of acs) fillUnit(ref);
    for (const unit of below) fillUnit(unit);

    mandalTotal += mandals;
    skTotal += sks;
    boothTotal += booths;
    console.log(
      `[${String(di + 1).padStart(2)}/${districtRows.length}] ${d.district_name_en}: ${acs.length} ACs, ${mandals} mandals, ` +
        `${fmt(sks)} shakti kendras, ${fmt(booths)} booths; ${fmt(peopleCount)} people so far (${secs()} s)`,
    );
  });

  if (!jehanabad || !makhdumpurAc || !makhdumpurFirstMandal) throw new Error("Jehanabad / AC 218 missing");

  if (NATIONAL) {
    // The other states and UTs, after Bihar (so Bihar's ids and people are those of the Bihar run).
    // Fewer mandals per AC than Bihar's 4–6 and a few more shakti kendras per mandal, for
    // ~15,000 mandals, ~210,000 shakti kendras and ~1 million booths nationally.
    OTHER_STATES.forEach(([nameEn, nameHi, code, districtCount, acCount], si) => {
      const state = w.unit(null, "state", nameHi, nameEn, { code });
      fillUnit(state);
      const seats = Math.max(acCount, districtCount);
      const below: UnitRef[] = [];
      const districtsOfState: UnitRef[] = [];
      const acsOfState: UnitRef[] = [];
      let mandals = 0;
      let sks = 0;
      let booths = 0;
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
          let skNo = 1;
          let boothNo = 1;
          const mandalCount = rnd.int(3, 4);
          for (let m = 1; m <= mandalCount; m++) {
            const mandal = w.unit(ac, "mandal", `${acHi} मंडल ${m}`, `${acEn} Mandal ${m}`, { generated: true });
            below.push(mandal);
            mandals++;
            const skCount = rnd.int(12, 17);
            for (let s = 0; s < skCount; s++) {
              const n = skNo++;
              const sk = w.unit(mandal, "shakti_kendra", `शक्ति केंद्र ${n}`, `Shakti Kendra ${n}`, { generated: true });
              below.push(sk);
              sks++;
              const boothCount = rnd.pick(boothWeights);
              for (let b = 0; b < boothCount; b++) {
                const boothCode = String(boothNo++);
                below.push(w.unit(sk, "booth", `बूथ ${boothCode}`, `Booth ${boothCode}`, { code: boothCode, generated: true }));
                booths++;
              }
            }
          }
        }
      }
      for (const unit of districtsOfState) fillUnit(unit);
      for (const unit of acsOfState) fillUnit(unit);
      for (const unit of below) fillUnit(unit);
      mandalTotal += mandals;
      skTotal += sks;
      boothTotal += booths;
      console.log(
        `[state ${String(si + 2).padStart(2)}/${OTHER_STATES.length + 1}] ${nameEn}: ${districtCount} districts, ${acsOfState.length} ACs, ` +
          `${fmt(mandals)} mandals, ${fmt(sks)} shakti kendras, ${fmt(booths)} booths; ${fmt(peopleCount)} people so far (${secs()} s)`,
      );
    });
  }

  // The demo accounts of db/seed.ts (password "sangathan-demo"); this tree has no अजीत कुमार.
  writeDemoAccounts(sqlite, w.bodyIds, { bihar, jehanabad, makhdumpurAc, makhdumpurSouth: makhdumpurFirstMandal }, demo, passwordHash);

  console.log(`Built ${fmt(mandalTotal)} mandals, ${fmt(skTotal)} shakti kendras, ${fmt(boothTotal)} booths; ${fmt(peopleCount)} people.`);
}

main();
