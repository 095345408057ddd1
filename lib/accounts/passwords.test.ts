import { beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import { statement } from "@/db";
import { viewerByLogin } from "@/lib/auth/viewer-by-login";
import { withTestDatabase } from "@/lib/testing/demo-db";
import * as service from "./service";
import * as passwords from "./passwords";
import * as password from "@/lib/auth/password";

// Passwords as people change them, against a real seeded database (SQLite, and PostgreSQL): the policy on every setter,
// an admin's reset forcing a new choice, one's own change needing the current password, and the
// "forgot password" requests that reach the admins who cover the account.
withTestDatabase();

async function one<T>(sql: string, ...params: unknown[]): Promise<T> {
  return (await statement<unknown[], T>(sql).get(...params)) as T;
}
const viewerFor = (login: string): Promise<Viewer> => viewerByLogin(login);
const account = (login: string) =>
  one<{ id: number; hash: string; must: number; epoch: number }>(
    "select id, password_hash as hash, must_change_password as must, session_epoch as epoch from accounts where login = ?",
    login,
  );
const lastAudit = () =>
  one<{ actor: number | null; action: string; outcome: string; targetId: number | null; after: string | null }>(
    "select actor_account_id as actor, action, outcome, target_id as \"targetId\", after from audit_log order by id desc limit 1",
  );
const count = async (sql: string, ...params: unknown[]) => (await one<{ n: number }>(sql, ...params)).n;

const ADMIN = "+919000000001";
const WORKER = "+919000000010";
const VIEWER_AC = "+919000000004";

describe("the password policy on every place that sets one", () => {
  it("refuses a common password or the mobile number on an admin's reset, and changes nothing", async () => {
    const before = await account(VIEWER_AC);
    const admin = await viewerFor(ADMIN);
    expect(await service.resetPassword(admin, { accountId: before.id, password: "password123" })).toMatchObject({ ok: false, errors: { password: ["password_common"] } });
    expect(await service.resetPassword(admin, { accountId: before.id, password: "sangathan-demo" })).toMatchObject({ ok: false, errors: { password: ["password_common"] } });
    expect(await service.resetPassword(admin, { accountId: before.id, password: "9000000004" })).toMatchObject({ ok: false, errors: { password: ["password_mobile"] } });
    expect(await account(VIEWER_AC)).toEqual(before);
  });

  it("refuses a common password for a new account", async () => {
    const person = await one<{ mobile: string }>(
      `select p.mobile from people p join units h on h.id = p.home_unit_id where h.name_hi = 'मखदुमपुर दक्षिणी मंडल' and p.mobile is not null
       and not exists (select 1 from accounts a where a.person_id = p.id or a.login = p.mobile) order by p.id limit 1`,
    );
    const unitId = (await one<{ id: number }>("select id from units where name_hi = 'मखदुमपुर दक्षिणी मंडल'")).id;
    const result = await service.createAccount(await viewerFor(ADMIN), { mobile: person.mobile, password: "India@12345", unitId, role: "viewer", bodyId: null });
    expect(result).toMatchObject({ ok: false, errors: { password: ["password_common"] } });
  });
});

describe("an admin's reset", () => {
  it("makes the person choose a new password at the next login, and resolves their open request", async () => {
    const worker = await account(WORKER);
    expect(await passwords.requestPasswordReset("90000 00010", "10.0.0.1")).toEqual({ ok: true });
    expect(await count("select count(*) as n from password_reset_requests where account_id = ? and resolved_at is null", worker.id)).toBe(1);
    expect(await service.resetPassword(await viewerFor(ADMIN), { accountId: worker.id, password: "kesariya-patang-42" })).toEqual({ ok: true });
    expect((await account(WORKER)).must).toBe(1);
    expect(await count("select count(*) as n from password_reset_requests where account_id = ? and resolved_at is null", worker.id)).toBe(0);
  });
});

describe("changing one's own password", () => {
  // Each test starts with no failed attempts on the account (the limit counts them).
  beforeEach(async () => {
    await statement("delete from login_attempts where login = ?").run(VIEWER_AC);
  });

  it("needs the current password: a wrong one changes nothing, is audited and counted like a failed login", async () => {
    const before = await account(VIEWER_AC);
    const result = await passwords.changeOwnPassword(before.id, { current: "not-my-password", password: "neela-aasmaan-2026" }, "10.0.0.2");
    expect(result).toMatchObject({ ok: false, errors: { current: ["current_wrong"] } });
    expect(await account(VIEWER_AC)).toEqual(before);
    expect(await lastAudit()).toMatchObject({ actor: before.id, action: "account.password_change", outcome: "failed", targetId: before.id });
    expect(await count("select count(*) as n from login_attempts where login = ? and ok = 0", VIEWER_AC)).toBe(1);
  });

  it("stops after five wrong tries in the window, even with the right password then", async () => {
    const id = (await account(VIEWER_AC)).id;
    for (let i = 0; i < 5; i++) await passwords.changeOwnPassword(id, { current: `wrong-${i}-password`, password: "neela-aasmaan-2026" }, "10.0.0.2");
    const result = await passwords.changeOwnPassword(id, { current: "sangathan-demo", password: "neela-aasmaan-2026" }, "10.0.0.2");
    expect(result).toMatchObject({ ok: false, message: "rate_limited" });
    expect(await password.verifyPassword("sangathan-demo", (await account(VIEWER_AC)).hash)).toBe(true);
  });

  it("refuses a common new password, or a new one equal to the current", async () => {
    const id = (await account(VIEWER_AC)).id;
    expect(await passwords.changeOwnPassword(id, { current: "sangathan-demo", password: "qwertyuiop123" }, "10.0.0.2")).toMatchObject({
      ok: false,
      errors: { password: ["password_common"] },
    });
    expect(await passwords.changeOwnPassword(id, { current: "kesar-neela-2026", password: "kesar-neela-2026" }, "10.0.0.2")).toMatchObject({
      ok: false,
      errors: { password: ["password_same"] },
    });
  });

  it("sets the new one, clears must-change, ends the other sessions, and audits without the hash", async () => {
    expect(await service.resetPassword(await viewerFor(ADMIN), { accountId: (await account(WORKER)).id, password: "kesariya-patang-42" })).toEqual({ ok: true });
    const worker = await account(WORKER);
    expect(worker.must).toBe(1);
    expect(await passwords.changeOwnPassword(worker.id, { current: "kesariya-patang-42", password: "neela-aasmaan-2026" }, "10.0.0.3")).toEqual({ ok: true });
    const after = await account(WORKER);
    expect(after.must).toBe(0);
    expect(after.epoch).toBe(worker.epoch + 1);
    expect(await password.verifyPassword("neela-aasmaan-2026", after.hash)).toBe(true);
    expect(await lastAudit()).toMatchObject({ actor: worker.id, action: "account.password_change", outcome: "ok" });
    expect((await lastAudit()).after ?? "").not.toMatch(/scrypt|neela/);
  });
});

describe("forgot password requests", () => {
  beforeEach(async () => {
    await statement("delete from password_reset_requests").run();
  });

  it("answers the same for a number with and without an account, and stores a request only for the account", async () => {
    const requests = () => count("select count(*) as n from password_reset_requests");
    const before = await requests();
    expect(await passwords.requestPasswordReset("9000000003", "10.0.1.1")).toEqual({ ok: true });
    expect(await passwords.requestPasswordReset("9876543210", "10.0.1.1")).toEqual({ ok: true });
    expect(await requests()).toBe(before + 1);
    // One open request per account: asking again adds nothing.
    expect(await passwords.requestPasswordReset("+91 90000 00003", "10.0.1.1")).toEqual({ ok: true });
    expect(await requests()).toBe(before + 1);
    expect(await lastAudit()).toMatchObject({ actor: null, action: "account.reset_request" });
  });

  it("limits the requests from one address per hour, known number or not", async () => {
    for (let i = 0; i < 5; i++) expect(await passwords.requestPasswordReset(`98765432${10 + i}`, "10.0.2.2")).toEqual({ ok: true });
    expect(await passwords.requestPasswordReset("9000000002", "10.0.2.2")).toEqual({ ok: false, message: "rate_limited" });
    expect(await count("select count(*) as n from password_reset_requests where account_id = ?", (await account("+919000000002")).id)).toBe(0);
    expect(await passwords.requestPasswordReset("9000000002", "10.0.2.3")).toEqual({ ok: true });
  });

  it("shows the open requests to the admins who cover the account, and to no one else", async () => {
    for (const mobile of ["9000000003", "9000000002"]) expect(await passwords.requestPasswordReset(mobile, "10.0.3.1")).toEqual({ ok: true });
    const open = async (login: string) => (await passwords.openResetRequests(await viewerFor(login)))?.map((r) => r.login) ?? null;
    expect(await open(ADMIN)).toEqual(expect.arrayContaining(["+919000000003", "+919000000002"]));
    expect(await open("+919000000009")).toEqual(expect.arrayContaining(["+919000000003", "+919000000002"]));
    expect(await open("+919000000003")).toBeNull();
    expect(await open(WORKER)).toBeNull();
  });
});
