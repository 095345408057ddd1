import { describe, expect, it } from "vitest";
import { statement } from "@/db";
import { withTestDatabase } from "@/lib/testing/demo-db";
import { viewerByLogin } from "@/lib/auth/viewer-by-login";
import * as plan from "./plan";
import type { SheetRecord } from "./parse";

/**
 * Issue 10, fault 5: an import row naming a unit outside the editor's scope (by its path and code)
 * must not reveal that unit: the same error as a made-up path, and its name nowhere in the result.
 */
withTestDatabase();

const theMandal = async () =>
  (await statement<[], { id: number; path: string; level: "mandal" }>("select id, path, level from units where name_hi = 'मखदुमपुर दक्षिणी मंडल'").get())!;

const row = (levels: SheetRecord["levels"], code: string, line = 2): SheetRecord => ({
  line,
  levels,
  code,
  body: "संगठन",
  post: "अध्यक्ष",
  seat: "1",
  nameHi: "नया अध्यक्ष",
  nameEn: "Naya Adhyaksh",
  mobile: "98767 00091",
  whatsapp: "",
  since: "2026-11-01",
});

describe("an import row naming a unit outside the editor's scope", () => {
  it("gets the made-up path's error, and the foreign unit's name appears nowhere in the preview", async () => {
    const viewer = await viewerByLogin("+919000000003");
    const mandal = await theMandal();
    // A West Champaran booth, named by its real path above it and its real code, with a guessed booth name.
    const wc = (await statement<[], { booth: string; boothEn: string; code: string; sk: string; m: string; a: string; d: string }>(
      `select b.name_hi as booth, b.name_en as "boothEn", b.code, sk.name_hi as sk, m.name_hi as m, a.name_hi as a, d.name_hi as d
       from units b join units sk on sk.id = b.parent_id join units m on m.id = sk.parent_id
       join units a on a.id = m.parent_id join units d on d.id = a.parent_id
       where d.name_hi = 'पश्चिमी चंपारण' and b.level = 'booth' and b.code is not null order by b.id limit 1`,
    ).get())!;
    const foreign = row({ state: "बिहार", district: wc.d, assembly: wc.a, mandal: wc.m, shakti_kendra: wc.sk, booth: "कोई बूथ" }, wc.code, 2);
    const madeUp = row({ state: "बिहार", district: "जहानाबाद", assembly: "मखदुमपुर", mandal: "मखदुमपुर दक्षिणी मंडल", shakti_kendra: "कोई नहीं", booth: "कोई बूथ" }, "999", 3);
    const [a, b] = await plan.planImport(viewer, mandal, [foreign, madeUp]);
    expect(a.fate).toEqual({ kind: "error", errors: ["unknown_unit"] });
    expect(a.fate).toEqual(b.fate);
    expect(a.unit).toBeUndefined();
    const json = JSON.stringify(a);
    expect(json).not.toContain(wc.booth);
    expect(json).not.toContain(wc.boothEn);
  });
});

describe("a misspelt place inside the editor's unit", () => {
  it("gets the nearest name as a suggestion, only from inside the imported unit", async () => {
    const viewer = await viewerByLogin("+919000000003");
    const mandal = await theMandal();
    const sk = (await statement<[], { nameHi: string }>(
      "select sk.name_hi as \"nameHi\" from units sk join units m on m.id = sk.parent_id where m.name_hi = 'मखदुमपुर दक्षिणी मंडल' and sk.level = 'shakti_kendra' order by sk.id limit 1",
    ).get())!;
    // One letter dropped from the shakti kendra's name.
    const typo = [...sk.nameHi].filter((_, i) => i !== 1).join("");
    const [planned] = await plan.planImport(viewer, mandal, [row({ mandal: "मखदुमपुर दक्षिणी मंडल", shakti_kendra: typo }, "")]);
    expect(planned.fate).toEqual({ kind: "error", errors: ["unknown_unit"] });
    expect(planned.suggestion?.nameHi).toBe(sk.nameHi);

    // Nothing close: no suggestion (and never a name from elsewhere).
    const [far] = await plan.planImport(viewer, mandal, [row({ mandal: "मखदुमपुर दक्षिणी मंडल", shakti_kendra: "बिल्कुल अलग नाम वाला केंद्र" }, "")]);
    expect(far.suggestion).toBeUndefined();
  });
});

