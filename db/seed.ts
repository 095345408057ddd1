/**
 * Demo data: Bihar's 38 districts and 243 assembly constituencies (real names), Jehanabad as the
 * source report shows it (generated mandal trees, marked as generated), West Champaran and
 * Saran from the real booth list, the report's people exactly as named, and a plausible roster.
 * Deterministic: the same database on every machine. Sources: db/seed-data/README.md.
 */
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import { hashPasswordSync } from "../lib/auth/password";
import { latinName } from "../lib/search/transliterate";
import { CATALOGUE, type BodyKey, type TitleKey } from "./seed/catalogue";
import { FEMALE_GIVEN, MALE_GIVEN, SURNAMES } from "./seed/names";
import { writeDemoAccounts } from "./seed/demo-accounts";
import { seedDrives } from "./seed/drives";
import { seedReportMeeting } from "./seed/meetings";
import { TreeWriter, demoMobile, prng, readSeedCsv, type UnitRef } from "./seed/tree-writer";

export const DEMO_PASSWORD = "sangathan-demo";
/**
 * The demo accounts' hashes use this known salt (the password is public anyway), so the startup
 * check (scripts/prepare-db.ts) finds them by the salt without running scrypt over every account.
 */
export const DEMO_SALT = createHash("sha256").update("sangathan-demo-accounts").digest().subarray(0, 16);

type DistrictRow = { district_seq: string; district_name_en: string; district_name_hi: string };
type AcRow = { ac_no: string; ac_name_en: string; ac_name_hi: string; reserved: string; district_en: string };
type BoothRow = {
  district_en: string;
  ac_no: string;
  block_hi: string;
  panchayat_hi: string;
  booth_no: string;
  booth_name_hi: string;
};

// Jehanabad's mandals, named after its blocks, in the AC that holds each; Makhdumpur block is
// split into the report's मखदुमपुर दक्षिणी मंडल and a northern twin.
const JEHANABAD_MANDALS: Record<string, Array<[string, string]>> = {
  "216": [["जहानाबाद मंडल", "Jehanabad Mandal"], ["काको मंडल", "Kako Mandal"]],
  "217": [["घोसी मंडल", "Ghosi Mandal"], ["हुलासगंज मंडल", "Hulasganj Mandal"], ["मोदनगंज मंडल", "Modanganj Mandal"]],
  "218": [
    ["मखदुमपुर दक्षिणी मंडल", "Makhdumpur South (Dakshini) Mandal"],
    ["मखदुमपुर उत्तरी मंडल", "Makhdumpur North (Uttari) Mandal"],
    ["रतनी फरीदपुर मंडल", "Ratni Faridpur Mandal"],
  ],
};

// Village names for Jehanabad's generated shakti kendras and booths (no public booth list exists).
const JEHANABAD_VILLAGES = [
  "भेलावर", "सिकरिया", "बंधुगंज", "घेजन", "कसवां", "लरसा", "पाली", "टेहटा", "शकुराबाद", "बराबर",
  "नेहालपुर", "धराउत", "वाणावर", "उबेर", "पंडुई", "रामपुर", "कोरमा", "सुरंगापुर", "ओकरी", "मोकर",
  "कल्पा", "नोआवां", "इमामगंज", "दमुहा", "लखावर", "मांदिल", "सेरथुआ", "करौना", "अमैन", "धनगांव",
  "खलकुचक", "केउर", "हाटी", "बेलदारी", "गोनवां", "चंदौरा", "सलेमपुर", "मंझियावां", "रतनपुर", "कंसुआ",
];
const BOOTH_BUILDINGS = [
  "प्राथमिक विद्यालय", "मध्य विद्यालय", "उत्क्रमित मध्य विद्यालय", "पंचायत भवन", "सामुदायिक भवन",
];
const BOOTH_PARTS = ["", " (उत्तरी भाग)", " (दक्षिणी भाग)", " (पूर्वी भाग)", " (पश्चिमी भाग)"];


