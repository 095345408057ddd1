import { beforeAll, describe, expect, it } from "vitest";
import { statement } from "@/db";
import * as audit from "@/lib/data/audit";
import * as roster from "@/lib/roster/service";
import { withTestDatabase } from "@/lib/testing/demo-db";
import { viewerByLogin } from "@/lib/auth/viewer-by-login";
import * as recent from "./recent";

withTestDatabase();

const SOUTH = "मखदुमपुर दक्षिणी मंडल";
const one = async <T>(sql: string, ...params: unknown[]) => (await statement<unknown[], T>(sql).get(...params))!;
const unitId = async (nameHi: string) => (await one<{ id: number }>("select id from units where name_hi = ? order by id limit 1", nameHi)).id;
const accountId = async (login: string) => (await one<{ id: number }>("select id from accounts where login = ?", login)).id;

const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

let skId = 0;
let skName = "";

beforeAll(async () => {
  const south = (await one<{ path: string }>("select path from units where name_hi = ?", SOUTH)).path;
  const post = (await one<{ id: number }>("select p.id from posts p join bodies b on b.id = p.body_id where p.level = 'shakti_kendra' and b.key = 'it_cell' and p.title_key = 'convenor'")).id;
  const sk = await one<{ id: number; nameHi: string }>(
    `select u.id, u.name_hi as "nameHi" from units u where u.level = 'shakti_kendra' and u.path > ? and u.path < ?
       and not exists (select 1 from tenures t where t.unit_id = u.id and t.post_id = ? and t.end_date is null) order by u.id limit 1`,
    south,
    south.slice(0, -1) + "0",
    post,
  );
  [skId, skName] = [sk.id, sk.nameHi];
  const insert = statement<[Record<string, unknown>]>(
    `insert into audit_log (at, actor_account_id, action, target_type, target_id, unit_id, before, after, outcome)
     values (@at, @actor, @action, @targetType, @targetId, @unitId, @before, @after, @outcome)`,
  );
  const actor = await accountId("+919000000001");
  const row = (r: Record<string, unknown>) => insert.run({ before: null, after: null, outcome: "ok", actor, targetId: null, ...r });
  const unit = await unitId(SOUTH);
  // What the panel leaves out: an export, a refusal, a failed login, a person created beside a fill,
  // an imported row (its import's one line stands for it), and a change older than 7 days.
  await row({ at: ago(1), action: "export", targetType: "export", targetId: unit, unitId: unit, after: '{"format":"csv","rows":3}' });
  await row({ at: ago(1), action: "tenure.assign", targetType: "unit", targetId: unit, unitId: unit, outcome: "denied" });
  await row({ at: ago(1), action: "login.failed", targetType: "account", unitId: unit, outcome: "failed" });
  await row({ at: ago(1), action: "person.create", targetType: "person", unitId: unit, after: '{"nameHi":"क","nameEn":"K"}' });
  await row({ at: ago(1), action: "tenure.assign", targetType: "tenure", unitId: unit, after: '{"personId":1,"postId":1,"via":"import"}' });
  await row({ at: ago(8), action: "unit.rename", targetType: "unit", targetId: sk.id, unitId: sk.id, before: '{"nameHi":"पुराना"}', after: '{"nameHi":"नया"}' });
  // What it keeps: the import's summary, a rename.
  await row({ at: ago(2), action: "import.apply", targetType: "import", unitId: unit, after: '{"file":"sheet.csv","written":4}' });
  await row({ at: ago(3), action: "unit.rename", targetType: "unit", targetId: sk.id, unitId: sk.id, before: '{"nameHi":"पुराना"}', after: `{"nameHi":"${sk.nameHi}"}` });

  // A real fill by the state admin, whose person is outside the mandal's readers' scope.
  const filled = await roster.assignSeat(
    await viewerByLogin("+919000000009"),
    { unitId: sk.id, postId: post, seat: 1, expectedTenureId: null, personId: null, startDate: "2026-11-01" },
    { nameHi: "नवीन कुमार", nameEn: "Naveen Kumar", mobile: "98760 11223", whatsapp: "", homeUnitId: sk.id },
  );
  expect(filled.ok).toBe(true);
});

