import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import { statement } from "@/db";
import { viewerByLogin } from "@/lib/auth/viewer-by-login";
import { withTestDatabase } from "@/lib/testing/demo-db";
import * as plan from "@/lib/import/plan";
import * as parse from "@/lib/import/parse";
import * as roster from "@/lib/roster/service";
import * as personAccess from "@/lib/auth/person-access";
import * as oracle from "./oracle";
import * as requests from "./requests";
import * as guard from "@/lib/auth/guard";

/**
 * Issue 10, fault 4: the directory must not answer "is this mobile a party office-bearer's?".
 * A real database (SQLite, and PostgreSQL), real seed; the 20,000-row sheet goes through the real
 * parser and planner.
 */
withTestDatabase();

const HEADER = "प्रदेश,जिला,विधानसभा,मंडल,शक्ति केंद्र,बूथ,कोड,विभाग/मोर्चा,पद,सीट,नाम (हिंदी),नाम (अंग्रेज़ी),मोबाइल,व्हाट्सएप,कब से";
const v = (login: string): Promise<Viewer> => viewerByLogin(login);
const editor = () => v("+919000000003");
const one = async <T>(sql: string, ...args: unknown[]) => (await statement<unknown[], T>(sql).get(...args)) as T;
const mandal = () => one<{ id: number; path: string; level: "mandal" }>("select id, path, level from units where name_hi = 'मखदुमपुर दक्षिणी मंडल'");
const mandalPost = () =>
  one<{ id: number; titleHi: string; seats: number }>(
    `select p.id, p.title_hi as "titleHi", p.seats from posts p join bodies b on b.id = p.body_id
     where p.level = 'mandal' and b.key = 'sangathan' order by p.seats desc, p.id limit 1`,
  );
/** Mobiles of people whose home and every post lie in West Champaran: outside the mandal editor's scope. */
const outsiders = async (n: number) =>
  (
    await statement<[number], { id: number; mobile: string }>(
      `select p.id, p.mobile from people p join units h on h.id = p.home_unit_id
       where h.path like (select path from units where name_hi = 'पश्चिमी चंपारण') || '%' and p.mobile is not null
       and not exists (select 1 from tenures t join units u on u.id = t.unit_id where t.person_id = p.id
                       and u.path not like (select path from units where name_hi = 'पश्चिमी चंपारण') || '%')
       order by p.id limit ?`,
    ).all(n)
  ).map((r) => ({ id: r.id, mobile: r.mobile }));
const matches = async (accountId: number) => (await one<{ n: number }>("select count(*) as n from audit_log where actor_account_id = ? and action = 'person.out_of_scope_match'", accountId)).n;
const limits = async (accountId: number) => (await one<{ n: number }>("select count(*) as n from audit_log where actor_account_id = ? and action = 'person.out_of_scope_limit' and outcome = 'denied'", accountId)).n;
const requestsOf = async (accountId: number) => (await one<{ n: number }>("select count(*) as n from access_requests where requester_account_id = ?", accountId)).n;
const local = (mobile: string) => mobile.replace(/^\+91/, "");
/** More outside numbers in one sheet than an account may match in a day. */
const OUT_OF_SCOPE_SHEET = 6;

/** The mandal post the sheets below fill (read once, in beforeAll). */
let postTitle = "";
beforeAll(async () => {
  postTitle = (await mandalPost()).titleHi;
});

function csvRow(mobile: string, i: number, seat = "") {
  return `,,,मखदुमपुर दक्षिणी मंडल,,,,संगठन,${postTitle},${seat},परीक्षण व्यक्ति,Parikshan ${String.fromCharCode(65 + (i % 26))},${mobile},,2026-11-01`;
}

/** A fresh day for the account: no matches counted, no requests open (each test below starts from it). */
async function freshDay(accountId: number) {
  await statement("delete from audit_log where actor_account_id = ? and action in (?, ?)").run(accountId, oracle.MATCH_ACTION, oracle.LIMIT_ACTION);
  await statement("delete from access_requests where requester_account_id = ?").run(accountId);
}

