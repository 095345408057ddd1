import { describe, expect, it } from "vitest";
import { statement } from "@/db";
import type { Viewer } from "@/lib/auth/session";
import { withTestDatabase } from "@/lib/testing/demo-db";
import { viewerByLogin } from "@/lib/auth/viewer-by-login";
import * as roster from "./service";
import * as apply from "@/lib/import/apply";

/**
 * The roster service itself (issue 11): a real database (SQLite, and PostgreSQL in the postgres
 * project), the real seed, no mocks. The mandal editor
 * (9000000003) edits मखदुमपुर दक्षिणी मंडल; each test takes its own seat so none depends on another.
 */
withTestDatabase();

const editor = (): Promise<Viewer> => viewerByLogin("+919000000003");
const one = async <T>(sql: string, ...args: unknown[]) => (await statement<unknown[], T>(sql).get(...args)) as T;
type Seat = { tenureId: number; unitId: number; postId: number; seat: number; personId: number; startDate: string; unitName: string; skName: string; code: string; titleHi: string };

/** The n-th filled organisation seat at a booth of the mandal (n keeps the tests apart). */
function filledBoothSeat(n: number): Promise<Seat> {
  return one<Seat>(
    `select t.id as "tenureId", t.unit_id as "unitId", t.post_id as "postId", t.seat, t.person_id as "personId", t.start_date as "startDate",
            b.name_hi as "unitName", sk.name_hi as "skName", b.code, po.title_hi as "titleHi"
     from tenures t join units b on b.id = t.unit_id join units sk on sk.id = b.parent_id join posts po on po.id = t.post_id
     join bodies bo on bo.id = po.body_id
     where t.end_date is null and b.level = 'booth' and bo.key = 'sangathan' and t.start_date < '2026-06-01'
       and sk.parent_id = (select id from units where name_hi = 'मखदुमपुर दक्षिणी मंडल')
     order by t.id limit 1 offset ?`,
    n,
  );
}
const tenure = (id: number) => one<{ endDate: string | null; endKind: string | null }>("select end_date as \"endDate\", end_kind as \"endKind\" from tenures where id = ?", id);
const holderOf = (s: Seat) => one<{ id: number; personId: number; startDate: string } | undefined>(
  "select id, person_id as \"personId\", start_date as \"startDate\" from tenures where unit_id = ? and post_id = ? and seat = ? and end_date is null",
  s.unitId, s.postId, s.seat,
);
const newPerson = (mobile: string) => ({ nameHi: "नया व्यक्ति", nameEn: "Naya Vyakti", mobile, whatsapp: "", homeUnitId: null });

describe("assignSeat", () => {
  it("a seat changed since the form was opened is a conflict naming the current holder; nothing is written", async () => {
    const s = await filledBoothSeat(0);
    const r = await roster.assignSeat(await editor(), { unitId: s.unitId, postId: s.postId, seat: s.seat, expectedTenureId: null, personId: null, startDate: "2026-11-01" }, newPerson("98769 00001"));
    expect(r).toMatchObject({ ok: false, code: "conflict", current: { tenureId: s.tenureId, personId: s.personId } });
    expect((await holderOf(s))?.id).toBe(s.tenureId);
    expect((await one<{ n: number }>("select count(*) as n from people where mobile = '+919876900001'")).n).toBe(0);
  });

  it("the person already holding the seat cannot be assigned to it again", async () => {
    const s = await filledBoothSeat(1);
    const r = await roster.assignSeat(await editor(), { unitId: s.unitId, postId: s.postId, seat: s.seat, expectedTenureId: s.tenureId, personId: s.personId, startDate: "2026-11-01" }, null);
    expect(r).toEqual({ ok: false, code: "invalid", fields: { personId: ["already_holds"] } });
    expect((await tenure(s.tenureId)).endDate).toBeNull();
  });

  it("a replacement may not start before the current holder started", async () => {
    const s = await filledBoothSeat(2);
    const r = await roster.assignSeat(await editor(), { unitId: s.unitId, postId: s.postId, seat: s.seat, expectedTenureId: s.tenureId, personId: null, startDate: "2020-01-01" }, newPerson("98769 00003"));
    expect(r).toEqual({ ok: false, code: "invalid", fields: { startDate: ["before_current_start"] } });
    expect((await tenure(s.tenureId)).endDate).toBeNull();
  });

  it("a replacement ends the old tenure the day before the new one starts, audited as such", async () => {
    const s = await filledBoothSeat(3);
    const r = await roster.assignSeat(await editor(), { unitId: s.unitId, postId: s.postId, seat: s.seat, expectedTenureId: s.tenureId, personId: null, startDate: "2026-03-01" }, newPerson("98769 00004"));
    expect(r).toMatchObject({ ok: true, data: { replaced: { tenureId: s.tenureId } } });
    expect(await tenure(s.tenureId)).toEqual({ endDate: "2026-02-28", endKind: "replaced" });
    expect((await holderOf(s))?.startDate).toBe("2026-03-01");
    const audit = await one<{ before: string }>("select before from audit_log where action = 'tenure.replace' and target_id = ?", (await holderOf(s))!.id);
    expect(JSON.parse(audit.before)).toMatchObject({ tenureId: s.tenureId, endDate: "2026-02-28" });
  });

  it("a replacement starting on the old holder's own first day ends the old tenure that same day (end ≥ start holds)", async () => {
    const s = await filledBoothSeat(4);
    const r = await roster.assignSeat(await editor(), { unitId: s.unitId, postId: s.postId, seat: s.seat, expectedTenureId: s.tenureId, personId: null, startDate: s.startDate }, newPerson("98769 00005"));
    expect(r.ok).toBe(true);
    expect(await tenure(s.tenureId)).toEqual({ endDate: s.startDate, endKind: "replaced" });
  });
});

