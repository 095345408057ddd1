import { describe, expect, it } from "vitest";
import { statement } from "@/db";
import { LEVELS, levelDepth, type Level } from "@/lib/tree";
import { withTestDatabase } from "@/lib/testing/demo-db";
import * as rules from "./rules";

withTestDatabase();

const all = <T>(sql: string, ...params: unknown[]) => statement<unknown[], T>(sql).all(...params);
const one = async <T>(sql: string, ...params: unknown[]) => (await statement<unknown[], T>(sql).get(...params))!;

type UnitRow = { id: number; parentId: number | null; level: Level; path: string };

/**
 * The invite list by walking the tree from the unit through parent links (no paths, no ranges):
 * holders of the chosen posts at the unit and every unit below; and people living below the unit
 * who hold a post at a higher level than the unit's.
 */
async function bruteForce(unitId: number, posts: number[], residents: boolean): Promise<Set<number>> {
  const units = await all<UnitRow>("select id, parent_id as \"parentId\", level, path from units");
  const children = new Map<number, UnitRow[]>();
  for (const u of units) if (u.parentId !== null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const inside = new Set<number>();
  const stack = [unitId];
  while (stack.length) {
    const id = stack.pop()!;
    inside.add(id);
    for (const c of children.get(id) ?? []) stack.push(c.id);
  }
  const people = new Set<number>();
  const tenures = await all<{ personId: number; unitId: number; postId: number }>(
    "select person_id as \"personId\", unit_id as \"unitId\", post_id as \"postId\" from tenures where end_date is null",
  );
  const chosen = new Set(posts);
  for (const ten of tenures) if (chosen.has(ten.postId) && inside.has(ten.unitId)) people.add(ten.personId);
  if (residents) {
    const unit = units.find((u) => u.id === unitId)!;
    const level = new Map(units.map((u) => [u.id, u.level]));
    const homes = await all<{ id: number; home: number }>("select id, home_unit_id as home from people where home_unit_id is not null");
    const livesInside = new Set(homes.filter((h) => inside.has(h.home)).map((h) => h.id));
    for (const ten of tenures) {
      if (livesInside.has(ten.personId) && levelDepth(level.get(ten.unitId)!) < levelDepth(unit.level)) people.add(ten.personId);
    }
  }
  return people;
}

const unitByName = (nameHi: string) => one<{ id: number; level: Level; path: string }>("select id, level, path from units where name_hi = ?", nameHi);
const postIds = async (level: Level, body: string, title?: string) =>
  (
    await all<{ id: number }>(
      "select p.id from posts p join bodies b on b.id = p.body_id where p.level = ? and b.key = ? and (cast(? as text) is null or p.title_key = ?) order by p.id",
      level,
      body,
      title ?? null,
      title ?? null,
    )
  ).map((r) => r.id);

describe("invite rules", () => {
  it("find every shakti kendra's IT cell convenor and the higher office-bearers living in the mandal, as a walk of the tree does", async () => {
    const mandal = await unitByName("मखदुमपुर दक्षिणी मंडल");
    const posts = await postIds("shakti_kendra", "it_cell", "convenor");
    const out = await rules.expandInviteRules(mandal, { posts, residents: true });
    const expected = await bruteForce(mandal.id, posts, true);
    expect(new Set(out.invitees.map((i) => i.personId))).toEqual(expected);
    expect(out.invitees.length).toBe(expected.size);
    // The report's district office-bearers who live in the mandal are among them.
    const names = out.invitees.map((i) => i.nameHi);
    expect(names).toEqual(expect.arrayContaining(["धर्मेंद्र चौहान", "रितेश रंजन"]));
    const dharmendra = out.invitees.find((i) => i.nameHi === "धर्मेंद्र चौहान")!;
    expect(dharmendra.postHi).toBe("जिला महामंत्री");
    expect(dharmendra.reason).toBe("resident");
    // Counts: holders and seats of the post across the mandal's shakti kendras.
    const sks = (await one<{ n: number }>("select count(*) as n from units where parent_id = ? and level = 'shakti_kendra'", mandal.id)).n;
    expect(out.perPost[0].seats).toBe(sks);
    expect(out.perPost[0].holders).toBe(out.invitees.filter((i) => i.reason === "post").length);
  });

  it("agree with the walk for several units, levels and post sets", async () => {
    const cases: Array<[string, number[], boolean]> = [
      ["मखदुमपुर", [...await postIds("mandal", "sangathan"), ...await postIds("booth", "sangathan", "president")], true],
      ["मखदुमपुर", await postIds("assembly", "it_cell"), false],
      ["जहानाबाद", [...await postIds("district", "it_cell"), ...await postIds("shakti_kendra", "it_cell", "convenor"), ...await postIds("mandal", "yuva")], true],
      ["मखदुमपुर उत्तरी मंडल", (await Promise.all(LEVELS.slice(3).map((l) => postIds(l, "sangathan")))).flat(), true],
    ];
    for (const [name, posts, residents] of cases) {
      const unit = await unitByName(name);
      const out = await rules.expandInviteRules(unit, { posts, residents });
      expect(new Set(out.invitees.map((i) => i.personId)), name).toEqual(await bruteForce(unit.id, posts, residents));
    }
  });

  it("ignore posts above the meeting's unit (a mandal meeting cannot invite by a district post)", async () => {
    const mandal = await unitByName("मखदुमपुर दक्षिणी मंडल");
    const out = await rules.expandInviteRules(mandal, { posts: await postIds("district", "sangathan", "president"), residents: false });
    expect(out.invitees).toEqual([]);
    expect(out.perPost).toEqual([]);
  });

  it("name one person's several posts once, joined as the report does", async () => {
    const ac = await unitByName("मखदुमपुर");
    const out = await rules.expandInviteRules(ac, { posts: [...await postIds("assembly", "sangathan", "in_charge")], residents: true });
    const ajit = out.invitees.filter((i) => i.nameHi === "अजीत चौधरी");
    expect(ajit).toHaveLength(1);
    expect(ajit[0].postHi).toBe("विधानसभा प्रभारी सह प्रदेश अनुसूचित जाति मोर्चा अध्यक्ष");
    expect(ajit[0].postEn).toBe("assembly in-charge and state SC Morcha president");
  });
});