describe("recent changes on a home panel", () => {
  it("lists roster and structure changes of the last 7 days, newest first, nothing else", async () => {
    const rows = (await recent.recentChanges(await viewerByLogin("+919000000010"), await unitId(SOUTH)))!;
    expect(rows.map((r) => r.action)).toEqual(["tenure.assign", "import.apply", "unit.rename"]);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1].at >= rows[i].at).toBe(true);
  });

  it("names what the reader may see and redacts, as the audit page does, whom he may not", async () => {
    const viewer = await viewerByLogin("+919000000010");
    const [fill] = (await recent.recentChanges(viewer, await unitId(SOUTH)))!;
    // The new convenor holds a post in the mandal: named. The state admin who filled the seat lives
    // above the mandal and holds no post there: "someone outside your scope".
    expect(fill.target).toMatchObject({ kind: "person", nameHi: "नवीन कुमार" });
    expect(fill.actor).toBe("outside");
    expect(fill.unit).toMatchObject({ id: skId, nameHi: skName });
    expect(fill.names.post).toEqual({ nameHi: "आईटी सेल संयोजक", nameEn: "IT Cell Convenor" });
    // The same entry for the state admin himself names him.
    const [own] = (await recent.recentChanges(await viewerByLogin("+919000000009"), await unitId(SOUTH)))!;
    expect(own.actor).toMatchObject({ nameHi: "नीरज कुमार सिन्हा" });
  });

  it("redacts ids inside the details the reader may not see", async () => {
    const south = await unitId(SOUTH);
    const west = await one<{ id: number }>(
      "select u.id from units u join units d on d.name_en = 'West Champaran' and d.level = 'district' where u.level = 'mandal' and u.path > d.path and u.path < substr(d.path, 1, length(d.path) - 1) || '0' order by u.id limit 1",
    );
    await statement("insert into audit_log (at, actor_account_id, action, target_type, target_id, unit_id, before, after) values (?, ?, 'unit.move', 'unit', ?, ?, ?, ?)")
      .run(new Date().toISOString(), await accountId("+919000000009"), skId, south, JSON.stringify({ parentId: west.id, path: "/x/" }), JSON.stringify({ parentId: south, path: "/y/" }));
    const [move] = (await recent.recentChanges(await viewerByLogin("+919000000010"), south))!;
    expect(move.action).toBe("unit.move");
    expect((move.before as { parentId: unknown }).parentId).toBe(audit.OUTSIDE_SCOPE);
    expect((move.after as { parentId: unknown }).parentId).toBe(south);
  });

  it("only for a unit the reader sees in full: none above or beside his grant", async () => {
    const reader = await viewerByLogin("+919000000010");
    expect(await recent.recentChanges(reader, await unitId("जहानाबाद"))).toBeNull();
    expect(await recent.recentChanges(reader, await unitId("काको मंडल"))).toBeNull();
    // The district admin reads the district's, the mandal's fill among them.
    const district = (await recent.recentChanges(await viewerByLogin("+919000000001"), await unitId("जहानाबाद")))!;
    expect(district.some((r) => r.action === "tenure.assign" && r.unit?.id === skId)).toBe(true);
  });

  it("an import applied at a unit above shows one line on the panel below it, with how many of its rows fell inside", async () => {
    const south = await unitId(SOUTH);
    const assembly = (await one<{ id: number }>("select parent_id as id from units where id = ?", south)).id;
    const north = (await one<{ id: number }>("select id from units where level = 'booth' and path like (select path from units where name_hi = 'मखदुमपुर उत्तरी मंडल') || '%' order by id limit 1")).id;
    const importId = 9001;
    const insert = statement("insert into audit_log (at, actor_account_id, action, target_type, target_id, unit_id, after) values (?, ?, ?, ?, ?, ?, ?)");
    const admin = await accountId("+919000000001");
    const at = ago(0.5);
    const imported = JSON.stringify({ personId: 1, postId: 1, via: "import", importId });
    await insert.run(at, admin, "tenure.assign", "tenure", 1, skId, imported);
    await insert.run(at, admin, "tenure.replace", "tenure", 2, skId, imported);
    await insert.run(at, admin, "tenure.assign", "tenure", 3, north, imported);
    await insert.run(at, admin, "import.apply", "import", importId, assembly, JSON.stringify({ file: "मखदुमपुर-सूची.csv", written: 3 }));

    const lines = (await recent.recentChanges(await viewerByLogin("+919000000010"), south))!.filter((r) => r.action === "import.apply");
    const here = lines.filter((r) => r.unit?.id === assembly);
    expect(here).toHaveLength(1);
    expect(here[0].inHere).toBe(2);
    expect((here[0].after as { file: string }).file).toBe("मखदुमपुर-सूची.csv");
    // Its own rows stay out, as for an import applied in the mandal.
    expect((await recent.recentChanges(await viewerByLogin("+919000000010"), south))!.filter((r) => r.at === at && r.action !== "import.apply")).toEqual([]);
    // At the assembly the import's own line stands as it is, once, with no count of its own.
    const top = (await recent.recentChanges(await viewerByLogin("+919000000004"), assembly))!.filter((r) => r.action === "import.apply" && r.unit?.id === assembly);
    expect(top).toHaveLength(1);
    expect(top[0].inHere).toBeUndefined();
  });
});
