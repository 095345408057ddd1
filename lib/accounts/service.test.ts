import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import { statement } from "@/db";
import { viewerByLogin } from "@/lib/auth/viewer-by-login";
import { withTestDatabase } from "@/lib/testing/demo-db";
import * as service from "./service";
import * as accountsData from "@/lib/data/accounts";
import * as validation from "@/lib/validation/accounts";
import * as guard from "@/lib/auth/guard";
import * as password from "@/lib/auth/password";

// The account service runs against a real seeded database (SQLite, and PostgreSQL), as each demo account and as accounts
// made here (one without grants, one admin limited to the IT cell).
withTestDatabase();

const PASSWORD = "a-good-long-password";
const NO_GRANTS = "+919111100001";
const IT_ADMIN = "+919111100002";
const WC_ACCOUNT = "+919111100003";

beforeAll(async () => {
  const insert = statement<[string, string], { id: number }>("insert into accounts (person_id, login, display_name, password_hash) values (null, ?, ?, 'x') returning id");
  await insert.get(NO_GRANTS, "बिना अनुमति");
  const itAdmin = (await insert.get(IT_ADMIN, "आईटी प्रशासक"))!.id;
  await statement("insert into grants (account_id, unit_id, role, body_id) values (?, ?, 'admin', ?)").run(itAdmin, await unitId("जहानाबाद"), await bodyId("it_cell"));
  const wcAccount = (await insert.get(WC_ACCOUNT, "पश्चिमी चंपारण दर्शक"))!.id;
  await statement("insert into grants (account_id, unit_id, role) values (?, ?, 'viewer')").run(wcAccount, await unitId(WEST_CHAMPARAN));
});

async function one<T>(sql: string, ...params: unknown[]): Promise<T> {
  return (await statement<unknown[], T>(sql).get(...params)) as T;
}
const viewerFor = (login: string): Promise<Viewer> => viewerByLogin(login);
const unitId = async (nameHi: string) => (await one<{ id: number }>("select id from units where name_hi = ? order by id limit 1", nameHi)).id;
const bodyId = async (key: string) => (await one<{ id: number }>("select id from bodies where key = ?", key)).id;
const accountId = async (login: string) => (await one<{ id: number } | undefined>("select id from accounts where login = ?", login))?.id;
const grantOf = async (login: string) =>
  (await one<{ id: number }>("select g.id from grants g join accounts a on a.id = g.account_id where a.login = ? order by g.id limit 1", login)).id;
const counts = () =>
  one<{ accounts: number; grants: number; audit: number }>(
    "select (select count(*) from accounts) accounts, (select count(*) from grants) grants, (select count(*) from audit_log) audit",
  );
const lastAudit = () =>
  one<{ actor: number | null; action: string; outcome: string; unitId: number | null; before: string | null; after: string | null }>(
    "select actor_account_id as actor, action, outcome, unit_id as \"unitId\", before, after from audit_log order by id desc limit 1",
  );

/** A person of the subtree (home there), with a mobile and no account yet; a different one each call. */
const taken = new Set<number>();
async function freshPerson(unitName: string): Promise<{ id: number; mobile: string }> {
  const unit = await one<{ path: string }>("select path from units where name_hi = ? order by id limit 1", unitName);
  const rows = await statement<[string, string], { id: number; mobile: string }>(
    `select p.id, p.mobile from people p join units h on h.id = p.home_unit_id
     where h.path >= ? and h.path < ? and p.mobile is not null
       and not exists (select 1 from accounts a where a.person_id = p.id or a.login = p.mobile)
     order by p.id`,
  ).all(unit.path, unit.path.slice(0, -1) + "0");
  const person = rows.find((r) => !taken.has(r.id))!;
  taken.add(person.id);
  return person;
}

const SOUTH = "मखदुमपुर दक्षिणी मंडल";
const WEST_CHAMPARAN = "पश्चिमी चंपारण";

/** The call throws Denied, writes nothing but one "denied" audit row by the actor. */
async function expectDenied(viewer: Viewer, action: string, call: () => Promise<unknown>) {
  const before = await counts();
  await expect(call()).rejects.toThrow(guard.Denied);
  const after = await counts();
  expect(after).toEqual({ ...before, audit: before.audit + 1 });
  const row = await lastAudit();
  expect(row).toMatchObject({ actor: viewer.accountId, action, outcome: "denied" });
}