describe("updatePerson", () => {
  it("a stale version (the person changed since the form was opened) is refused, not overwritten", async () => {
    const s = await filledBoothSeat(5);
    const p = await one<{ version: number; nameHi: string; mobile: string }>("select version, name_hi as \"nameHi\", mobile from people where id = ?", s.personId);
    const input = { personId: s.personId, version: p.version, nameHi: p.nameHi, nameEn: "First Change", mobile: p.mobile, whatsapp: "", homeUnitId: null };
    expect(await roster.updatePerson(await editor(), input)).toEqual({ ok: true, data: { personId: s.personId } });
    expect(await roster.updatePerson(await editor(), { ...input, nameEn: "Second Change" })).toEqual({ ok: false, code: "stale" });
    expect((await one<{ nameEn: string }>("select name_en as \"nameEn\" from people where id = ?", s.personId)).nameEn).toBe("First Change");
  });
});

describe("import through the same writes", () => {
  const HEAD = { state: "बिहार", district: "जहानाबाद", assembly: "मखदुमपुर", mandal: "मखदुमपुर दक्षिणी मंडल" };
  const mandal = () => one<{ id: number; path: string; level: "mandal" }>("select id, path, level from units where name_hi = 'मखदुमपुर दक्षिणी मंडल'");
  const row = (s: Seat, mobile: string, since: string) => ({
    line: 2,
    levels: { ...HEAD, shakti_kendra: s.skName, booth: s.unitName },
    code: s.code,
    body: "संगठन",
    post: s.titleHi,
    seat: String(s.seat),
    nameHi: "आयात व्यक्ति",
    nameEn: "Aayat Vyakti",
    mobile,
    whatsapp: "",
    since,
  });

  it("an imported replacement ends the old tenure the day before, kind 'imported', with the seat form's audit rows", async () => {
    const s = await filledBoothSeat(6);
    const id = await apply.saveImport(await editor(), (await mandal()) as never, "a.csv", [row(s, "98769 00007", "2026-03-01")]);
    expect(await apply.applyImport(await editor(), id)).toMatchObject({ ok: true, written: 1 });
    expect(await tenure(s.tenureId)).toEqual({ endDate: "2026-02-28", endKind: "imported" });
    const now = (await holderOf(s))!;
    const audit = await one<{ before: string; after: string }>("select before, after from audit_log where action = 'tenure.replace' and target_id = ?", now.id);
    expect(JSON.parse(audit.before)).toMatchObject({ tenureId: s.tenureId, personId: s.personId, endDate: "2026-02-28" });
    expect(JSON.parse(audit.after)).toMatchObject({ personId: now.personId, postId: s.postId, seat: s.seat, startDate: "2026-03-01", via: "import" });
  });

  it("a seat changed since the preview: the apply is refused whole, naming the row, and writes nothing", async () => {
    const s = await filledBoothSeat(7);
    const other = await filledBoothSeat(8);
    const id = await apply.saveImport(await editor(), (await mandal()) as never, "a.csv", [
      { ...row(other, "98769 00009", "2026-03-01"), line: 2 },
      { ...row(s, "98769 00008", "2026-03-01"), line: 3 },
    ]);
    // Someone fills the seat on its page between the preview and "apply".
    const meanwhile = await roster.assignSeat(await editor(), { unitId: s.unitId, postId: s.postId, seat: s.seat, expectedTenureId: s.tenureId, personId: null, startDate: "2026-02-01" }, newPerson("98769 00010"));
    expect(meanwhile.ok).toBe(true);
    const after = (await holderOf(s))!;
    expect(await apply.applyImport(await editor(), id)).toEqual({ ok: false, code: "seat_changed", line: 3 });
    expect((await holderOf(s))?.id).toBe(after.id);
    expect((await holderOf(other))?.id).toBe(other.tenureId);
    expect((await one<{ n: number }>("select count(*) as n from people where mobile in ('+919876900008', '+919876900009')")).n).toBe(0);
    expect((await one<{ a: string | null }>("select applied_at as a from imports where id = ?", id)).a).toBeNull();
  });
});