describe("a number held outside the editor's scope", () => {
  beforeEach(async () => freshDay((await editor()).accountId));

  it("in a small import: the row reads 'cannot be used here', its name and place nowhere; an unknown number is a new person; the match is audited and handed on", async () => {
    const [out] = await outsiders(1);
    const ed = await editor();
    const sheet = `${HEADER}\r\n${csvRow(local(out.mobile), 0, "1")}\r\n${csvRow("98767 10001", 1, "2")}\r\n`;
    const parsed = await parse.parseSheet("s.csv", new TextEncoder().encode(sheet));
    if (!parsed.ok) throw new Error(parsed.error);
    const rows = await plan.planImport(ed, await mandal(), parsed.records, "preview");
    expect(rows[0].fate).toEqual({ kind: "error", errors: ["number_unusable"] });
    expect(rows[0].personId ?? null).toBeNull();
    const person = await one<{ nameHi: string }>("select name_hi as \"nameHi\" from people where id = ?", out.id);
    expect(JSON.stringify(rows[0])).not.toContain(person.nameHi);
    expect(rows[1].fate).toMatchObject({ newPerson: true });
    expect(await matches(ed.accountId)).toBe(1);
    expect(await requestsOf(ed.accountId)).toBe(1);
  });

  it("in the seat form's new-person path: the same answer (code) as the import row", async () => {
    const [, out] = await outsiders(2);
    const post = await mandalPost();
    const ed = await editor();
    const unitId = (await mandal()).id;
    const r = await roster.assignSeat(
      ed,
      { unitId, postId: post.id, seat: post.seats, expectedTenureId: await currentTenure(unitId, post.id, post.seats), personId: null, startDate: "2026-11-01" },
      { nameHi: "परीक्षण", nameEn: "Parikshan", mobile: local(out.mobile), whatsapp: "", homeUnitId: null },
    );
    expect(r).toEqual({ ok: false, code: "number_unusable" });
    expect(await matches(ed.accountId)).toBe(1);
    expect((await one<{ n: number }>("select count(*) as n from people where mobile = ?", out.mobile)).n).toBe(1);
  });

  it("a 20,000-row sheet with 40 outside numbers: refused whole at the daily limit, no row answered, at most 5 matches evaluated, the refusal audited", async () => {
    const out = await outsiders(40);
    expect(out.length).toBe(40);
    const ed = await editor();
    const outAt = new Map(out.map((o, k) => [200 + k * 450, o.mobile]));
    const lines = [HEADER];
    for (let i = 0; i < 20_000; i++) lines.push(csvRow(outAt.has(i) ? local(outAt.get(i)!) : `98${String(70_000_000 + i).padStart(8, "0")}`, i));
    const parsed = await parse.parseSheet("big.csv", new TextEncoder().encode(lines.join("\r\n")));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.records.length).toBe(20_000);
    const before = await matches(ed.accountId);
    let answer: unknown = null;
    await expect(
      plan.planImport(ed, await mandal(), parsed.records, "preview").then((rows) => {
        answer = rows;
      }),
    ).rejects.toThrow(oracle.OutOfScopeLimit);
    expect(answer).toBeNull();
    expect(await matches(ed.accountId)).toBe(oracle.OUT_OF_SCOPE_DAILY_LIMIT);
    expect((await matches(ed.accountId)) - before).toBeLessThanOrEqual(oracle.OUT_OF_SCOPE_DAILY_LIMIT);
    expect(await limits(ed.accountId)).toBe(1);
    expect(await requestsOf(ed.accountId)).toBeLessThanOrEqual(oracle.OUT_OF_SCOPE_DAILY_LIMIT);
  }, 120_000);

  it("past the limit the seat form is refused too (audited), and looks nothing more up", async () => {
    const out = await outsiders(OUT_OF_SCOPE_SHEET + 1);
    const ed = await editor();
    const sheet = [HEADER, ...out.slice(0, OUT_OF_SCOPE_SHEET).map((o, i) => csvRow(local(o.mobile), i))].join("\r\n");
    const parsed = await parse.parseSheet("s.csv", new TextEncoder().encode(sheet));
    if (!parsed.ok) throw new Error(parsed.error);
    await expect(plan.planImport(ed, await mandal(), parsed.records, "preview")).rejects.toThrow(oracle.OutOfScopeLimit);
    expect(await limits(ed.accountId)).toBe(1);
    const post = await mandalPost();
    const unitId = (await mandal()).id;
    const r = await roster.assignSeat(
      ed,
      { unitId, postId: post.id, seat: post.seats, expectedTenureId: await currentTenure(unitId, post.id, post.seats), personId: null, startDate: "2026-11-01" },
      { nameHi: "परीक्षण", nameEn: "Parikshan", mobile: local(out[OUT_OF_SCOPE_SHEET].mobile), whatsapp: "", homeUnitId: null },
    );
    expect(r).toEqual({ ok: false, code: "number_limit" });
    expect(await matches(ed.accountId)).toBe(oracle.OUT_OF_SCOPE_DAILY_LIMIT);
    expect(await limits(ed.accountId)).toBe(2);
  });
});

