import { describe, expect, it } from "vitest";
import { statement } from "@/db";
import type { Viewer } from "@/lib/auth/session";
import { withTestDatabase } from "@/lib/testing/demo-db";
import { viewerByLogin } from "@/lib/testing/viewer-by-login";
import * as units from "./units";
import * as people from "./people";

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