function newAccount(viewer: Viewer, mobile: string, unit: number, role: "viewer" | "editor" | "admin" = "viewer", body: number | null = null) {
  return service.createAccount(viewer, { mobile, password: PASSWORD, unitId: unit, role, bodyId: body });
}

describe("every operation, as every kind of account, inside and outside Jehanabad", () => {
  // Who may act on a Jehanabad account / person and on a West Champaran one.
  const expected: Array<[string, boolean, boolean]> = [
    ["+919000000001", true, false],
    ["+919000000009", true, true],
    ["+919000000002", false, false],
    ["+919000000003", false, false],
    ["+919000000004", false, false],
    [NO_GRANTS, false, false],
    [IT_ADMIN, false, false],
  ];
  const outcome = async (call: () => Promise<{ ok: boolean }>) => {
    try {
      await call();
      return "allowed";
    } catch (error) {
      if (error instanceof guard.Denied) return "denied";
      throw error;
    }
  };

  it.each(expected)("%s", async (login, inJehanabad, inWestChamparan) => {
    const viewer = await viewerFor(login);
    const targets = [
      { allowed: inJehanabad, account: (await accountId("+919000000004"))!, unit: await unitId(SOUTH), people: SOUTH },
      { allowed: inWestChamparan, account: (await accountId(WC_ACCOUNT))!, unit: await unitId(WEST_CHAMPARAN), people: WEST_CHAMPARAN },
    ];
    for (const target of targets) {
      const want = target.allowed ? "allowed" : "denied";
      const ops: Array<[string, () => Promise<{ ok: boolean }>]> = [
        ["account.create", async () => newAccount(viewer, (await freshPerson(target.people)).mobile, target.unit)],
        ["grant.add", () => service.addGrant(viewer, { accountId: target.account, unitId: target.unit, role: "viewer", bodyId: null })],
        ["account.password_reset", () => service.resetPassword(viewer, { accountId: target.account, password: PASSWORD })],
        ["account.enable", () => service.setAccountDisabled(viewer, { accountId: target.account, disabled: false })],
      ];
      for (const [action, call] of ops) {
        const before = await counts();
        expect(`${action} ${target.people}: ${await outcome(call)}`).toBe(`${action} ${target.people}: ${want}`);
        if (!target.allowed) {
          expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
          expect(await lastAudit()).toMatchObject({ actor: viewer.accountId, action, outcome: "denied" });
        }
      }
    }
  });
});

