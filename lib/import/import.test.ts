import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { statement } from "@/db";
import type { Viewer } from "@/lib/auth/session";
import { withTestDatabase } from "@/lib/testing/demo-db";
import { viewerByLogin } from "@/lib/auth/viewer-by-login";
import * as plan from "./plan";
import * as apply from "./apply";
import { parseSheet, type SheetRecord } from "./parse";

withTestDatabase();

const HEADER = "प्रदेश,जिला,विधानसभा,मंडल,शक्ति केंद्र,बूथ,कोड,विभाग/मोर्चा,पद,सीट,नाम (हिंदी),नाम (अंग्रेज़ी),मोबाइल,व्हाट्सएप,कब से";
const enc = (s: string) => new TextEncoder().encode(s);

const viewer = (login: string): Promise<Viewer> => viewerByLogin(login);
// The units these tests name; no test changes them, so they are read once.
let theMandal: { id: number; path: string; level: "mandal" };
let theBooth: { booth: string; code: string; sk: string };
beforeAll(async () => {
  theMandal = (await statement<[], typeof theMandal>("select id, path, level from units where name_hi = 'मखदुमपुर दक्षिणी मंडल'").get())!;
  theBooth = (await statement<[], typeof theBooth>(
    "select b.name_hi as booth, b.code, sk.name_hi as sk from units b join units sk on sk.id = b.parent_id where sk.parent_id = (select id from units where name_hi = 'मखदुमपुर दक्षिणी मंडल') order by b.id limit 1",
  ).get())!;
});
const mandal = () => theMandal;
const firstBooth = () => theBooth;

function record(over: Partial<SheetRecord> & { levels?: SheetRecord["levels"] }): SheetRecord {
  const b = firstBooth();
  return {
    line: 2,
    levels: { state: "बिहार", district: "जहानाबाद", assembly: "मखदुमपुर", mandal: "मखदुमपुर दक्षिणी मंडल", shakti_kendra: b.sk, booth: b.booth },
    code: b.code,
    body: "संगठन",
    post: "सदस्य",
    seat: "10",
    nameHi: "नया सदस्य",
    nameEn: "Naya Sadasya",
    mobile: "98767 00001",
    whatsapp: "",
    since: "2026-11-01",
    ...over,
  };
}

describe("parsing a sheet", () => {
  it("reads a UTF-8 CSV with a byte-order mark, Hindi headers and the export's formula guard", async () => {
    const r = await parseSheet("a.csv", enc(`\uFEFF${HEADER}\r\nबिहार,जहानाबाद,,,,,,संगठन,अध्यक्ष,1,'=नाम,Name,98765 43210,,\r\n`));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.records[0]).toMatchObject({ line: 2, nameHi: "=नाम", post: "अध्यक्ष", levels: { state: "बिहार", district: "जहानाबाद" } });
  });

  it("refuses a Windows-1252 CSV, binary, an empty sheet and wrong columns with a reason", async () => {
    expect(await parseSheet("a.csv", new Uint8Array([0x4e, 0x61, 0x6d, 0x65, 0x0d, 0x0a, 0xe9, 0x74, 0xe9]))).toEqual({ ok: false, error: "not_utf8" });
    expect(await parseSheet("a.csv", new Uint8Array([0x00, 0x01, 0x02, 0xff]))).toEqual({ ok: false, error: "binary" });
    expect(await parseSheet("a.csv", enc(""))).toEqual({ ok: false, error: "empty" });
    expect(await parseSheet("a.csv", enc(`${HEADER}\r\n`))).toEqual({ ok: false, error: "empty" });
    const wrong = await parseSheet("a.csv", enc("name,phone\r\nA,98765 43210\r\n"));
    expect(wrong).toMatchObject({ ok: false, error: "missing_columns" });
    expect(await parseSheet("a.xlsx", enc("not a zip"))).toEqual({ ok: false, error: "unreadable" });
  });

  it("reads an .xlsx", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("x");
    ws.addRow(HEADER.split(","));
    ws.addRow(["बिहार", "जहानाबाद", "", "", "", "", "", "संगठन", "अध्यक्ष", 1, "नाम", "Name", "98765 43210", "", ""]);
    const buf = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await parseSheet("a.xlsx", buf);
    expect(r).toMatchObject({ ok: true, records: [{ seat: "1", mobile: "98765 43210" }] });
  });
});

