import { describe, expect, it } from "vitest";
import { statement } from "@/db";
import type { ScopedGrant } from "@/lib/auth/grants";
import type { Viewer } from "@/lib/auth/session";
import { withTestDatabase } from "@/lib/testing/demo-db";
import * as structure from "./service";

withTestDatabase();

async function districtAdmin(): Promise<Viewer> {
  const grants = await statement<[], ScopedGrant>(
    "select g.unit_id as \"unitId\", u.path as \"unitPath\", g.role, g.body_id as \"bodyId\" from grants g join units u on u.id = g.unit_id join accounts a on a.id = g.account_id where a.login = '+919000000001' order by g.id",
  ).all();
  return { accountId: 1, personId: 1, name: "admin", grants };
}
const get = async <T>(sql: string, ...p: unknown[]) => (await statement<unknown[], T>(sql).get(...p)) as T;

describe("moving a shakti kendra", () => {
  it("moves its booths with it, and subtree listings follow", async () => {
    const sk = await get<{ id: number; path: string; parentId: number }>(
      "select sk.id, sk.path, sk.parent_id as \"parentId\" from units sk join units m on m.id = sk.parent_id where m.name_hi = 'मखदुमपुर दक्षिणी मंडल' and sk.level = 'shakti_kendra' order by sk.id limit 1",
    );
    const north = await get<{ id: number; path: string }>("select id, path from units where name_hi = 'मखदुमपुर उत्तरी मंडल'");
    const booths = async (path: string) => (await get<{ n: number }>("select count(*) as n from units where level = 'booth' and path > ? and path < ?", path, path.slice(0, -1) + "0")).n;
    const own = await booths(sk.path);
    const northBefore = await booths(north.path);
    expect(own).toBeGreaterThan(0);

    const result = await structure.moveUnit(await districtAdmin(), { unitId: sk.id, newParentId: north.id });
    expect(result.ok).toBe(true);

    const moved = await get<{ path: string; parentId: number }>("select path, parent_id as \"parentId\" from units where id = ?", sk.id);
    expect(moved.parentId).toBe(north.id);
    expect(moved.path).toBe(`${north.path}${sk.id}/`);
    expect(await booths(north.path)).toBe(northBefore + own);
    expect(await booths(moved.path)).toBe(own);
    const stale = (await get<{ n: number }>("select count(*) as n from units where path like ?", `${sk.path}%`)).n;
    expect(stale).toBe(0);
    const audit = await get<{ action: string }>("select action from audit_log order by id desc limit 1");
    expect(audit.action).toBe("unit.move");
  });

  it("refuses to move a mandal, and a booth under a mandal", async () => {
    const mandal = await get<{ id: number }>("select id from units where name_hi = 'मखदुमपुर दक्षिणी मंडल'");
    const ac = await get<{ id: number }>("select id from units where level = 'assembly' and name_hi = 'घोसी'");
    expect(await structure.moveUnit(await districtAdmin(), { unitId: mandal.id, newParentId: ac.id })).toMatchObject({ ok: false, fields: { unitId: ["not_movable"] } });
    const booth = await get<{ id: number }>("select b.id from units b where b.level = 'booth' and b.path like ? order by b.id limit 1", "%/");
    expect((await structure.moveUnit(await districtAdmin(), { unitId: booth.id, newParentId: mandal.id })).ok).toBe(false);
  });

  it("adds a child of the next level with its path", async () => {
    const sk = await get<{ id: number; path: string }>("select id, path from units where level = 'shakti_kendra' and path like (select path from units where name_hi = 'जहानाबाद' and level = 'district') || '%' order by id limit 1");
    const r = await structure.addUnit(await districtAdmin(), { parentId: sk.id, nameHi: "नया बूथ", nameEn: "New Booth", code: "501" });
    expect(r.ok).toBe(true);
    const added = await get<{ level: string; path: string }>("select level, path from units where id = ?", r.ok ? r.data.unitId : 0);
    expect(added.level).toBe("booth");
    expect(added.path).toBe(`${sk.path}${r.ok ? r.data.unitId : 0}/`);
  });

  it("adds units at the same moment under distinct new ids (writing transactions take turns)", async () => {
    const sk = await get<{ id: number }>("select id from units where level = 'shakti_kendra' and path like (select path from units where name_hi = 'जहानाबाद' and level = 'district') || '%' order by id desc limit 1");
    const admin = await districtAdmin();
    const added = await Promise.all(
      [1, 2, 3, 4].map((n) => structure.addUnit(admin, { parentId: sk.id, nameHi: `साथ बूथ ${n}`, nameEn: `Together Booth ${n}`, code: `60${n}` })),
    );
    const ids = added.map((r) => (r.ok ? r.data.unitId : 0));
    expect(ids.every((id) => id > 0)).toBe(true);
    expect(new Set(ids).size).toBe(4);
  });
});