describe("creating an account", () => {
  it("lets the Jehanabad admin make one for a Makhdumpur South person, with its grant and an audit row", async () => {
    const admin = await viewerFor("+919000000001");
    const person = await freshPerson(SOUTH);
    const result = await newAccount(admin, person.mobile, await unitId(SOUTH));
    expect(result).toMatchObject({ ok: true });
    const account = await one<{ id: number; person_id: number; disabled: number; password_hash: string }>(
      "select id, person_id, disabled, password_hash from accounts where login = ?",
      person.mobile,
    );
    expect(account.person_id).toBe(person.id);
    expect(await password.verifyPassword(PASSWORD, account.password_hash)).toBe(true);
    expect(await statement("select unit_id as \"unitId\", role, body_id as \"bodyId\" from grants where account_id = ?").all(account.id)).toEqual([
      { unitId: await unitId(SOUTH), role: "viewer", bodyId: null },
    ]);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ actor: admin.accountId, action: "account.create", outcome: "ok", unitId: await unitId(SOUTH) });
    expect(audit.after).not.toMatch(/scrypt|password/i);
    expect(JSON.parse(audit.after!)).toMatchObject({ login: person.mobile, grant: { role: "viewer", unit: SOUTH } });
  });

  it("accepts the mobile typed the way people write it", async () => {
    const person = await freshPerson(SOUTH);
    const typed = `0${person.mobile.slice(3, 8)} ${person.mobile.slice(8)}`;
    expect(await newAccount(await viewerFor("+919000000001"), typed, await unitId(SOUTH))).toMatchObject({ ok: true });
    expect(await accountId(person.mobile)).toBeDefined();
  });

  it("refuses the Jehanabad admin a West Champaran person, and the state admin allows it", async () => {
    const admin = await viewerFor("+919000000001");
    const person = await freshPerson(WEST_CHAMPARAN);
    await expectDenied(admin, "account.create", async () => newAccount(admin, person.mobile, await unitId(SOUTH)));
    expect(await accountId(person.mobile)).toBeUndefined();
    expect(await newAccount(await viewerFor("+919000000009"), person.mobile, await unitId(WEST_CHAMPARAN))).toMatchObject({ ok: true });
  });

  it("refuses a number nobody has, the same way", async () => {
    const admin = await viewerFor("+919000000001");
    await expectDenied(admin, "account.create", async () => newAccount(admin, "+919876500000", await unitId(SOUTH)));
  });

  it("refuses the Jehanabad admin a grant on Bihar or on a West Champaran unit, even for a person in scope", async () => {
    const admin = await viewerFor("+919000000001");
    const person = await freshPerson(SOUTH);
    await expectDenied(admin, "account.create", async () => newAccount(admin, person.mobile, await unitId("बिहार"), "admin"));
    await expectDenied(admin, "account.create", async () => newAccount(admin, person.mobile, await unitId(WEST_CHAMPARAN)));
    expect(await accountId(person.mobile)).toBeUndefined();
  });

  it("refuses editors, viewers and accounts without grants", async () => {
    const person = await freshPerson(SOUTH);
    for (const login of ["+919000000002", "+919000000003", "+919000000004", NO_GRANTS]) {
      const viewer = await viewerFor(login);
      await expectDenied(viewer, "account.create", async () => newAccount(viewer, person.mobile, await unitId(SOUTH)));
    }
    expect(await accountId(person.mobile)).toBeUndefined();
  });

  it("holds a body-limited admin to grants of that body", async () => {
    const itAdmin = await viewerFor(IT_ADMIN);
    const person = await freshPerson(SOUTH);
    await expectDenied(itAdmin, "account.create", async () => newAccount(itAdmin, person.mobile, await unitId(SOUTH)));
    await expectDenied(itAdmin, "account.create", async () => newAccount(itAdmin, person.mobile, await unitId(SOUTH), "editor", await bodyId("yuva")));
    expect(await newAccount(itAdmin, person.mobile, await unitId(SOUTH), "editor", await bodyId("it_cell"))).toMatchObject({ ok: true });
  });

  it("turns down a short password with a field error and writes nothing", async () => {
    const person = await freshPerson(SOUTH);
    const input = { mobile: person.mobile, password: "short", unitId: String(await unitId(SOUTH)), role: "viewer", bodyId: "" };
    const parsed = validation.createAccountSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["password", "password_short"]]);

    const before = await counts();
    const result = await service.createAccount(await viewerFor("+919000000001"), { mobile: person.mobile, password: "short", unitId: await unitId(SOUTH), role: "viewer", bodyId: null });
    expect(result).toMatchObject({ ok: false, errors: { password: ["password_short"] } });
    expect(await counts()).toEqual(before);
  });

  it("turns down a person who already has an account", async () => {
    const before = await counts();
    const result = await newAccount(await viewerFor("+919000000001"), "+919000000003", await unitId(SOUTH));
    expect(result).toMatchObject({ ok: false, errors: { mobile: ["account_exists"] } });
    expect(await counts()).toEqual(before);
  });

  it("parses form input: a typed unit number wins over the select, an empty body is none", () => {
    const parsed = validation.createAccountSchema.parse({
      mobile: "90000 00010",
      password: PASSWORD,
      unitId: "5",
      otherUnitId: " 42 ",
      role: "editor",
      bodyId: "",
    });
    expect(parsed).toEqual({ mobile: "+919000000010", password: PASSWORD, unitId: 42, role: "editor", bodyId: null });
    expect(validation.createAccountSchema.safeParse({ mobile: "12345", password: PASSWORD, unitId: "5", role: "boss" }).error?.issues.map((i) => i.message)).toEqual([
      "mobile_invalid",
      "invalid",
    ]);
  });
});

