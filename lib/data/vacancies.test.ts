import { describe, expect, it } from "vitest";
import { statement } from "@/db";
import { withTestDatabase } from "@/lib/testing/demo-db";
import { viewerByLogin } from "@/lib/auth/viewer-by-login";
import * as v from "./vacancies";

withTestDatabase();

const one = async <T>(sql: string, ...params: unknown[]) => (await statement<unknown[], T>(sql).get(...params)) as T;
const boothPresident = async () =>
  (await one<{ id: number }>("select p.id from posts p join bodies b on b.id = p.body_id where p.level = 'booth' and b.key = 'sangathan' and p.title_key = 'president'")).id;

describe("the vacancy finder", () => {
  it("finds a vacancy in the last booth of Bihar when every other booth president seat is filled", async () => {
    const post = await boothPresident();
    const bihar = (await one<{ id: number }>("select id from units where level = 'state'")).id;
    const somebody = (await one<{ id: number }>("select id from people order by id limit 1")).id;
    // Every booth gets a president, then the last booth in path order loses his.
    await statement(
      `insert into tenures (person_id, unit_id, post_id, seat, start_date)
       select ?, u.id, ?, 1, '2020-01-01' from units u
       where u.level = 'booth' and not exists (select 1 from tenures x where x.unit_id = u.id and x.post_id = ? and x.end_date is null)`,
    ).run(somebody, post, post);
    const last = await one<{ id: number; nameHi: string }>("select id, name_hi as \"nameHi\" from units where level = 'booth' order by path desc limit 1");
    await statement("update tenures set end_date = '2026-01-01', end_kind = 'vacated' where unit_id = ? and post_id = ? and end_date is null").run(last.id, post);
    const boothCount = (await one<{ n: number }>("select count(*) as n from units where level = 'booth'")).n;
    expect(boothCount).toBeGreaterThan(40);

    const found = (await v.listVacancies(await viewerByLogin("+919000000009"), bihar, post, 10))!;
    expect(found.units.map((u) => u.nameHi)).toEqual([last.nameHi]);
    expect(found.total).toBe(1);
    expect(found.units[0]).toMatchObject({ vacant: 1, seats: 1 });
  });

  it("counts every vacancy even when it lists only the first few", async () => {
    const post = await boothPresident();
    const mandal = (await one<{ id: number }>("select id from units where name_hi = 'मखदुमपुर दक्षिणी मंडल'")).id;
    await statement("update tenures set end_date = '2026-01-02', end_kind = 'vacated' where post_id = ? and end_date is null and unit_id in (select id from units where parent_id in (select id from units where parent_id = ?))").run(post, mandal);
    const booths = (await one<{ n: number }>("select count(*) as n from units b join units sk on sk.id = b.parent_id where sk.parent_id = ?", mandal)).n;
    const found = (await v.listVacancies(await viewerByLogin("+919000000003"), mandal, post, 3))!;
    expect(found.units).toHaveLength(3);
    expect(found.total).toBe(booths);
  });

  it("answers nothing for a unit outside the viewer's scope", async () => {
    expect(await v.listVacancies(await viewerByLogin("+919000000003"), 1, await boothPresident())).toBeNull();
  });
});
