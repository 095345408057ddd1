/**
 * Every roster and structure write, and every data read, as each demo account and as an account
 * with no grants, on targets inside and outside its scope: allow or deny, against a real seeded
 * database (SQLite, and PostgreSQL). Each write runs inside a transaction that is rolled back, so
 * cases don't interact.
 */
import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import { withTestDatabase } from "@/lib/testing/demo-db";
import * as roster from "@/lib/roster/service";
import * as structure from "@/lib/structure/service";
import * as units from "@/lib/data/units";
import * as people from "@/lib/data/people";
import * as seats from "@/lib/data/seats";
import * as manage from "@/lib/data/manage";
import * as lookup from "@/lib/data/people-lookup";
import * as guard from "@/lib/auth/guard";
import * as db from "@/db";
import { viewerByLogin } from "@/lib/auth/viewer-by-login";

withTestDatabase();

const LOGINS = {
  "01 district admin": "+919000000001",
  "02 IT cell editor": "+919000000002",
  "03 mandal editor": "+919000000003",
  "04 AC viewer": "+919000000004",
  "09 state admin": "+919000000009",
  "10 mandal viewer": "+919000000010",
  "no grants": null,
} as const;
type Who = keyof typeof LOGINS;
const WHO = Object.keys(LOGINS) as Who[];

async function viewer(who: Who): Promise<Viewer> {
  const login = LOGINS[who];
  return login ? viewerByLogin(login) : { accountId: 1, personId: null, name: "nobody", grants: [] };
}

const get = async <T>(sql: string, ...p: unknown[]) => (await db.statement<unknown[], T>(sql).get(...p)) as T;
let mobileCounter = 0;

/** Thrown at the end of an attempt to undo everything it wrote. */
class Undo extends Error {
  constructor(readonly outcome: string) {
    super("undo");
  }
}

/** "allow", "deny" (Denied thrown), or the service's refusal code; the write is rolled back. */
async function attempt(fn: () => Promise<{ ok: boolean; code?: string }>): Promise<string> {
  const undone = await db
    .transaction(async () => {
      let outcome: string;
      try {
        const r = await fn();
        outcome = r.ok ? "allow" : `refused:${r.code}`;
      } catch (e) {
        if (!(e instanceof guard.Denied)) throw e;
        outcome = "deny";
      }
      throw new Undo(outcome);
    })
    .catch((e: unknown) => e);
  if (undone instanceof Undo) return undone.outcome;
  throw undone;
}

async function targets() {
  const skIn = await get<{ id: number; parentId: number }>(
    "select sk.id, sk.parent_id as \"parentId\" from units sk join units m on m.id = sk.parent_id where m.name_hi = 'मखदुमपुर दक्षिणी मंडल' and sk.level = 'shakti_kendra' order by sk.id limit 1",
  );
  const skOut = await get<{ id: number; parentId: number }>(
    "select sk.id, sk.parent_id as \"parentId\" from units sk join units d on sk.path like d.path || '%' where d.name_hi = 'पश्चिमी चंपारण' and sk.level = 'shakti_kendra' order by sk.id limit 1",
  );
  const post = async (body: string, title: string) =>
    (await get<{ id: number }>("select p.id from posts p join bodies b on b.id = p.body_id where p.level = 'shakti_kendra' and b.key = ? and p.title_key = ?", body, title)).id;
  const otherMandalIn = (await get<{ id: number }>("select id from units where name_hi = 'मखदुमपुर उत्तरी मंडल'")).id;
  const otherMandalOut = (await get<{ id: number }>("select id from units where level = 'mandal' and parent_id = (select parent_id from units where id = ?) and id != ? order by id limit 1", skOut.parentId, skOut.parentId)).id;
  const personIn = (await get<{ id: number }>("select id from people where name_hi = 'अजीत कुमार'")).id;
  const personOut = (await get<{ id: number }>(
    "select t.person_id as id from tenures t join units u on u.id = t.unit_id join units d on u.path like d.path || '%' where d.name_hi = 'पश्चिमी चंपारण' and u.level = 'booth' order by t.id limit 1",
  )).id;
  return { skIn, skOut, itConvenor: await post("it_cell", "convenor"), inCharge: await post("sangathan", "in_charge"), otherMandalIn, otherMandalOut, personIn, personOut };
}

async function currentTenure(unitId: number, postId: number) {
  return (await get<{ id: number } | undefined>("select id from tenures where unit_id = ? and post_id = ? and seat = 1 and end_date is null", unitId, postId))?.id ?? null;
}

function assign(who: Who, unitId: number, postId: number) {
  return attempt(async () =>
    roster.assignSeat(
      await viewer(who),
      { unitId, postId, seat: 1, expectedTenureId: await currentTenure(unitId, postId), personId: null, startDate: "2026-11-01" },
      { nameHi: "परीक्षण व्यक्ति", nameEn: "Test Person", mobile: `98765${String(++mobileCounter).padStart(5, "0")}`, whatsapp: "", homeUnitId: null },
    ),
  );
}