describe("vacateSeat: the loser of a race is told what happened", () => {
  const vacate = (s: Seat) => ({ tenureId: s.tenureId, endDate: "2026-11-20", reason: null });
  const vacates = async (tenureId: number) =>
    (await one<{ n: number }>("select count(*) as n from audit_log where action = 'tenure.vacate' and target_id = ?", tenureId)).n;

  it("two editors vacate the same seat at once: one vacates it, the other is told it is vacant now", async () => {
    const s = await filledBoothSeat(9);
    const results = await Promise.all([roster.vacateSeat(await editor(), vacate(s)), roster.vacateSeat(await editor(), vacate(s))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, code: "conflict", current: null });
    expect(await vacates(s.tenureId)).toBe(1);
    expect(await holderOf(s)).toBeUndefined();
  });

  it("a vacate after someone else's replacement is told who holds the seat now, and ends nobody", async () => {
    const s = await filledBoothSeat(10);
    const replaced = await roster.assignSeat(await editor(), { unitId: s.unitId, postId: s.postId, seat: s.seat, expectedTenureId: s.tenureId, personId: null, startDate: "2026-11-10" }, newPerson("98769 00110"));
    expect(replaced.ok).toBe(true);
    const newHolder = (await holderOf(s))!;
    const late = await roster.vacateSeat(await editor(), vacate(s));
    expect(late).toMatchObject({ ok: false, code: "conflict", current: { tenureId: newHolder.id, personId: newHolder.personId, nameHi: "नया व्यक्ति" } });
    expect((await holderOf(s))?.id).toBe(newHolder.id);
    expect(await vacates(s.tenureId)).toBe(0);
  });

  it("before asking to confirm a vacate, a seat changed since the page was opened is told at once (and nothing is written)", async () => {
    const s = await filledBoothSeat(11);
    expect(await roster.checkVacate(await editor(), vacate(s))).toEqual({ ok: true, data: { unitId: s.unitId } });
    expect(await roster.vacateSeat(await editor(), vacate(s))).toMatchObject({ ok: true });
    expect(await roster.checkVacate(await editor(), vacate(s))).toEqual({ ok: false, code: "conflict", current: null });
    expect(await vacates(s.tenureId)).toBe(1);
  });

  it("the check before confirming keeps the vacate's own refusals: an end before the start, a seat outside the grant", async () => {
    const s = await filledBoothSeat(12);
    expect(await roster.checkVacate(await editor(), { ...vacate(s), endDate: "2001-01-01" })).toEqual({ ok: false, code: "invalid", fields: { endDate: ["before_start"] } });
    const outsider = await viewerByLogin("+919000000010");
    await expect(roster.checkVacate(outsider, vacate(s))).rejects.toThrow(/denied/);
    expect(await holderOf(s)).toMatchObject({ id: s.tenureId });
  });
});
