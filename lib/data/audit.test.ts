import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import { statement } from "@/db";
import { viewerByLogin } from "@/lib/auth/viewer-by-login";
import { writeAudit } from "@/lib/audit/log";
import { withTestDatabase } from "@/lib/testing/demo-db";
import * as guard from "@/lib/auth/guard";
import * as roster from "@/lib/roster/service";
import * as audit from "./audit";

// The audit list runs against a real seeded database (SQLite, and PostgreSQL) holding a few known entries.
withTestDatabase();

const SOUTH = "मखदुमपुर दक्षिणी मंडल";

const INSERT_ENTRY = `insert into audit_log (at, actor_account_id, action, target_type, target_id, unit_id, before, after, outcome)
   values (@at, @actor, @action, @targetType, @targetId, @unitId, @before, @after, @outcome)`;

beforeAll(async () => {
  const westChamparanPerson = (await one<{ id: number }>(
    `select p.id from people p join units h on h.id = p.home_unit_id join units d on d.name_hi = 'पश्चिमी चंपारण'
     where h.path >= d.path and h.path < substr(d.path, 1, length(d.path) - 1) || '0' order by p.id limit 1`,
  )).id;
  const westChamparanMandal = (await one<{ id: number }>(
    `select u.id from units u join units d on d.name_hi = 'पश्चिमी चंपारण'
     where u.level = 'mandal' and u.path >= d.path and u.path < substr(d.path, 1, length(d.path) - 1) || '0' order by u.id limit 1`,
  )).id;
  const insert = statement<[Record<string, unknown>]>(INSERT_ENTRY);
  const row = (r: Partial<Record<string, unknown>>) =>
    insert.run({ before: null, after: null, outcome: "ok", actor: null, targetId: null, unitId: null, ...r });
  await row({ at: "2025-01-10T10:00:00.000Z", actor: await accountId("+919000000009"), action: "person.update", targetType: "person", targetId: westChamparanPerson, unitId: westChamparanMandal, before: '{"nameEn":"A"}', after: '{"nameEn":"B"}' });
  // 20:00 UTC on 1 February is 01:30 on 2 February in India.
  await row({ at: "2025-02-01T20:00:00.000Z", actor: await accountId("+919000000001"), action: "account.create", targetType: "account", targetId: await accountId("+919000000003"), unitId: await unitId(SOUTH), after: '{"login":"+919000000003","grant":{"role":"editor"}}' });
  await row({ at: "2025-02-03T12:00:00.000Z", action: "login.failed", targetType: "account", after: '{"address":"local"}', outcome: "failed" });
  await row({ at: "2025-02-05T09:00:00.000Z", actor: await accountId("+919000000001"), action: "tenure.assign", targetType: "person", targetId: await personId("सुरेश कुमार शर्मा"), unitId: await unitId("जहानाबाद मंडल") });
  await row({ at: "2025-02-06T09:00:00.000Z", actor: await accountId("+919000000009"), action: "account.password_reset", targetType: "account", targetId: await accountId("+919000000004"), unitId: await unitId("मखदुमपुर"), before: '{"password_hash":"scrypt$x"}', after: '{"login":"+919000000004","password_hash":"scrypt$y"}' });
});

async function one<T>(sql: string, ...params: unknown[]): Promise<T> {
  return (await statement<unknown[], T>(sql).get(...params)) as T;
}
const unitId = async (nameHi: string) => (await one<{ id: number }>("select id from units where name_hi = ? order by id limit 1", nameHi)).id;
const personId = async (nameHi: string) => (await one<{ id: number }>("select id from people where name_hi = ?", nameHi)).id;
const accountId = async (login: string) => (await one<{ id: number }>("select id from accounts where login = ?", login)).id;

const viewerFor = (login: string): Promise<Viewer> => viewerByLogin(login);

/** The audit log's last id: rows a test or a group adds after it are removed again, so every group sees the five entries above. */
const lastAuditId = async () => (await one<{ id: number | null }>("select max(id) as id from audit_log")).id ?? 0;
const dropAuditAfter = async (id: number) => {
  await statement("delete from audit_log where id > ?").run(id);
};

const actions = async (login: string, query: Record<string, string> = {}) =>
  (await audit.listAuditEntries(await viewerFor(login), audit.auditFilterSchema.parse(query)))?.entries.map((e) => e.action) ?? null;

