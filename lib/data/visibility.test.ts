import { describe, expect, it } from "vitest";
import { statement } from "@/db";
import type { Viewer } from "@/lib/auth/session";
import { withTestDatabase } from "@/lib/testing/demo-db";
import { viewerByLogin } from "@/lib/auth/viewer-by-login";
import * as catalogue from "./catalogue";
import * as manage from "./manage";
import * as people from "./people";
import * as seats from "./seats";
import * as units from "./units";

// The data functions run against a real seeded database (SQLite, and PostgreSQL in the postgres project), as each demo account.
withTestDatabase();

const viewerFor = (login: string): Promise<Viewer> => viewerByLogin(login);

const noGrants: Viewer = { accountId: 999, personId: null, name: "nobody", grants: [] };
const idOf = async (sql: string, nameHi: string) => (await statement<[string], { id: number }>(sql).get(nameHi))!.id;
const unitId = (nameHi: string) => idOf("select id from units where name_hi = ? order by id limit 1", nameHi);
const personId = (nameHi: string) => idOf("select id from people where name_hi = ? order by id limit 1", nameHi);

describe("unit pages", () => {
  it("shows the mandal editor his mandal, with contacts", async () => {
    const page = (await units.getUnitPage(await viewerFor("+919000000003"), await unitId("मखदुमपुर दक्षिणी मंडल")))!;
    expect(page.visibility).toBe("full");
    const holders = page.bodies.flatMap((b) => b.seats.map((s) => s.holder?.nameHi));
    expect(holders).toContain("संजय कुमार");
    expect(holders).toContain("संजय कुमार द्विवेदी");
    expect(page.bodies.flatMap((b) => b.seats).find((s) => s.holder?.nameHi === "संजय कुमार")?.holder?.mobile).toBe("+919000000003");
  });

  it("shows the district above him by name and post only", async () => {
    const page = (await units.getUnitPage(await viewerFor("+919000000003"), await unitId("जहानाबाद")))!;
    expect(page.visibility).toBe("above");
    const seats = page.bodies.flatMap((b) => b.seats).filter((s) => s.holder);
    expect(seats.length).toBeGreaterThan(0);
    expect(seats.every((s) => s.holder!.mobile === null && s.holder!.whatsapp === null)).toBe(true);
    // Only the way down to his grant: one AC of Jehanabad's three.
    expect(page.children.map((c) => c.nameHi)).toEqual(["मखदुमपुर"]);
  });

  it("shows nothing of West Champaran to the mandal editor, or anything to an account without grants", async () => {
    const westChamparan = await unitId("पश्चिमी चंपारण");
    expect(await units.getUnitPage(await viewerFor("+919000000003"), westChamparan)).toBeNull();
    expect(await units.getUnitPage(await viewerFor("+919000000001"), westChamparan)).toBeNull();
    expect((await units.getUnitPage(await viewerFor("+919000000009"), westChamparan))?.visibility).toBe("full");
    expect(await units.getUnitPage(noGrants, await unitId("बिहार"))).toBeNull();
  });

  it("counts filled posts and booths below each child", async () => {
    const page = (await units.getUnitPage(await viewerFor("+919000000001"), await unitId("मखदुमपुर दक्षिणी मंडल")))!;
    const booths = (await statement<[], { n: number }>(
      "select count(*) as n from units b join units m on b.path like m.path || '%' where m.name_hi = 'मखदुमपुर दक्षिणी मंडल' and b.level = 'booth'",
    ).get())!;
    expect(page.children.reduce((n, c) => n + (c.booths ?? 0), 0)).toBe(booths.n);
    for (const child of page.children) expect(child.filled).toBeLessThanOrEqual(child.total);
  });
});

describe("person pages", () => {
  it("shows both of Ajit Chaudhary's posts to the district admin", async () => {
    const page = (await people.getPersonPage(await viewerFor("+919000000001"), await personId("अजीत चौधरी")))!;
    expect(page.visibility).toBe("full");
    expect(page.current.map((c) => c.unitHi).sort()).toEqual(["बिहार", "मखदुमपुर"]);
  });

  it("shows a state office-bearer to the mandal editor without contacts", async () => {
    const page = (await people.getPersonPage(await viewerFor("+919000000003"), await personId("रानी कुमारी")))!;
    expect(page.visibility).toBe("above");
    expect(page.person.mobile).toBeNull();
  });

  it("shows nothing of a West Champaran office-bearer to the mandal editor", async () => {
    const wc = (await statement<[], { id: number }>(
      "select t.person_id as id from tenures t join units u on u.id = t.unit_id join units d on u.path like d.path || '%' where d.name_hi = 'पश्चिमी चंपारण' and u.level = 'booth' order by t.id limit 1",
    ).get())!;
    expect(await people.getPersonPage(await viewerFor("+919000000003"), wc.id)).toBeNull();
    expect(await people.getPersonPage(noGrants, wc.id)).toBeNull();
  });

  it("keeps history: Abhay Bharti's earlier mandal post, with its end date", async () => {
    const page = (await people.getPersonPage(await viewerFor("+919000000004"), await personId("अभय भारती")))!;
    expect(page.past).toHaveLength(1);
    expect(page.past[0].endDate).toBe("2023-09-19");
  });
});

