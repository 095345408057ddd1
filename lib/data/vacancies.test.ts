import { describe, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/testing/demo-db";
import * as v from "./vacancies";
import { viewerFromDb } from "@/lib/auth/viewer-from-db";

const t = withTestDatabase();

const boothPresident = () =>
  (t.sqlite.prepare("select p.id from posts p join bodies b on b.id = p.body_id where p.level = 'booth' and b.key = 'sangathan' and p.title_key = 'president'").get() as { id: number }).id;

describe("the vacancy finder", () => {
  it("finds a vacancy in the last booth of Bihar when every other booth president seat is filled", async () => {
    const post = boothPresident();
    const bihar = (t.sqlite.prepare("select id from units where level = 'state'").get() as { id: number }).id;
    const somebody = (t.sqlite.prepare("select id from people order by id limit 1").get() as { id: number }).id;
    // Every booth gets a president, then the last booth in path order loses his.
    t.sqlite
      .prepare(
        `insert into tenures (person_id, unit_id, post_id, seat, start_date)
         select ?, u.id, ?, 1, '2020-01-01' from units u
         where u.level = 'booth' and not exists (select 1 from tenures x where x.unit_id = u.id and x.post_id = ? and x.end_date is null)`,
      )
      .run(somebody, post, post);
    const last = t.sqlite.prepare("select id, name_hi as \"nameHi\" from units where level = 'booth' order by path desc limit 1").get() as { id: number; nameHi: string };
    t.sqlite.prepare("update tenures set end_date = '2026-01-01', end_kind = 'vacated' where unit_id = ? and post_id = ? and end_date is null").run(last.id, post);
    const boothCount = (t.sqlite.prepare("select count(*) as n from units where level = 'booth'").get() as { n: number }).n;
    expect(boothCount).toBeGreaterThan(40);

    const found = (await v.listVacancies(viewerFromDb(t.sqlite, "+919000000009"), bihar, post, 10))!;
    expect(found.units.map((u) => u.nameHi)).toEqual([last.nameHi]);
    expect(found.total).toBe(1);
    expect(found.units[0]).toMatchObject({ vacant: 1, seats: 1 });
  });

  it("counts every vacancy even when it lists only the first few", async () => {
    const post = boothPresident();
    const mandal = (t.sqlite.prepare("select id from units where name_hi = 'मखदुमपुर दक्षिणी मंडल'").get() as { id: number }).id;
    t.sqlite.prepare("update tenures set end_date = '2026-01-02', end_kind = 'vacated' where post_id = ? and end_date is null and unit_id in (select id from units where parent_id in (select id from units where parent_id = ?))").run(post, mandal);
    const booths = (t.sqlite.prepare("select count(*) as n from units b join units sk on sk.id = b.parent_id where sk.parent_id = ?").get(mandal) as { n: number }).n;
    const found = (await v.listVacancies(viewerFromDb(t.sqlite, "+919000000003"), mandal, post, 3))!;
    expect(found.units).toHaveLength(3);
    expect(found.total).toBe(booths);
  });

  it("answers nothing for a unit outside the viewer's scope", async () => {
    expect(await v.listVacancies(viewerFromDb(t.sqlite, "+919000000003"), 1, boothPresident())).toBeNull();
  });
});
