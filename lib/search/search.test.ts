import { describe, expect, it } from "vitest";
import { statement } from "@/db";
import type { Viewer } from "@/lib/auth/session";
import { withTestDatabase } from "@/lib/testing/demo-db";
import { viewerByLogin } from "@/lib/auth/viewer-by-login";
import * as s from "./search";

// On both engines (vitest.config.ts BOTH_ENGINES): the spelling table below must hold on each.
withTestDatabase();

const viewer = (login: string): Promise<Viewer> => viewerByLogin(login);
const state = () => viewer("+919000000009");
const peopleFound = async (q: string, v?: Viewer) => (await s.search(v ?? (await state()), q)).people.map((p) => p.nameHi);
const unitsFound = async (q: string, v?: Viewer) => (await s.search(v ?? (await state()), q)).units.map((u) => u.nameHi);

describe("what a query must find", () => {
  it.each([
    ["vikas roshan", "विकास कुमार रौशन"],
    ["vikas raushan", "विकास कुमार रौशन"],
    ["विकास", "विकास कुमार रौशन"],
    ["ajeet choudhary", "अजीत चौधरी"],
    ["ajit chaudhari", "अजीत चौधरी"],
    ["अजित", "अजीत चौधरी"],
    ["dharmendra chouhan", "धर्मेंद्र चौहान"],
    ["ritesh", "रितेश रंजन"],
    ["suresh sarma", "सुरेश कुमार शर्मा"],
    ["kumaar rani", "रानी कुमारी"],
  ])("%s → %s", async (q, name) => {
    expect(await peopleFound(q)).toContain(name);
  });

  it("sanjay → both संजय कुमार", async () => {
    const found = (await s.search(await state(), "sanjay")).people;
    expect(found.map((p) => p.nameHi)).toEqual(expect.arrayContaining(["संजय कुमार", "संजय कुमार द्विवेदी"]));
    // The exact name ranks before the longer one.
    expect(found.findIndex((p) => p.nameHi === "संजय कुमार")).toBeLessThan(found.findIndex((p) => p.nameHi === "संजय कुमार द्विवेदी"));
  });

  it("five digits of a demo mobile → its owner", async () => {
    expect(await peopleFound("00011")).toContain("संजय कुमार द्विवेदी");
    expect(await peopleFound("90000 00007")).toEqual(["धर्मेंद्र चौहान"]);
  });

  it("digits that end a number rank it first, also beside a number without WhatsApp (NULL, sorted last)", async () => {
    const state = (await statement<[], { id: number }>("select id from units where level = 'state'").get())!.id;
    const add = statement("insert into people (name_hi, name_en, mobile, whatsapp, home_unit_id) values (?, ?, ?, null, ?)");
    await add.run("मध्य अंक", "Madhya Ank", "+919555012345", state);
    await add.run("अंत अंक", "Ant Ank", "+919876555501", state);
    expect(await peopleFound("55501")).toEqual(["अंत अंक", "मध्य अंक"]);
  });

  it("a West Champaran booth by its number and by a Hindi word of its name", async () => {
    // The highest-numbered one (past 300), chosen in JS: PostgreSQL may cast a code before the level test excludes the state's "BR".
    const booths = await statement<[], { nameHi: string; code: string }>(
      "select b.name_hi as \"nameHi\", b.code from units b join units d on b.path like d.path || '%' where d.name_hi = 'पश्चिमी चंपारण' and b.level = 'booth' and b.code is not null",
    ).all();
    const booth = booths.filter((b) => Number(b.code) > 300).sort((a, b) => Number(b.code) - Number(a.code))[0];
    expect((await s.search(await state(), booth.code, { level: "booth" })).units.map((u) => u.nameHi)).toContain(booth.nameHi);
    expect(await unitsFound("ठाढ़ी")).toContain("उत्क्रमित मध्य विद्यालय, ठाढ़ी");
  });

  it("makhdumpur dakshini → the mandal", async () => {
    expect((await unitsFound("makhdumpur dakshini"))[0]).toBe("मखदुमपुर दक्षिणी मंडल");
    expect((await unitsFound("मखदुमपुर दक्षिणी"))[0]).toBe("मखदुमपुर दक्षिणी मंडल");
  });

  it("post titles: 'it cell sanyojak' finds the IT cell convenor posts", async () => {
    const posts = (await s.search(await state(), "आईटी सेल संयोजक")).posts;
    expect(posts.map((p) => `${p.bodyHi} ${p.titleHi}`)).toContain("आईटी सेल संयोजक");
  });

  it.each([
    ["makhdumpur dakshini it sanyojak", "संजय कुमार"],
    ["मखदुमपुर दक्षिणी आईटी", "संजय कुमार"],
    ["makhdumpur dakshini aiti sanyojak", "संजय कुमार"],
  ])("place + wing + post: %s → its holder %s first", async (q, name) => {
    const first = (await s.search(await viewer("+919000000001"), q)).people[0];
    expect(first?.nameHi).toBe(name);
    expect(first?.posts[0]).toMatchObject({ bodyHi: "आईटी सेल", unitHi: "मखदुमपुर दक्षिणी मंडल" });
  });

  it("makhdumpur it → the IT cell office-bearers of the Makhdumpur units, Makhdumpur South's convenor among them", async () => {
    const found = (await s.search(await viewer("+919000000001"), "makhdumpur it")).people;
    expect(found.map((p) => p.nameHi)).toContain("संजय कुमार");
    for (const p of found.slice(0, 3)) expect(p.posts[0].bodyHi).toBe("आईटी सेल");
  });

  it("a person's name does not list posts that merely sound like it (sanjay ≠ संयोजक)", async () => {
    expect((await s.search(await state(), "sanjay")).posts).toEqual([]);
    expect((await s.search(await state(), "sanyojak")).posts.length).toBeGreaterThan(0);
  });

  it("too short a query says so instead of scanning", async () => {
    expect((await s.search(await state(), "a")).tooShort).toBe(true);
    expect((await s.search(await state(), "  ")).tooShort).toBe(true);
  });
});

describe("scope", () => {
  it("never shows the mandal editor a person whose posts and home all lie outside his grants", async () => {
    const v = await viewer("+919000000003");
    const inScope = async (personId: number) => {
      const ok = await statement(
        `select 1 from people p left join units h on h.id = p.home_unit_id where p.id = ? and (h.path like ? || '%'
           or exists (select 1 from tenures t join units u on u.id = t.unit_id where t.person_id = ? and u.path like ? || '%'))`,
      ).get(personId, v.grants[0].unitPath, personId, v.grants[0].unitPath);
      return !!ok;
    };
    for (const q of ["kumar", "singh", "यादव", "sanjay", "vikas", "suresh", "9000", "00001", "devi", "prasad"]) {
      for (const p of (await s.search(v, q, {}, 100)).people) expect(await inScope(p.id), `${q} → ${p.nameHi}`).toBe(true);
    }
    expect(await peopleFound("vikas roshan", v)).toEqual([]);
    expect(await unitsFound("ठाढ़ी", v)).toEqual([]);
  });
});