describe("the other reads of a unit, a seat and a person", () => {
  it("lists the mandal editor's grant with its ancestors, state first", async () => {
    const [listed, ...rest] = await units.listGrantUnits(await viewerFor("+919000000003"));
    expect(rest).toEqual([]);
    expect(listed.unit.nameHi).toBe("मखदुमपुर दक्षिणी मंडल");
    expect(listed.ancestors.map((a) => a.nameHi)).toEqual(["बिहार", "जहानाबाद", "मखदुमपुर"]);
  });

  it("lists on a mandal's page the higher office-bearers who live in it, higher levels first", async () => {
    const page = (await units.getUnitPage(await viewerFor("+919000000001"), await unitId("मखदुमपुर दक्षिणी मंडल")))!;
    expect(page.residents.length).toBeGreaterThan(0);
    const depth = (level: string) => ["state", "district", "assembly", "mandal", "shakti_kendra", "booth"].indexOf(level);
    expect(page.residents.every((r) => depth(r.level) < depth("mandal"))).toBe(true);
    const depths = page.residents.map((r) => depth(r.level));
    expect(depths).toEqual([...depths].sort((a, b) => a - b));
  });

  it("opens a seat of the editor's mandal for editing, its homes deepest first; not a seat outside his grant", async () => {
    const seat = (await statement<[], { unitId: number; postId: number; seat: number; personId: number }>(
      `select t.unit_id as "unitId", t.post_id as "postId", t.seat, t.person_id as "personId" from tenures t join units u on u.id = t.unit_id
       join posts p on p.id = t.post_id join bodies b on b.id = p.body_id
       where u.name_hi = 'मखदुमपुर दक्षिणी मंडल' and b.key = 'sangathan' and t.end_date is null order by t.id limit 1`,
    ).get())!;
    const editor = await viewerFor("+919000000003");
    const form = (await seats.getSeatForEdit(editor, seat.unitId, seat.postId, seat.seat))!;
    expect(form.holder?.personId).toBe(seat.personId);
    expect(form.homeChoices.map((u) => u.level)).toEqual(["mandal"]);
    expect(await seats.getSeatForEdit(editor, await unitId("जहानाबाद"), seat.postId, seat.seat)).toBeNull();
  });

  it("gives an admin a shakti kendra's move targets, and a mere editor nothing to manage", async () => {
    const sk = (await statement<[], { id: number; parentId: number }>(
      `select sk.id, sk.parent_id as "parentId" from units sk join units m on m.id = sk.parent_id
       where m.name_hi = 'मखदुमपुर दक्षिणी मंडल' and sk.level = 'shakti_kendra' order by sk.id limit 1`,
    ).get())!;
    const managed = (await manage.getUnitForManage(await viewerFor("+919000000001"), sk.id))!;
    expect(managed.childLevel).toBe("booth");
    expect(managed.moveTargets?.length).toBeGreaterThan(0);
    expect(managed.moveTargets?.some((u) => u.id === sk.parentId)).toBe(false);
    expect(await manage.getUnitForManage(await viewerFor("+919000000003"), sk.id)).toBeNull();
  });

  it("opens a person of the mandal for correction with the homes the editor may choose", async () => {
    const person = (await statement<[], { id: number }>(
      `select t.person_id as id from tenures t join units u on u.id = t.unit_id
       where u.name_hi = 'मखदुमपुर दक्षिणी मंडल' and t.end_date is null order by t.id limit 1`,
    ).get())!;
    const form = (await people.getPersonForEdit(await viewerFor("+919000000003"), person.id))!;
    expect(form.id).toBe(person.id);
    expect(form.homeChoices.map((u) => u.nameHi)).toContain("मखदुमपुर दक्षिणी मंडल");
    expect(form.homeChoices.every((u) => u.level !== "district")).toBe(true);
  });

  it("lists the bodies in their order and each post title once", async () => {
    const bodies = await catalogue.listBodies();
    expect(bodies.length).toBeGreaterThan(1);
    expect(bodies.map((b) => b.nameHi)).toContain("आईटी सेल");
    const titles = await catalogue.listTitles();
    expect(new Set(titles.map((t) => t.key)).size).toBe(titles.length);
    expect(titles.map((t) => t.key)).toContain("president");
  });
});