describe("the audit list", () => {
  it("shows the Jehanabad admin Jehanabad's entries only, newest first", async () => {
    expect(await actions("+919000000001")).toEqual(["account.password_reset", "tenure.assign", "account.create"]);
  });

  it("shows the state admin everything, with entries that have no unit", async () => {
    expect(await actions("+919000000009")).toEqual(["account.password_reset", "tenure.assign", "login.failed", "account.create", "person.update"]);
  });

  it("shows nothing to editors and viewers", async () => {
    for (const login of ["+919000000002", "+919000000003", "+919000000004"]) expect(await actions(login)).toBeNull();
  });

  it("filters by unit subtree", async () => {
    expect(await actions("+919000000001", { unit: String(await unitId(SOUTH)) })).toEqual(["account.create"]);
    expect(await actions("+919000000001", { unit: String(await unitId("मखदुमपुर")) })).toEqual(["account.password_reset", "account.create"]);
    expect(await actions("+919000000001", { unit: String(await unitId("पश्चिमी चंपारण")) })).toEqual([]);
    expect(await actions("+919000000009", { unit: String(await unitId("पश्चिमी चंपारण")) })).toEqual(["person.update"]);
    expect(await actions("+919000000009", { unit: "99999999" })).toEqual([]);
    // Beyond any row's id (PostgreSQL's integer ids): still nothing, not an error.
    expect(await actions("+919000000009", { unit: String(Number.MAX_SAFE_INTEGER) })).toEqual([]);
  });

  it("filters by target person, by name in either script or by id", async () => {
    expect(await actions("+919000000001", { person: "सुरेश" })).toEqual(["tenure.assign"]);
    // The account.create entry targets Sanjay Kumar's account.
    expect(await actions("+919000000001", { person: "sanjay kumar" })).toEqual(["account.create"]);
    expect(await actions("+919000000001", { person: String(await personId("अभय भारती")) })).toEqual(["account.password_reset"]);
    expect(await actions("+919000000001", { person: "100%" })).toEqual([]);
    expect(await actions("+919000000009", { person: "999999999999" })).toEqual([]);
  });

  it("filters by actor, by mobile or name", async () => {
    expect(await actions("+919000000009", { actor: "90000 00009" })).toEqual(["account.password_reset", "person.update"]);
    // The state admin is outside the district admin's scope: the filter does not confirm who acted.
    expect(await actions("+919000000001", { actor: "90000 00009" })).toEqual([]);
    expect(await actions("+919000000001", { actor: "सुरेश कुमार" })).toEqual(["tenure.assign", "account.create"]);
    expect(await actions("+919000000001", { actor: "suresh" })).toEqual(["tenure.assign", "account.create"]);
  });

  it("filters by days in India's time", async () => {
    expect(await actions("+919000000001", { from: "2025-02-02", to: "2025-02-02" })).toEqual(["account.create"]);
    expect(await actions("+919000000009", { to: "2025-02-01" })).toEqual(["person.update"]);
    expect(await actions("+919000000009", { from: "2025-02-03", to: "2025-02-05" })).toEqual(["tenure.assign", "login.failed"]);
  });

  it("names the target and shows changes without password hashes", async () => {
    const entries = (await audit.listAuditEntries(await viewerFor("+919000000001"), audit.auditFilterSchema.parse({})))!.entries;
    const reset = entries.find((e) => e.action === "account.password_reset")!;
    expect(reset.target).toEqual({ kind: "person", id: await personId("अभय भारती"), nameHi: "अभय भारती", nameEn: "Abhay Bharti" });
    // The state admin lives above Jehanabad and holds no post: outside the district admin's scope.
    expect(reset.actor).toBe("outside");
    const own = entries.find((e) => e.action === "account.create")!;
    expect(own.actor).toEqual({ nameHi: "सुरेश कुमार शर्मा", nameEn: "Suresh Kumar Sharma", login: "+919000000001" });
    expect(JSON.stringify(reset.changes)).not.toContain("scrypt");
    expect(reset.changes).toEqual([{ field: "login", before: null, after: "+919000000004" }]);
    const created = entries.find((e) => e.action === "account.create")!;
    expect(created.unit?.nameHi).toBe(SOUTH);
    expect(created.changes).toEqual([
      { field: "login", before: null, after: "+919000000003" },
      { field: "grant.role", before: null, after: "editor" },
    ]);
    expect(audit.describeChange({ disabled: false, login: "x" }, { disabled: true, login: "x" })).toEqual([
      { field: "disabled", before: "false", after: "true" },
    ]);
  });

  it("pages 50 at a time", async () => {
    const mark = await lastAuditId();
    onTestFinished(() => dropAuditAfter(mark));
    const insert = statement("insert into audit_log (at, actor_account_id, action, target_type, unit_id) values (?, ?, 'unit.rename', 'unit', ?)");
    const [actor, unit] = [await accountId("+919000000001"), await unitId(SOUTH)];
    for (let i = 0; i < 60; i++) await insert.run(`2025-03-01T10:${String(i).padStart(2, "0")}:00.000Z`, actor, unit);
    const page1 = (await audit.listAuditEntries(await viewerFor("+919000000001"), audit.auditFilterSchema.parse({})))!;
    expect(page1.entries).toHaveLength(50);
    expect(page1.hasNext).toBe(true);
    expect(page1.entries[0].at).toBe("2025-03-01T10:59:00.000Z");
    const page2 = (await audit.listAuditEntries(await viewerFor("+919000000001"), audit.auditFilterSchema.parse({ page: "2" })))!;
    expect(page2.entries).toHaveLength(13);
    expect(page2.hasNext).toBe(false);
  });

  it("parses search params once, dropping bad values", () => {
    expect(audit.auditFilterSchema.parse({ page: "abc", unit: "x", from: "2024-02-31", to: "2024-02-29", person: ["  अजीत ", "b"], actor: "" })).toEqual({
      page: 1,
      unit: undefined,
      from: undefined,
      to: "2024-02-29",
      person: "अजीत",
      actor: undefined,
    });
  });
});