/** The bodies and post catalogue alone: what a production database starts with. */
export function seedCatalogue(sqlite: Database.Database) {
  new TreeWriter(sqlite).writeCatalogue();
}

export function seedDemo(sqlite: Database.Database) {
  const w = new TreeWriter(sqlite);
  const rnd = prng(20250426);
  let nextMobile = 10_000;

  const randomDate = (fromYear: number, toYear: number) =>
    `${rnd.int(fromYear, toYear)}-${String(rnd.int(1, 12)).padStart(2, "0")}-${String(rnd.int(1, 28)).padStart(2, "0")}`;

  const generatedPerson = (home: UnitRef | null): number => {
    const female = rnd.chance(0.2);
    const [gHi, gEn] = rnd.pick(female ? FEMALE_GIVEN : MALE_GIVEN);
    const [sHi, sEn] = female && rnd.chance(0.5) ? (["देवी", "Devi"] as const) : rnd.pick(SURNAMES);
    return w.person(`${gHi} ${sHi}`, `${gEn} ${sEn}`, demoMobile(nextMobile++), home?.id ?? null);
  };

  /** Fill each seat of the unit's posts with a generated person at the given rate. */
  const fillUnit = (unit: UnitRef, rate: number, skip: Set<string> = new Set()) => {
    for (const [body, title, seats] of CATALOGUE[unit.level]) {
      if (skip.has(`${body}:${title}`)) continue;
      const post = w.post(unit.level, body, title);
      const filledSeats = title === "member" ? rnd.int(0, Math.min(seats, 6)) : seats;
      for (let seat = 1; seat <= filledSeats; seat++) {
        if (title !== "member" && !rnd.chance(rate)) continue;
        w.tenure(generatedPerson(unit), unit, post, seat, randomDate(2021, 2025));
      }
    }
  };

  const hold = (personId: number, unit: UnitRef, body: BodyKey, title: TitleKey, start: string, seat = 1) =>
    w.tenure(personId, unit, w.post(unit.level, body, title), seat, start);

  w.writeCatalogue();

  // State, districts, assembly constituencies (real names and numbers).
  const bihar = w.unit(null, "state", "बिहार", "Bihar", { code: "BR" });
  const districts = new Map<string, UnitRef>();
  for (const d of readSeedCsv<DistrictRow>("bihar_districts.csv").sort((a, b) => +a.district_seq - +b.district_seq)) {
    districts.set(d.district_name_en, w.unit(bihar, "district", d.district_name_hi, d.district_name_en));
  }
  const acs = new Map<string, UnitRef>();
  for (const ac of readSeedCsv<AcRow>("bihar_acs.csv").sort((a, b) => +a.ac_no - +b.ac_no)) {
    const district = districts.get(ac.district_en);
    if (!district) throw new Error(`AC ${ac.ac_no}: unknown district ${ac.district_en}`);
    acs.set(ac.ac_no, w.unit(district, "assembly", ac.ac_name_hi, ac.ac_name_en, { code: ac.ac_no, reserved: ac.reserved }));
  }
  const jehanabad = districts.get("Jehanabad")!;

  // Jehanabad: generated mandals → shakti kendras → booths.
  const mandals = new Map<string, UnitRef>();
  let villageIndex = 0;
  for (const [acNo, list] of Object.entries(JEHANABAD_MANDALS)) {
    const ac = acs.get(acNo)!;
    let boothNo = 1;
    for (const [hi, en] of list) {
      const mandal = w.unit(ac, "mandal", hi, en, { generated: true });
      mandals.set(en, mandal);
      const skCount = rnd.int(5, 7);
      for (let s = 0; s < skCount; s++) {
        const village = JEHANABAD_VILLAGES[villageIndex++ % JEHANABAD_VILLAGES.length];
        const sk = w.unit(mandal, "shakti_kendra", `${village} शक्ति केंद्र`, `${latinName(village)} Shakti Kendra`, { generated: true });
        const boothCount = rnd.int(4, 6);
        for (let b = 0; b < boothCount; b++) {
          const name = `${rnd.pick(BOOTH_BUILDINGS)} ${village}${BOOTH_PARTS[b % BOOTH_PARTS.length]}`;
          w.unit(sk, "booth", name, latinName(name), { code: String(boothNo++), generated: true });
        }
      }
    }
  }

  // West Champaran and Saran: block → mandal (within its AC), panchayat → shakti kendra, booth → booth.
  const realTrees = new Map<string, UnitRef>();
  const realMandals: UnitRef[] = [];
  const realShaktiKendras: UnitRef[] = [];
  const realBooths: UnitRef[] = [];
  for (const row of readSeedCsv<BoothRow>("bihar_booths_wchamparan_saran.csv")) {
    const ac = acs.get(row.ac_no);
    if (!ac) throw new Error(`booth list: unknown AC ${row.ac_no}`);
    const block = row.block_hi.replace(/\s*\(अंशतः\)\s*/, "").trim();
    const mandalKey = `${row.ac_no}|${block}`;
    let mandal = realTrees.get(mandalKey);
    if (!mandal) {
      mandal = w.unit(ac, "mandal", `${block} मंडल`, `${latinName(block)} Mandal`);
      realTrees.set(mandalKey, mandal);
      realMandals.push(mandal);
    }
    const skKey = `${mandalKey}|${row.panchayat_hi}`;
    let sk = realTrees.get(skKey);
    if (!sk) {
      sk = w.unit(mandal, "shakti_kendra", row.panchayat_hi, latinName(row.panchayat_hi));
      realTrees.set(skKey, sk);
      realShaktiKendras.push(sk);
    }
    realBooths.push(w.unit(sk, "booth", row.booth_name_hi, latinName(row.booth_name_hi), { code: row.booth_no || null }));
  }

  // The report's people, exactly as named; demo mobiles +91 90000 000xx.
  const makhdumpurAc = acs.get("218")!;
  const mSouth = mandals.get("Makhdumpur South (Dakshini) Mandal")!;
  const jMandal = mandals.get("Jehanabad Mandal")!;
  const p = (hi: string, en: string, n: number, home: UnitRef | null) => w.person(hi, en, demoMobile(n), home?.id ?? null);
  const suresh = p("सुरेश कुमार शर्मा", "Suresh Kumar Sharma", 1, jMandal);
  const vikas = p("विकास कुमार रौशन", "Vikas Kumar Raushan", 2, jMandal);
  const sanjay = p("संजय कुमार", "Sanjay Kumar", 3, mSouth);
  const abhay = p("अभय भारती", "Abhay Bharti", 4, makhdumpurAc);
  const ajitC = p("अजीत चौधरी", "Ajit Chaudhary", 5, makhdumpurAc);
  const rani = p("रानी कुमारी", "Rani Kumari", 6, jehanabad);
  const dharmendra = p("धर्मेंद्र चौहान", "Dharmendra Chauhan", 7, mSouth);
  const ritesh = p("रितेश रंजन", "Ritesh Ranjan", 8, mSouth);
  const stateAdmin = p("नीरज कुमार सिन्हा", "Neeraj Kumar Sinha", 9, bihar);
  const ajitK = p("अजीत कुमार", "Ajit Kumar", 10, mSouth); // attended the meeting; holds no post
  const sanjayD = p("संजय कुमार द्विवेदी", "Sanjay Kumar Dwivedi", 11, mSouth);

  hold(suresh, jehanabad, "sangathan", "president", "2023-03-15");
  hold(vikas, jehanabad, "it_cell", "convenor", "2023-06-01");
  hold(sanjay, mSouth, "it_cell", "convenor", "2024-01-10");
  hold(abhay, makhdumpurAc, "it_cell", "convenor", "2023-09-20");
  hold(ajitC, bihar, "sc", "president", "2022-11-05");
  hold(ajitC, makhdumpurAc, "sangathan", "in_charge", "2024-02-01");
  hold(rani, bihar, "sc", "secretary", "2022-11-05");
  hold(dharmendra, jehanabad, "sangathan", "general_secretary", "2023-03-15");
  hold(ritesh, jehanabad, "it_cell", "co_convenor", "2023-06-01");
  hold(sanjayD, mSouth, "yuva", "president", "2024-04-14");

  // History: Jehanabad's district president before Suresh Kumar Sharma, and Abhay Bharti's earlier post.
  const former = w.person("रामाश्रय प्रसाद", "Ramashray Prasad", demoMobile(nextMobile++), jMandal.id);
  w.tenure(former, jehanabad, w.post("district", "sangathan", "president"), 1, "2019-02-01", { date: "2023-03-14", reason: "कार्यकाल पूर्ण" });
  w.tenure(abhay, mSouth, w.post("mandal", "it_cell", "convenor"), 1, "2020-05-01", { date: "2023-09-19", reason: "विधानसभा संयोजक बने" });

  const taken = (entries: string[]) => new Set(entries);
  fillUnit(bihar, 0.6, taken(["sc:president", "sc:secretary"]));
  fillUnit(jehanabad, 0.8, taken(["sangathan:president", "sangathan:general_secretary", "it_cell:convenor", "it_cell:co_convenor"]));
  for (const [acNo] of Object.entries(JEHANABAD_MANDALS)) {
    const ac = acs.get(acNo)!;
    fillUnit(ac, 0.7, acNo === "218" ? taken(["sangathan:in_charge", "it_cell:convenor"]) : new Set());
  }
  // Every Jehanabad unit below the ACs gets a roster; Makhdumpur South keeps some shakti kendras
  // without an IT cell convenor, as the report's call to appoint them implies.
  const below = sqlite
    .prepare("select id, path, level from units where path > ? and path < ? and level in ('mandal','shakti_kendra','booth') order by path")
    .all(jehanabad.path, jehanabad.path.slice(0, -1) + "0") as UnitRef[];
  let mSouthSk = 0;
  for (const unit of below) {
    if (unit.id === mSouth.id) {
      fillUnit(unit, 0.75, taken(["it_cell:convenor", "yuva:president"]));
    } else if (unit.level === "shakti_kendra" && unit.path.startsWith(mSouth.path)) {
      mSouthSk++;
      fillUnit(unit, 0.8, mSouthSk % 2 === 0 ? taken(["it_cell:convenor"]) : new Set());
    } else {
      fillUnit(unit, unit.level === "booth" ? 0.6 : 0.7);
    }
  }

  // Other districts: a sparse roster at the top; West Champaran and Saran a little deeper.
  for (const [name, district] of districts) {
    if (name === "Jehanabad") continue;
    const deep = name === "West Champaran" || name === "Saran";
    fillUnit(district, deep ? 0.7 : 0.3);
  }
  for (const mandal of realMandals) fillUnit(mandal, 0.5);
  for (const sk of realShaktiKendras) if (rnd.chance(0.4)) fillUnit(sk, 0.5);
  for (const booth of realBooths) if (rnd.chance(0.15)) fillUnit(booth, 0.8);

  // Demo accounts (README): password "sangathan-demo".
  const hash = hashPasswordSync(DEMO_PASSWORD, DEMO_SALT);
  writeDemoAccounts(sqlite, w.bodyIds, { bihar, jehanabad, makhdumpurAc, makhdumpurSouth: mSouth }, { suresh, vikas, sanjay, abhay, neeraj: stateAdmin, ajit: ajitK }, hash);
  seedDrives(sqlite);
  seedReportMeeting(sqlite, mSouth, { sanjay, suresh, ajitC, vikas, rani, dharmendra, ritesh, abhay, ajitK, sanjayD });

}