describe("correcting a person's number to one held outside the scope", () => {
  it("gets the same generic answer, counted and audited, and changes nothing", async () => {
    const itEditor = await v("+919000000002");
    // A person the IT-cell district editor may correct: a current IT cell post in Jehanabad.
    const target = await one<{ id: number; nameHi: string; nameEn: string; mobile: string; version: number; homeUnitId: number | null }>(
      `select p.id, p.name_hi as "nameHi", p.name_en as "nameEn", p.mobile, p.version, p.home_unit_id as "homeUnitId" from people p
       join tenures t on t.person_id = p.id and t.end_date is null join posts po on po.id = t.post_id join bodies b on b.id = po.body_id
       join units u on u.id = t.unit_id
       where b.key = 'it_cell' and u.path like (select path from units where name_hi = 'जहानाबाद' and level = 'district') || '%'
       order by p.id limit 1`,
    );
    expect(await personAccess.canEditPerson(itEditor, target.id)).toBe(true);
    const [, , , out] = await outsiders(4);
    const r = await roster.updatePerson(itEditor, { personId: target.id, version: target.version, nameHi: target.nameHi, nameEn: target.nameEn, mobile: local(out.mobile), whatsapp: "", homeUnitId: target.homeUnitId });
    expect(r).toEqual({ ok: false, code: "number_unusable" });
    expect(await matches(itEditor.accountId)).toBe(1);
    expect((await one<{ mobile: string }>("select mobile from people where id = ?", target.id)).mobile).toBe(target.mobile);
  });
});

async function currentTenure(unitId: number, postId: number, seat: number): Promise<number | null> {
  const r = await statement<[number, number, number], { id: number }>("select id from tenures where unit_id = ? and post_id = ? and seat = ? and end_date is null").get(unitId, postId, seat);
  return r?.id ?? null;
}

describe("the request, for the admins", () => {
  // Two open requests of the mandal editor's, from a small import: each test below decides one.
  beforeAll(async () => {
    const ed = await editor();
    await freshDay(ed.accountId);
    const sheet = [HEADER, ...(await outsiders(2)).map((o, i) => csvRow(local(o.mobile), i, String(i + 1)))].join("\r\n");
    const parsed = await parse.parseSheet("s.csv", new TextEncoder().encode(sheet));
    if (!parsed.ok) throw new Error(parsed.error);
    await plan.planImport(ed, await mandal(), parsed.records, "preview");
    expect(await requestsOf(ed.accountId)).toBe(2);
  });

  it("an admin covering only the unit neither sees it nor can accept it (a replayed accept is refused and audited)", async () => {
    const districtAdmin = await v("+919000000001");
    expect(await requests.listOpenRequests(districtAdmin)).toEqual([]);
    const id = (await one<{ id: number }>("select min(id) as id from access_requests where status = 'open'")).id;
    await expect(requests.acceptRequest(districtAdmin, { requestId: id, expectedTenureId: null, seat: null, startDate: "2026-11-02" })).rejects.toThrow(guard.Denied);
    await expect(requests.declineRequest(districtAdmin, id)).rejects.toThrow(guard.Denied);
    expect((await one<{ status: string }>("select status from access_requests where id = ?", id)).status).toBe("open");
    expect((await one<{ n: number }>("select count(*) as n from audit_log where action = 'access_request.accept' and outcome = 'denied' and actor_account_id = ?", districtAdmin.accountId)).n).toBe(1);
  });

  it("the state admin sees it and accepts: the person holds the seat, the request is closed, both audited; a replay changes nothing", async () => {
    const admin = await v("+919000000009");
    const open = await requests.listOpenRequests(admin);
    expect(open.length).toBeGreaterThan(0);
    const req = open[0];
    const seat = req.seat ?? 1;
    const r = await requests.acceptRequest(admin, { requestId: req.id, expectedTenureId: req.holder?.tenureId ?? null, seat, startDate: "2026-11-02" });
    expect(r).toEqual({ ok: true, unitId: req.unitId });
    const held = await one<{ personId: number }>("select person_id as \"personId\" from tenures where unit_id = ? and post_id = ? and seat = ? and end_date is null", req.unitId, req.postId, seat);
    expect(held.personId).toBe(req.personId);
    expect(await one<{ status: string; by: number }>("select status, decided_by_account_id as by from access_requests where id = ?", req.id)).toEqual({ status: "accepted", by: admin.accountId });
    expect((await one<{ n: number }>("select count(*) as n from audit_log where action = 'access_request.accept' and outcome = 'ok'")).n).toBe(1);
    expect(await requests.acceptRequest(admin, { requestId: req.id, expectedTenureId: null, seat, startDate: "2026-11-02" })).toEqual({ ok: false, code: "decided" });
    expect((await requests.listOpenRequests(admin)).some((o) => o.id === req.id)).toBe(false);
  });
});