describe("details holding U+0000", () => {
  it("are stored without it, and reads of the details' JSON still work (PostgreSQL refuses the \\u0000 escape)", async () => {
    const mark = await lastAuditId();
    onTestFinished(() => dropAuditAfter(mark));
    const admin = await viewerFor("+919000000001");
    const south = await unitId(SOUTH);
    const after = { nameEn: "New\u0000Name", via: "form\u0000", ["x\u0000y"]: 1 };
    await writeAudit({ actorAccountId: admin.accountId, action: "unit.rename", targetType: "unit", targetId: south, unitId: south, before: { nameEn: "Old\u0000" }, after });
    const stored = await one<{ before: string; after: string }>("select before, after from audit_log where id > ? order by id desc limit 1", mark);
    expect(`${stored.before}${stored.after}`).not.toContain("\\u0000");
    expect([JSON.parse(stored.before), JSON.parse(stored.after)]).toEqual([{ nameEn: "Old" }, { nameEn: "NewName", via: "form", xy: 1 }]);
    // `skipVia` reads each row's after ->> 'via'.
    const { path } = await one<{ path: string }>("select path from units where id = ?", south);
    const rows = await audit.listAuditEntriesUnder(admin, path, { sinceAt: "2000-01-01T00:00:00.000Z", actions: ["unit.rename"], skipVia: "import", limit: 5 });
    expect(rows.map((r) => [r.action, r.after])).toEqual([["unit.rename", { nameEn: "NewName", via: "form", xy: 1 }]]);
  });
});