describe("grants", () => {
  it("lets the Jehanabad admin add a grant inside Jehanabad to a Jehanabad account", async () => {
    const admin = await viewerFor("+919000000001");
    const target = (await accountId("+919000000004"))!;
    expect(await service.addGrant(admin, { accountId: target, unitId: await unitId(SOUTH), role: "editor", bodyId: null })).toEqual({ ok: true });
    expect(await lastAudit()).toMatchObject({ action: "grant.add", outcome: "ok", unitId: await unitId(SOUTH) });
    const again = await service.addGrant(admin, { accountId: target, unitId: await unitId(SOUTH), role: "editor", bodyId: null });
    expect(again).toMatchObject({ ok: false, errors: { unitId: ["grant_exists"] } });
  });

  it("refuses the Jehanabad admin admin on Bihar, a West Champaran unit, or the state admin's account", async () => {
    const admin = await viewerFor("+919000000001");
    const target = (await accountId("+919000000003"))!;
    await expectDenied(admin, "grant.add", async () => service.addGrant(admin, { accountId: target, unitId: await unitId("बिहार"), role: "admin", bodyId: null }));
    await expectDenied(admin, "grant.add", async () => service.addGrant(admin, { accountId: target, unitId: await unitId(WEST_CHAMPARAN), role: "viewer", bodyId: null }));
    await expectDenied(admin, "grant.add", async () =>
      service.addGrant(admin, { accountId: (await accountId("+919000000009"))!, unitId: await unitId(SOUTH), role: "viewer", bodyId: null }),
    );
  });

  it("refuses editors, viewers and accounts without grants", async () => {
    const target = (await accountId("+919000000003"))!;
    for (const login of ["+919000000002", "+919000000003", "+919000000004", NO_GRANTS]) {
      const viewer = await viewerFor(login);
      await expectDenied(viewer, "grant.add", async () => service.addGrant(viewer, { accountId: target, unitId: await unitId(SOUTH), role: "viewer", bodyId: null }));
      await expectDenied(viewer, "grant.remove", async () => service.removeGrant(viewer, { grantId: await grantOf("+919000000003") }));
    }
  });

  it("holds the IT cell admin to IT cell grants and IT cell accounts", async () => {
    const itAdmin = await viewerFor(IT_ADMIN);
    const itEditor = (await accountId("+919000000002"))!;
    expect(await service.addGrant(itAdmin, { accountId: itEditor, unitId: await unitId(SOUTH), role: "editor", bodyId: await bodyId("it_cell") })).toEqual({ ok: true });
    await expectDenied(itAdmin, "grant.add", async () => service.addGrant(itAdmin, { accountId: itEditor, unitId: await unitId(SOUTH), role: "viewer", bodyId: null }));
    // The mandal editor's grant covers every body: more than the IT cell admin holds.
    await expectDenied(itAdmin, "grant.add", async () =>
      service.addGrant(itAdmin, { accountId: (await accountId("+919000000003"))!, unitId: await unitId(SOUTH), role: "viewer", bodyId: await bodyId("it_cell") }),
    );
    await expectDenied(itAdmin, "grant.remove", async () => service.removeGrant(itAdmin, { grantId: await grantOf("+919000000003") }));
  });

  it("lets the Jehanabad admin remove a Jehanabad grant, not the state admin's", async () => {
    const admin = await viewerFor("+919000000001");
    const person = await freshPerson(SOUTH);
    await newAccount(admin, person.mobile, await unitId("मखदुमपुर"));
    const grant = await grantOf(person.mobile);
    expect(await service.removeGrant(admin, { grantId: grant })).toEqual({ ok: true });
    expect(await lastAudit()).toMatchObject({ action: "grant.remove", outcome: "ok", unitId: await unitId("मखदुमपुर") });
    expect(JSON.parse((await lastAudit()).before!)).toMatchObject({ grantId: grant, role: "viewer", unit: "मखदुमपुर" });
    // Without grants the account stays his to manage: its person lives in his district.
    expect(await accountsData.accountInAdminScope(admin, (await accountId(person.mobile))!)).toBe(true);
    await expectDenied(admin, "grant.remove", async () => service.removeGrant(admin, { grantId: await grantOf("+919000000009") }));
  });

  it("stops an admin removing their own last admin grant", async () => {
    for (const login of ["+919000000001", "+919000000009"]) {
      const admin = await viewerFor(login);
      await expectDenied(admin, "grant.remove", async () => service.removeGrant(admin, { grantId: await grantOf(login) }));
    }
  });
});