describe("the row matcher", () => {
  const fate = async (rec: SheetRecord, login = "+919000000003") => (await plan.planImport(await viewer(login), mandal() as never, [rec]))[0].fate;

  it("a vacant seat with a new number: new tenure, new person", async () => {
    expect(await fate(record({}))).toEqual({ kind: "new_tenure", newPerson: true });
  });

  it("an existing person matched by mobile, and rows that leave the levels above the mandal blank", async () => {
    const b = firstBooth();
    const rec = record({ levels: { shakti_kendra: b.sk, booth: b.booth }, mobile: "9000000010" });
    expect(await fate(rec)).toEqual({ kind: "new_tenure", newPerson: false });
  });

  it("names the holder it replaces", async () => {
    const held = await statement<[string, string], { n: string; seat: number }>(
      `select p.name_hi as n, t.seat from tenures t join people p on p.id = t.person_id join posts po on po.id = t.post_id
       join units b on b.id = t.unit_id where b.name_hi = ? and b.code = ? and po.title_key = 'president' and t.end_date is null`,
    ).get(firstBooth().booth, firstBooth().code);
    const f = await fate(record({ post: "अध्यक्ष", seat: "1" }));
    if (held) expect(f).toMatchObject({ kind: "replaces", holder: { nameHi: held.n } });
    else expect(f).toEqual({ kind: "new_tenure", newPerson: true });
  });

  it.each([
    [{ mobile: "12345" }, "mobile_invalid"],
    [{ nameHi: "Latin only" }, "name_hi_invalid"],
    [{ post: "महामंत्री" }, "post_not_at_level"],
    [{ post: "राजा" }, "unknown_post"],
    [{ seat: "11" }, "seat_invalid"],
    [{ since: "31-02-2026" }, "date_invalid"],
  ])("%j → %s", async (over, error) => {
    const f = await fate(record(over as Partial<SheetRecord>));
    expect(f.kind).toBe("error");
    if (f.kind === "error") expect(f.errors).toContain(error);
  });

  it("an unknown path and a West Champaran unit get the same answer (nothing outside the scope is confirmed)", async () => {
    expect(await fate(record({ levels: { state: "बिहार", district: "जहानाबाद", assembly: "मखदुमपुर", mandal: "मखदुमपुर दक्षिणी मंडल", shakti_kendra: "कोई नहीं" } }))).toMatchObject({ errors: ["unknown_unit"] });
    const wc = (await statement<[], { d: string; a: string; m: string }>(
      `select d.name_hi as d, a.name_hi as a, m.name_hi as m from units m join units a on a.id = m.parent_id join units d on d.id = a.parent_id
       where d.name_hi = 'पश्चिमी चंपारण' and m.level = 'mandal' order by m.id limit 1`,
    ).get())!;
    const f = await fate(record({ levels: { state: "बिहार", district: wc.d, assembly: wc.a, mandal: wc.m }, post: "अध्यक्ष", seat: "1", code: "" }));
    expect(f).toMatchObject({ kind: "error", errors: ["unknown_unit"] });
  });

  it("the IT-cell-only editor may import IT cell rows but not organisation rows", async () => {
    expect(await fate(record({}), "+919000000002")).toMatchObject({ kind: "error", errors: ["outside_grant"] });
  });

  it("two rows for one seat: the second is an error", async () => {
    const rows = await plan.planImport(await viewer("+919000000003"), mandal() as never, [record({ line: 2 }), record({ line: 3, mobile: "98767 00002" })]);
    expect(rows[1].fate).toMatchObject({ kind: "error", errors: ["duplicate_seat"] });
  });
});

describe("applying", () => {
  // Seat 9, not the matcher's seat 10: the seat these writes fill stays apart from the row matcher's tests.
  it("writes valid rows in one transaction with audit entries; the same file again changes nothing", async () => {
    const v = await viewer("+919000000003");
    const unit = mandal();
    const records = [record({ line: 2, seat: "9", mobile: "98767 00011" }), record({ line: 3, seat: "9", mobile: "bad" })];
    const id1 = await apply.saveImport(v, unit as never, "a.csv", records);
    const first = await apply.applyImport(v, id1);
    expect(first).toMatchObject({ ok: true, written: 1, summary: { errors: 1, newTenures: 1 } });
    expect(await apply.applyImport(v, id1)).toEqual({ ok: false, code: "already_applied" });
    const id2 = await apply.saveImport(v, unit as never, "a.csv", records);
    expect(await apply.applyImport(v, id2)).toMatchObject({ ok: true, written: 0, summary: { unchanged: 1, errors: 1 } });
    const audit = (await statement<[], { n: number }>("select count(*) as n from audit_log where action = 'import.apply'").get())!;
    expect(audit.n).toBe(2);
    // Each written row names its import (a unit's recent changes count an import's rows inside it).
    const rows = await statement<[], { importId: number }>(
      (d) => `select cast(${d.jsonText("after", "importId")} as integer) as "importId" from audit_log where ${d.jsonText("after", "via")} = 'import' and action like 'tenure.%'`,
    ).all();
    expect(rows).toEqual([{ importId: id1 }]);
  });

  // Seat 8: vacant in the demo, and no other test here fills it.
  it("an old sheet's blank row for a seat filled since is left as is: no error, nothing written, the holder stays", async () => {
    const v = await viewer("+919000000003");
    const unit = mandal();
    const vacancy = record({ line: 2, seat: "8", nameHi: "", nameEn: "", mobile: "", since: "" });
    expect((await plan.planImport(v, unit as never, [vacancy]))[0].fate).toEqual({ kind: "blank" });

    const fill = await apply.saveImport(v, unit as never, "fill.csv", [record({ seat: "8", mobile: "98767 00031" })]);
    expect(await apply.applyImport(v, fill)).toMatchObject({ ok: true, written: 1 });
    const holder = statement<[string], { tenureId: number }>(
      `select t.id as "tenureId" from tenures t join people p on p.id = t.person_id where p.mobile = ? and t.seat = 8 and t.end_date is null`,
    );
    const filled = (await holder.get("+919876700031"))!;
    expect(filled).toBeDefined();

    const [planned] = await plan.planImport(v, unit as never, [vacancy]);
    expect(planned.fate).toEqual({ kind: "unchanged", leftAsIs: true });
    const old = await apply.saveImport(v, unit as never, "old.csv", [vacancy]);
    expect(await apply.applyImport(v, old)).toMatchObject({ ok: true, written: 0, summary: { unchanged: 1, blank: 0, errors: 0 } });
    expect(await holder.get("+919876700031")).toEqual(filled);
  });

  it("another account's upload is not found", async () => {
    const id = await apply.saveImport(await viewer("+919000000003"), mandal() as never, "a.csv", [record({ seat: "9", mobile: "98767 00021" })]);
    expect(await apply.applyImport(await viewer("+919000000001"), id)).toEqual({ ok: false, code: "not_found" });
  });
});

// Zip bombs and archives that lie about their sizes: zip-guard.test.ts.
