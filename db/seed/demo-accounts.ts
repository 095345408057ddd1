import type Database from "better-sqlite3";
import type { BodyKey } from "./catalogue";
import { demoMobile, type UnitRef } from "./tree-writer";

/** The units the demo accounts are granted on, found by each seed in its own tree. */
export type DemoPlaces = { bihar: UnitRef; jehanabad: UnitRef; makhdumpurAc: UnitRef; makhdumpurSouth: UnitRef };
/** The demo accounts' people (the news report's names), made by each seed; a missing one gets no account. */
export type DemoPeople = { suresh: number; vikas: number; sanjay: number; abhay: number; neeraj: number; ajit?: number };

/** The demo accounts (README, "Demo logins"), defined once for db/seed.ts and scripts/seed-scale.ts. */
export const DEMO_ACCOUNTS: ReadonlyArray<{
  mobile: number;
  person: keyof DemoPeople;
  name: string;
  place: keyof DemoPlaces;
  role: "viewer" | "editor" | "admin";
  body?: BodyKey;
}> = [
  { mobile: 1, person: "suresh", name: "सुरेश कुमार शर्मा", place: "jehanabad", role: "admin" },
  { mobile: 2, person: "vikas", name: "विकास कुमार रौशन", place: "jehanabad", role: "editor", body: "it_cell" },
  { mobile: 3, person: "sanjay", name: "संजय कुमार", place: "makhdumpurSouth", role: "editor" },
  { mobile: 4, person: "abhay", name: "अभय भारती", place: "makhdumpurAc", role: "viewer" },
  { mobile: 9, person: "neeraj", name: "नीरज कुमार सिन्हा", place: "bihar", role: "admin" },
  { mobile: 10, person: "ajit", name: "अजीत कुमार", place: "makhdumpurSouth", role: "viewer" },
];

/** Writes the demo accounts and their grants, all with the demo password's hash; returns how many. */
export function writeDemoAccounts(
  sqlite: Database.Database,
  bodyIds: ReadonlyMap<BodyKey, number>,
  places: DemoPlaces,
  people: DemoPeople,
  passwordHash: string,
): number {
  const insertAccount = sqlite.prepare("insert into accounts (id, person_id, login, display_name, password_hash) values (?, ?, ?, ?, ?)");
  const insertGrant = sqlite.prepare("insert into grants (account_id, unit_id, role, body_id) values (?, ?, ?, ?)");
  let id = 0;
  for (const a of DEMO_ACCOUNTS) {
    const personId = people[a.person];
    if (personId === undefined) continue;
    id += 1;
    insertAccount.run(id, personId, demoMobile(a.mobile), a.name, passwordHash);
    insertGrant.run(id, places[a.place].id, a.role, a.body ? bodyIds.get(a.body) : null);
  }
  return id;
}