describe("passwords and disabling", () => {
  it("lets the Jehanabad admin reset a Jehanabad account's password, not the state admin's", async () => {
    const admin = await viewerFor("+919000000001");
    const target = (await accountId("+919000000004"))!;
    expect(await service.resetPassword(admin, { accountId: target, password: "another-long-password" })).toEqual({ ok: true });
    const hash = (await one<{ h: string }>("select password_hash as h from accounts where id = ?", target)).h;
    expect(await password.verifyPassword("another-long-password", hash)).toBe(true);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: "account.password_reset", outcome: "ok" });
    expect(`${audit.before}${audit.after}`).not.toMatch(/scrypt/);
    expect(audit.unitId).not.toBeNull();

    expect(await service.resetPassword(admin, { accountId: target, password: "short" })).toMatchObject({ ok: false, errors: { password: ["password_short"] } });
    await expectDenied(admin, "account.password_reset", async () => service.resetPassword(admin, { accountId: (await accountId("+919000000009"))!, password: PASSWORD }));
    const editor = await viewerFor("+919000000002");
    await expectDenied(editor, "account.password_reset", () => service.resetPassword(editor, { accountId: target, password: PASSWORD }));
  });

  it("lets an admin disable and enable an account in scope", async () => {
    const admin = await viewerFor("+919000000001");
    const target = (await accountId("+919000000004"))!;
    const disabled = async () => (await one<{ d: number }>("select disabled as d from accounts where id = ?", target)).d;
    expect(await service.setAccountDisabled(admin, { accountId: target, disabled: true })).toEqual({ ok: true });
    expect(await disabled()).toBe(1);
    expect(await lastAudit()).toMatchObject({ action: "account.disable", outcome: "ok" });
    expect(await service.setAccountDisabled(admin, { accountId: target, disabled: false })).toEqual({ ok: true });
    expect(await disabled()).toBe(0);
    expect(await lastAudit()).toMatchObject({ action: "account.enable", outcome: "ok" });
  });

  it("refuses disabling oneself, accounts out of scope, and non-admins", async () => {
    const admin = await viewerFor("+919000000001");
    await expectDenied(admin, "account.disable", () => service.setAccountDisabled(admin, { accountId: admin.accountId, disabled: true }));
    await expectDenied(admin, "account.disable", async () => service.setAccountDisabled(admin, { accountId: (await accountId("+919000000009"))!, disabled: true }));
    const state = await viewerFor("+919000000009");
    await expectDenied(state, "account.disable", () => service.setAccountDisabled(state, { accountId: state.accountId, disabled: true }));
    for (const login of ["+919000000002", "+919000000003", "+919000000004", NO_GRANTS]) {
      const viewer = await viewerFor(login);
      await expectDenied(viewer, "account.disable", () => service.setAccountDisabled(viewer, { accountId: admin.accountId, disabled: true }));
    }
    expect((await one<{ n: number }>("select count(*) as n from accounts where disabled = 1")).n).toBe(0);
  });
});

describe("listing accounts", () => {
  it("shows the Jehanabad admin the Jehanabad accounts only; the state admin all; others nothing", async () => {
    const logins = async (login: string) => (await accountsData.listManageableAccounts(await viewerFor(login)))?.map((a) => a.login) ?? null;
    const district = (await logins("+919000000001"))!;
    expect(district).toEqual(expect.arrayContaining(["+919000000001", "+919000000002", "+919000000003", "+919000000004"]));
    expect(district).not.toContain("+919000000009");
    expect(district).not.toContain(NO_GRANTS);
    const all = (await one<{ n: number }>("select count(*) as n from accounts")).n;
    expect(await logins("+919000000009")).toHaveLength(all);
    for (const login of ["+919000000002", "+919000000003", "+919000000004", NO_GRANTS]) expect(await logins(login)).toBeNull();
  });

  it("gives an account's page only to an admin who manages it", async () => {
    const admin = await viewerFor("+919000000001");
    const page = (await accountsData.getManagedAccount(admin, admin.accountId))!;
    expect(page.isSelf).toBe(true);
    expect(page.grants).toEqual([expect.objectContaining({ unitHi: "जहानाबाद", role: "admin", removable: false })]);
    expect(await accountsData.getManagedAccount(admin, (await accountId("+919000000009"))!)).toBeNull();
    expect(await accountsData.getManagedAccount(await viewerFor("+919000000003"), (await accountId("+919000000003"))!)).toBeNull();
  });

  it("offers the Jehanabad admin Jehanabad's units down to mandals", async () => {
    const units = (await accountsData.listAdminUnits(await viewerFor("+919000000001")))!;
    expect(units[0]).toMatchObject({ nameHi: "जहानाबाद", depth: 0 });
    expect(new Set(units.map((u) => u.level))).toEqual(new Set(["district", "assembly", "mandal"]));
    expect(units.map((u) => u.nameHi)).toContain(SOUTH);
    expect(await accountsData.listAdminUnits(await viewerFor("+919000000003"))).toBeNull();
  });
});