async function expectRow(name: string, fn: (who: Who) => Promise<string>, allowed: Who[]) {
  const got: Record<string, string> = {};
  for (const w of WHO) got[w] = await fn(w);
  const want = Object.fromEntries(WHO.map((w) => [w, allowed.includes(w) ? "allow" : "deny"]));
  expect(got, name).toEqual(want);
}

describe("writes", () => {
  it("fill an IT cell post inside Makhdumpur South", async () => {
    const x = await targets();
    await expectRow("it cell in", (w) => assign(w, x.skIn.id, x.itConvenor), ["01 district admin", "02 IT cell editor", "03 mandal editor", "09 state admin"]);
  });

  it("fill an organisation post inside Makhdumpur South: the IT-cell-only editor is denied", async () => {
    const x = await targets();
    await expectRow("organisation in", (w) => assign(w, x.skIn.id, x.inCharge), ["01 district admin", "03 mandal editor", "09 state admin"]);
  });

  it("fill a post in West Champaran", async () => {
    const x = await targets();
    await expectRow("out", (w) => assign(w, x.skOut.id, x.itConvenor), ["09 state admin"]);
  });

  it("vacate a seat inside and outside", async () => {
    const x = await targets();
    const tenureIn = await get<{ id: number }>("select id from tenures where unit_id = ? and end_date is null order by id limit 1", x.skIn.id);
    const held = await get<{ postId: number }>("select p.id as \"postId\" from tenures t join posts p on p.id = t.post_id where t.id = ?", tenureIn.id);
    const orgInside = held.postId !== x.itConvenor;
    await expectRow("vacate in", (w) => attempt(async () => roster.vacateSeat(await viewer(w), { tenureId: tenureIn.id, endDate: "2026-11-20", reason: null })), [
      "01 district admin",
      ...(orgInside ? [] : (["02 IT cell editor"] as Who[])),
      "03 mandal editor",
      "09 state admin",
    ]);
    const tenureOut = (await get<{ id: number } | undefined>(
      "select t.id from tenures t join units u on u.id = t.unit_id join units d on u.path like d.path || '%' where d.name_hi = 'पश्चिमी चंपारण' and t.end_date is null order by t.id limit 1",
    ))!;
    await expectRow("vacate out", (w) => attempt(async () => roster.vacateSeat(await viewer(w), { tenureId: tenureOut.id, endDate: "2026-11-20", reason: null })), ["09 state admin"]);
    await expectRow("vacate forged id", (w) => attempt(async () => roster.vacateSeat(await viewer(w), { tenureId: 99_999_999, endDate: "2026-11-20", reason: null })), []);
  });

  it("correct a person's details inside and outside", async () => {
    const x = await targets();
    const update = async (w: Who, personId: number) => {
      const p = await get<{ version: number; nameHi: string; nameEn: string; mobile: string; homeUnitId: number | null }>(
        "select version, name_hi as \"nameHi\", name_en as \"nameEn\", mobile, home_unit_id as \"homeUnitId\" from people where id = ?",
        personId,
      );
      return attempt(async () => roster.updatePerson(await viewer(w), { personId, version: p.version, nameHi: p.nameHi, nameEn: p.nameEn, mobile: p.mobile, whatsapp: "", homeUnitId: p.homeUnitId }));
    };
    // अजीत कुमार lives in Makhdumpur South and holds no post: editors of his home may correct him.
    await expectRow("person in", (w) => update(w, x.personIn), ["01 district admin", "03 mandal editor", "09 state admin"]);
    await expectRow("person out", (w) => update(w, x.personOut), ["09 state admin"]);
  });

  it("assign someone from outside the grants to a post inside: denied", async () => {
    const x = await targets();
    const r = await attempt(async () =>
      roster.assignSeat(await viewer("03 mandal editor"), { unitId: x.skIn.id, postId: x.itConvenor, seat: 1, expectedTenureId: await currentTenure(x.skIn.id, x.itConvenor), personId: x.personOut, startDate: "2026-11-01" }, null),
    );
    expect(r).toBe("deny");
  });

  it("structure: rename, WhatsApp link, add a child, move", async () => {
    const x = await targets();
    const admins: Who[] = ["01 district admin", "09 state admin"];
    await expectRow("rename in", (w) => attempt(async () => structure.renameUnit(await viewer(w), { unitId: x.skIn.id, nameHi: "नया नाम", nameEn: "New Name", code: null })), admins);
    await expectRow("rename out", (w) => attempt(async () => structure.renameUnit(await viewer(w), { unitId: x.skOut.id, nameHi: "नया नाम", nameEn: "New Name", code: null })), ["09 state admin"]);
    await expectRow("link in", (w) => attempt(async () => structure.setWhatsappLink(await viewer(w), { unitId: x.skIn.id, url: "https://chat.whatsapp.com/AbCdEfGhIj12" })), admins);
    await expectRow("add in", (w) => attempt(async () => structure.addUnit(await viewer(w), { parentId: x.skIn.id, nameHi: "नया बूथ", nameEn: "New Booth", code: "999" })), admins);
    await expectRow("add out", (w) => attempt(async () => structure.addUnit(await viewer(w), { parentId: x.skOut.id, nameHi: "नया बूथ", nameEn: "New Booth", code: "999" })), ["09 state admin"]);
    await expectRow("move in", (w) => attempt(async () => structure.moveUnit(await viewer(w), { unitId: x.skIn.id, newParentId: x.otherMandalIn })), admins);
    // Into another district: only an admin of both places (the state admin) may.
    await expectRow("move across the grant", (w) => attempt(async () => structure.moveUnit(await viewer(w), { unitId: x.skIn.id, newParentId: x.otherMandalOut })), ["09 state admin"]);
  });
});

