import { describe, expect, it } from "vitest";
import { statement } from "@/db";
import type { Viewer } from "@/lib/auth/session";
import { withTestDatabase } from "@/lib/testing/demo-db";
import { viewerByLogin } from "@/lib/auth/viewer-by-login";
import * as plan from "./plan";
import * as apply from "./apply";
import type { SheetRecord } from "./parse";

/**
 * Issue 16, item 1: the current holder written again with a corrected mobile (or a corrected
 * spelling) is a correction of that person, not a new person in his place; an uncertain match is
 * held back for a decision. A real database (SQLite, and PostgreSQL in the postgres project), the real seed.
 */
withTestDatabase();

const editor = (): Promise<Viewer> => viewerByLogin("+919000000003");
const one = async <T>(sql: string, ...args: unknown[]) => (await statement<unknown[], T>(sql).get(...args)) as T;
const mandal = () => one<{ id: number; path: string; level: "mandal" }>("select id, path, level from units where name_hi = 'मखदुमपुर दक्षिणी मंडल'");
type Held = { tenureId: number; personId: number; nameHi: string; nameEn: string; mobile: string; body: string; post: string; seat: number; startDate: string };

/** The n-th current holder of a post of the mandal itself, as the editable sheet lists him. */
function held(n: number): Promise<Held> {
  return one<Held>(
    `select t.id as "tenureId", p.id as "personId", p.name_hi as "nameHi", p.name_en as "nameEn", p.mobile, b.name_hi as body, po.title_hi as post, t.seat, t.start_date as "startDate"
     from tenures t join people p on p.id = t.person_id join posts po on po.id = t.post_id join bodies b on b.id = po.body_id
     where t.unit_id = (select id from units where name_hi = 'मखदुमपुर दक्षिणी मंडल') and t.end_date is null order by t.id limit 1 offset ?`,
    n,
  );
}
const row = (h: Held, over: Partial<SheetRecord>): SheetRecord => ({
  line: 2,
  levels: { state: "बिहार", district: "जहानाबाद", assembly: "मखदुमपुर", mandal: "मखदुमपुर दक्षिणी मंडल" },
  code: "",
  body: h.body,
  post: h.post,
  seat: String(h.seat),
  nameHi: h.nameHi,
  nameEn: h.nameEn,
  mobile: h.mobile,
  whatsapp: h.mobile,
  since: h.startDate,
  ...over,
});
const fate = async (r: SheetRecord) => (await plan.planImport(await editor(), await mandal(), [r]))[0].fate;
const person = (id: number) => one<{ nameHi: string; mobile: string; version: number }>("select name_hi as \"nameHi\", mobile, version from people where id = ?", id);
const holderTenure = (tenureId: number) => one<{ endDate: string | null }>("select end_date as \"endDate\" from tenures where id = ?", tenureId);
const sameName = async (nameHi: string) => (await one<{ n: number }>("select count(*) as n from people where name_hi = ?", nameHi)).n;