describe("people and units outside the viewer's scope", () => {
  let foreign: { id: number; nameHi: string; nameEn: string; mobile: string };
  let wcMandal: { id: number; nameHi: string; nameEn: string };
  let mark = 0;

  beforeAll(async () => {
    mark = await lastAuditId();
    foreign = await one(
      `select p.id, p.name_hi as "nameHi", p.name_en as "nameEn", p.mobile from people p join units h on h.id = p.home_unit_id
       join units d on d.name_hi = 'पश्चिमी चंपारण'
       where h.path >= d.path and h.path < substr(d.path, 1, length(d.path) - 1) || '0' and p.mobile is not null order by p.id limit 1`,
    );
    wcMandal = await one(
      `select u.id, u.name_hi as "nameHi", u.name_en as "nameEn" from units u join units d on d.name_hi = 'पश्चिमी चंपारण'
       where u.level = 'mandal' and u.path >= d.path and u.path < substr(d.path, 1, length(d.path) - 1) || '0' order by u.id limit 1`,
    );
    // The attack: the mandal editor assigns a seat of their mandal to a West Champaran person's id.
    const post = (await one<{ id: number }>("select p.id from posts p join bodies b on b.id = p.body_id where p.level = 'mandal' and b.key = 'it_cell' order by p.id limit 1")).id;
    await expect(
      roster.assignSeat(
        await viewerFor("+919000000003"),
        { unitId: await unitId(SOUTH), postId: post, seat: 1, expectedTenureId: null, personId: foreign.id, startDate: "2025-04-01" },
        null,
      ),
    ).rejects.toThrow(guard.Denied);
    const insert = statement<[Record<string, unknown>]>(INSERT_ENTRY);
    // Details that name the foreign person and unit: a replaced holder, an edit of the person, a grant.
    await insert.run({
      outcome: "ok",
      at: "2025-04-02T10:00:00.000Z", actor: await accountId("+919000000003"), action: "tenure.replace", targetType: "tenure", targetId: null, unitId: await unitId(SOUTH),
      before: JSON.stringify({ tenureId: 1, personId: foreign.id, name: foreign.nameHi, endDate: "2025-04-02" }),
      after: JSON.stringify({ personId: await personId("संजय कुमार"), post: "संयोजक", seat: 1, startDate: "2025-04-02" }),
    });
    await insert.run({
      outcome: "ok",
      at: "2025-04-03T10:00:00.000Z", actor: await accountId("+919000000003"), action: "person.update", targetType: "person", targetId: foreign.id, unitId: await unitId(SOUTH),
      before: JSON.stringify({ nameHi: foreign.nameHi, nameEn: foreign.nameEn, mobile: foreign.mobile, homeUnitId: wcMandal.id }),
      after: JSON.stringify({ nameHi: `${foreign.nameHi} जी`, nameEn: foreign.nameEn, mobile: foreign.mobile, homeUnitId: wcMandal.id }),
    });
    await insert.run({
      outcome: "ok",
      at: "2025-04-04T10:00:00.000Z", actor: await accountId("+919000000001"), action: "grant.add", targetType: "unit", targetId: wcMandal.id, unitId: await unitId(SOUTH),
      before: null, after: JSON.stringify({ grant: { unitId: wcMandal.id, unit: wcMandal.nameHi, role: "viewer" } }),
    });
  });

  afterAll(() => dropAuditAfter(mark));

  const page = async (login: string, query: Record<string, string> = {}) => (await audit.listAuditEntries(await viewerFor(login), audit.auditFilterSchema.parse(query)))!;
  const leaks = (value: unknown) => {
    const text = JSON.stringify(value);
    return [foreign.nameHi, foreign.nameEn, foreign.mobile, foreign.mobile.slice(-10), wcMandal.nameHi, wcMandal.nameEn, `"id":${foreign.id},`, `"${foreign.id}"`, `"${wcMandal.id}"`]
      .filter((s) => text.includes(s));
  };

  it("the refused out-of-scope assign shows the district admin the attempt, not the person's name", async () => {
    const entries = (await page("+919000000001", { unit: String(await unitId(SOUTH)) })).entries;
    const refused = entries.find((e) => e.action === "tenure.assign.person")!;
    expect(refused.outcome).toBe("denied");
    expect(refused.actor).toEqual({ nameHi: "संजय कुमार", nameEn: "Sanjay Kumar", login: "+919000000003" });
    expect(refused.target).toEqual({ kind: "outside" });
    expect(leaks(entries)).toEqual([]);
  });

  it("redacts the foreign person and unit inside the details too", async () => {
    const entries = (await page("+919000000001", { unit: String(await unitId(SOUTH)) })).entries;
    const replaced = entries.find((e) => e.action === "tenure.replace")!;
    expect(replaced.changes.filter((c) => c.field === "personId" || c.field === "name")).toEqual([
      { field: "personId", before: audit.OUTSIDE_SCOPE, after: String(await personId("संजय कुमार")) },
      { field: "name", before: audit.OUTSIDE_SCOPE, after: null },
    ]);
    const updated = entries.find((e) => e.action === "person.update")!;
    expect(updated.target).toEqual({ kind: "outside" });
    expect(updated.changes.every((c) => c.before === audit.OUTSIDE_SCOPE && c.after === audit.OUTSIDE_SCOPE)).toBe(true);
    const grant = entries.find((e) => e.action === "grant.add")!;
    expect(grant.target).toEqual({ kind: "outside" });
    expect(grant.changes).toEqual([
      { field: "grant.unitId", before: null, after: audit.OUTSIDE_SCOPE },
      { field: "grant.unit", before: null, after: audit.OUTSIDE_SCOPE },
      { field: "grant.role", before: null, after: "viewer" },
    ]);
    expect(leaks(entries)).toEqual([]);
  });

  it("does not let the filters confirm a foreign name or id", async () => {
    expect((await page("+919000000001", { person: foreign.nameHi })).entries).toEqual([]);
    expect((await page("+919000000001", { person: foreign.nameEn })).entries).toEqual([]);
    expect((await page("+919000000001", { person: String(foreign.id) })).entries).toEqual([]);
    expect((await page("+919000000001", { actor: "90000 00009" })).entries).toEqual([]);
    expect((await page("+919000000001", { actor: "neeraj" })).entries).toEqual([]);
  });

  it("shows the state admin, whose scope holds everyone, every name", async () => {
    const entries = (await page("+919000000009", { unit: String(await unitId(SOUTH)) })).entries;
    expect(entries.find((e) => e.action === "tenure.assign.person")!.target).toEqual({ kind: "person", id: foreign.id, nameHi: foreign.nameHi, nameEn: foreign.nameEn });
    expect(entries.find((e) => e.action === "tenure.replace")!.changes).toContainEqual({ field: "name", before: foreign.nameHi, after: null });
    expect((await page("+919000000009", { person: foreign.nameHi })).entries.map((e) => e.action)).toEqual(["tenure.assign.person", "person.update", "person.update"]);
  });
});