describe("reads", () => {
  it("unit pages", async () => {
    const x = await targets();
    const read = async (w: Who, id: number) => (await units.getUnitPage(await viewer(w), id) ? "allow" : "deny");
    const everyoneInJehanabad: Who[] = ["01 district admin", "02 IT cell editor", "03 mandal editor", "04 AC viewer", "09 state admin", "10 mandal viewer"];
    await expectRow("unit in", (w) => read(w, x.skIn.id), everyoneInJehanabad);
    await expectRow("unit out", (w) => read(w, x.skOut.id), ["09 state admin"]);
  });

  it("person pages", async () => {
    const x = await targets();
    const read = async (w: Who, id: number) => (await people.getPersonPage(await viewer(w), id) ? "allow" : "deny");
    await expectRow("person in", (w) => read(w, x.personIn), ["01 district admin", "02 IT cell editor", "03 mandal editor", "04 AC viewer", "09 state admin", "10 mandal viewer"]);
    await expectRow("person out", (w) => read(w, x.personOut), ["09 state admin"]);
  });

  it("seat editing pages follow write rights, body included", async () => {
    const x = await targets();
    const read = async (w: Who, unitId: number, postId: number) => (await seats.getSeatForEdit(await viewer(w), unitId, postId, 1) ? "allow" : "deny");
    await expectRow("seat it in", (w) => read(w, x.skIn.id, x.itConvenor), ["01 district admin", "02 IT cell editor", "03 mandal editor", "09 state admin"]);
    await expectRow("seat org in", (w) => read(w, x.skIn.id, x.inCharge), ["01 district admin", "03 mandal editor", "09 state admin"]);
    await expectRow("seat out", (w) => read(w, x.skOut.id, x.itConvenor), ["09 state admin"]);
  });

  it("person editing and unit management pages", async () => {
    const x = await targets();
    await expectRow("edit person in", async (w) => (await people.getPersonForEdit(await viewer(w), x.personIn) ? "allow" : "deny"), ["01 district admin", "03 mandal editor", "09 state admin"]);
    await expectRow("manage in", async (w) => (await manage.getUnitForManage(await viewer(w), x.skIn.id) ? "allow" : "deny"), ["01 district admin", "09 state admin"]);
    await expectRow("manage out", async (w) => (await manage.getUnitForManage(await viewer(w), x.skOut.id) ? "allow" : "deny"), ["09 state admin"]);
  });

  it("the person type-ahead finds only people inside the grants", async () => {
    const x = await targets();
    const nameOut = (await get<{ n: string }>("select name_en as n from people where id = ?", x.personOut)).n;
    await expectRow("lookup in", async (w) => ((await lookup.lookupPeople(await viewer(w), "Ajit Kumar")).some((p) => p.id === x.personIn) ? "allow" : "deny"), [
      "01 district admin", "02 IT cell editor", "03 mandal editor", "04 AC viewer", "09 state admin", "10 mandal viewer",
    ]);
    await expectRow("lookup out", async (w) => ((await lookup.lookupPeople(await viewer(w), nameOut)).some((p) => p.id === x.personOut) ? "allow" : "deny"), ["09 state admin"]);
  });
});

describe("refusals are logged and change nothing", () => {
  it("writes an audit row with outcome denied, and leaves the seat as it was", async () => {
    const x = await targets();
    const before = await currentTenure(x.skOut.id, x.itConvenor);
    const count = async () => (await get<{ n: number }>("select count(*) as n from audit_log where outcome = 'denied' and action = 'tenure.assign'")).n;
    const n = await count();
    await expect(
      roster.assignSeat(await viewer("03 mandal editor"), { unitId: x.skOut.id, postId: x.itConvenor, seat: 1, expectedTenureId: before, personId: null, startDate: "2026-11-01" }, {
        nameHi: "घुसपैठिया", nameEn: "Intruder", mobile: "9876599999", whatsapp: "", homeUnitId: null,
      }),
    ).rejects.toThrow(guard.Denied);
    expect(await count()).toBe(n + 1);
    expect(await currentTenure(x.skOut.id, x.itConvenor)).toBe(before);
    expect((await get<{ n: number }>("select count(*) as n from people where mobile = '+919876599999'")).n).toBe(0);
  });
});