describe("a corrected row of the current holder", () => {
  it("only the mobile changed: the preview says the mobile will be corrected; apply updates him, audited, nobody is replaced", async () => {
    const h = await held(0);
    const before = await sameName(h.nameHi);
    const r = row(h, { mobile: "98769 11001" });
    expect(await fate(r)).toMatchObject({ kind: "corrects", mobile: true, name: false, holder: { personId: h.personId } });
    const id = await apply.saveImport(await editor(), (await mandal()) as never, "list.csv", [r]);
    expect(await apply.applyImport(await editor(), id)).toMatchObject({ ok: true, written: 1, summary: { corrects: 1, replaces: 0, newTenures: 0 } });
    expect((await person(h.personId)).mobile).toBe("+919876911001");
    expect((await holderTenure(h.tenureId)).endDate).toBeNull();
    expect(await sameName(h.nameHi)).toBe(before);
    const audit = await one<{ before: string; after: string }>("select before, after from audit_log where action = 'person.update' and target_id = ? order by id desc limit 1", h.personId);
    expect(JSON.parse(audit.before)).toMatchObject({ mobile: h.mobile });
    expect(JSON.parse(audit.after)).toMatchObject({ mobile: "+919876911001" });
    // The same sheet again changes nothing.
    const again = await apply.saveImport(await editor(), (await mandal()) as never, "list.csv", [r]);
    expect(await apply.applyImport(await editor(), again)).toMatchObject({ ok: true, written: 0, summary: { unchanged: 1 } });
  });

  it("a changed spelling with the same mobile corrects the name", async () => {
    const h = await held(1);
    const r = row(h, { nameEn: `${h.nameEn}a` });
    expect(await fate(r)).toMatchObject({ kind: "corrects", mobile: false, name: true });
    const id = await apply.saveImport(await editor(), (await mandal()) as never, "list.csv", [r]);
    expect(await apply.applyImport(await editor(), id)).toMatchObject({ ok: true, written: 1 });
    expect((await one<{ nameEn: string }>("select name_en as \"nameEn\" from people where id = ?", h.personId)).nameEn).toBe(`${h.nameEn}a`);
    expect((await holderTenure(h.tenureId)).endDate).toBeNull();
  });

  it("a name a letter away and a new mobile: held back for a decision, and apply writes nothing", async () => {
    const h = await held(2);
    const r = row(h, { nameHi: `${h.nameHi}ा`, nameEn: `${h.nameEn}a`, mobile: "98769 11003", whatsapp: "" });
    expect(await fate(r)).toEqual({ kind: "error", errors: ["needs_decision"] });
    const v = (await person(h.personId)).version;
    const id = await apply.saveImport(await editor(), (await mandal()) as never, "list.csv", [r]);
    expect(await apply.applyImport(await editor(), id)).toMatchObject({ ok: true, written: 0, summary: { decisions: 1 } });
    expect(await person(h.personId)).toMatchObject({ mobile: h.mobile, version: v });
    expect((await holderTenure(h.tenureId)).endDate).toBeNull();
  });

  it("another name and another mobile is still a replacement", async () => {
    const h = await held(3);
    expect(await fate(row(h, { nameHi: "रामधनी यादव", nameEn: "Ramdhani Yadav", mobile: "98769 11004", whatsapp: "", since: "2026-11-01" }))).toMatchObject({ kind: "replaces", newPerson: true });
  });

  it("a corrected mobile that is an outsider's WhatsApp number gets the one generic answer, counted in the preview; nothing is written", async () => {
    const h = await held(4);
    // A West Champaran person whose WhatsApp differs from his mobile: outside the editor's scope.
    const outsider = await one<{ id: number; whatsapp: string }>(
      `select p.id, p.whatsapp from people p join units u on u.id = p.home_unit_id
       where u.path like (select path from units where name_hi = 'पश्चिमी चंपारण') || '%' and p.whatsapp is not null
       and not exists (select 1 from tenures t join units x on x.id = t.unit_id where t.person_id = p.id
                       and x.path not like (select path from units where name_hi = 'पश्चिमी चंपारण') || '%')
       order by p.id limit 1`,
    );
    await statement("update people set mobile = '+919000099977' where id = ?").run(outsider.id);
    const matches = async () => (await one<{ n: number }>("select count(*) as n from audit_log where action = 'person.out_of_scope_match'")).n;
    const seen = await matches();
    const r = row(h, { mobile: outsider.whatsapp.replace(/^\+91/, "") });
    expect((await plan.planImport(await editor(), await mandal(), [r], "preview"))[0].fate).toEqual({ kind: "error", errors: ["number_unusable"] });
    expect(await matches()).toBe(seen + 1);
    const id = await apply.saveImport(await editor(), (await mandal()) as never, "list.csv", [r]);
    expect(await apply.applyImport(await editor(), id)).toMatchObject({ ok: true, written: 0 });
    expect((await person(h.personId)).mobile).toBe(h.mobile);
  });
});
