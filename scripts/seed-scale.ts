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
 *
 * Any previous file at the target (and its -wal/-shm/-journal) is deleted first.
 */
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { hashPasswordSync } from "../lib/auth/password";
import { DEFAULT_DATABASE_FILE, createDb, databaseFile, migrateDb, openSqlite } from "../db/connection";
import { LEVELS, type Level } from "../db/schema";
import { DEMO_PASSWORD } from "../db/seed";
import { CATALOGUE, type BodyKey, type TitleKey } from "../db/seed/catalogue";
import { FEMALE_GIVEN, MALE_GIVEN, SURNAMES } from "../db/seed/names";
import { TreeWriter, demoMobile, prng, readSeedCsv, type UnitRef } from "../db/seed/tree-writer";

const DEFAULT_SCALE_FILE = "data/scale.db";

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
  const arg = process.argv.find((a) => a.startsWith("--out="));
  const raw = arg ? arg.slice("--out=".length) : process.env.SCALE_DATABASE_URL || DEFAULT_SCALE_FILE;
  const file = databaseFile(raw);
  // The demo database is never the target, even when DATABASE_URL points at this scale file.
  if (file === databaseFile(DEFAULT_DATABASE_FILE)) throw new Error(`refusing to overwrite the demo database ${file}; pick another --out`);
  return file;
}

/** Scale-test mobiles are +91 600 followed by a 7-digit counter: fictitious, and outside the demo range. */
function scaleMobile(n: number): string {
  if (n < 0 || n > 9_999_999) throw new Error("scale mobile out of range");
  return `+91600${String(n).padStart(7, "0")}`;
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
    // The password hash (scrypt) is slow on purpose; compute it once, before the load.
    const passwordHash = hashPasswordSync(DEMO_PASSWORD);

    sqlite.transaction(() => load(sqlite, passwordHash, secs))();

    console.log(`Loaded in ${secs()} s; analysing…`);
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

  // Demo accounts (as db/seed.ts): password "sangathan-demo".
  const itCell = "it_cell" as const;
  const accounts: Array<{ login: string; personId: number; name: string; unit: UnitRef; role: string; body?: BodyKey }> = [
    { login: demoMobile(1), personId: demo.suresh, name: "सुरेश कुमार शर्मा", unit: jehanabad, role: "admin" },
    { login: demoMobile(2), personId: demo.vikas, name: "विकास कुमार रौशन", unit: jehanabad, role: "editor", body: itCell },
    { login: demoMobile(3), personId: demo.sanjay, name: "संजय कुमार", unit: makhdumpurFirstMandal, role: "editor" },
    { login: demoMobile(4), personId: demo.abhay, name: "अभय भारती", unit: makhdumpurAc, role: "viewer" },
    { login: demoMobile(9), personId: demo.neeraj, name: "नीरज कुमार सिन्हा", unit: bihar, role: "admin" },
  ];
  const insertAccount = sqlite.prepare(
    "insert into accounts (id, person_id, login, display_name, password_hash) values (?, ?, ?, ?, ?)",
  );
  const insertGrant = sqlite.prepare("insert into grants (account_id, unit_id, role, body_id) values (?, ?, ?, ?)");
  accounts.forEach((a, i) => {
    insertAccount.run(i + 1, a.personId, a.login, a.name, passwordHash);
    insertGrant.run(i + 1, a.unit.id, a.role, a.body ? w.bodyIds.get(a.body) : null);
  });

  console.log(`Built ${fmt(mandalTotal)} mandals, ${fmt(skTotal)} shakti kendras, ${fmt(boothTotal)} booths; ${fmt(peopleCount)} people.`);
}

main();
