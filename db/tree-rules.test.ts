import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestDatabase } from "@/lib/testing/demo-db";

let t: ReturnType<typeof makeTestDatabase>;
beforeAll(() => {
  t = makeTestDatabase();
});
afterAll(() => t.cleanup());

const one = <T>(sql: string, ...params: unknown[]) => t.sqlite.prepare(sql).get(...params) as T;

describe("the tree", () => {
  it("has one state at the root and every unit under a parent of the level above", () => {
    const bad = one<{ n: number }>(
      `select count(*) as n from units c join units p on p.id = c.parent_id
       where (c.level, p.level) not in (values ('district','state'),('assembly','district'),('mandal','assembly'),('shakti_kendra','mandal'),('booth','shakti_kendra'))`,
    );
    expect(bad.n).toBe(0);
    expect(one<{ n: number }>("select count(*) as n from units where parent_id is null").n).toBe(1);
  });

  it("keeps every path equal to the parent's path plus the unit's id", () => {
    const bad = one<{ n: number }>(
      "select count(*) as n from units c join units p on p.id = c.parent_id where c.path != p.path || c.id || '/'",
    );
    expect(bad.n).toBe(0);
  });

  it("refuses a booth placed directly under a district", () => {
    const district = one<{ id: number; path: string }>("select id, path from units where level = 'district' limit 1");
    expect(() =>
      t.sqlite
        .prepare("insert into units (parent_id, level, name_hi, name_en, path) values (?, 'booth', 'x', 'x', ?)")
        .run(district.id, district.path + "999999/"),
    ).toThrow(/level above/);
  });

  it("refuses a second state", () => {
    expect(() =>
      t.sqlite.prepare("insert into units (parent_id, level, name_hi, name_en, path) values (1, 'state', 'x', 'x', '/1/x/')").run(),
    ).toThrow();
  });
});

describe("tenures", () => {
  const postAt = (level: string, title: string) =>
    one<{ id: number; seats: number }>("select id, seats from posts where level = ? and title_key = ? limit 1", level, title);
  const unitAt = (level: string) => one<{ id: number }>("select id from units where level = ? limit 1", level);
  const anyPerson = () => one<{ id: number }>("select id from people limit 1").id;

  it("refuses an end date before the start", () => {
    const post = postAt("booth", "member");
    expect(() =>
      t.sqlite
        .prepare("insert into tenures (person_id, unit_id, post_id, seat, start_date, end_date) values (?, ?, ?, 10, '2024-05-01', '2024-04-30')")
        .run(anyPerson(), unitAt("booth").id, post.id),
    ).toThrow(/CHECK/);
  });

  it("refuses more current holders than seats", () => {
    const post = postAt("state", "president");
    const state = unitAt("state");
    const insert = t.sqlite.prepare(
      "insert into tenures (person_id, unit_id, post_id, seat, start_date) values (?, ?, ?, ?, '2024-01-01')",
    );
    // A seat number beyond the post's seats, and a second current holder of a filled seat.
    expect(() => insert.run(anyPerson(), state.id, post.id, post.seats + 1)).toThrow(/does not fit/);
    const taken = one<{ n: number }>(
      "select count(*) as n from tenures where unit_id = ? and post_id = ? and end_date is null",
      state.id,
      post.id,
    ).n;
    if (taken === 0) insert.run(anyPerson(), state.id, post.id, 1);
    expect(() => insert.run(anyPerson(), state.id, post.id, 1)).toThrow(/UNIQUE/);
  });

  it("lets history hold many ended tenures of the same seat", () => {
    const post = postAt("booth", "president");
    const booth = unitAt("booth");
    const insert = t.sqlite.prepare(
      "insert into tenures (person_id, unit_id, post_id, seat, start_date, end_date) values (?, ?, ?, 1, ?, ?)",
    );
    insert.run(anyPerson(), booth.id, post.id, "2018-01-01", "2019-01-01");
    insert.run(anyPerson(), booth.id, post.id, "2019-01-02", "2020-01-01");
    const n = one<{ n: number }>("select count(*) as n from tenures where unit_id = ? and post_id = ? and end_date is not null", booth.id, post.id).n;
    expect(n).toBeGreaterThanOrEqual(2);
  });

  it("refuses a post of another level at a unit", () => {
    const post = postAt("state", "president");
    expect(() =>
      t.sqlite
        .prepare("insert into tenures (person_id, unit_id, post_id, seat, start_date) values (?, ?, ?, 1, '2024-01-01')")
        .run(anyPerson(), unitAt("booth").id, post.id),
    ).toThrow(/does not fit/);
  });
});

describe("the demo data", () => {
  it("holds the report's people exactly as named", () => {
    const names = (t.sqlite.prepare("select name_hi from people where mobile like '+91900000000%' or mobile like '+9190000000%'").all() as Array<{ name_hi: string }>).map((r) => r.name_hi);
    for (const name of ["संजय कुमार", "सुरेश कुमार शर्मा", "अजीत चौधरी", "विकास कुमार रौशन", "रानी कुमारी", "धर्मेंद्र चौहान", "रितेश रंजन", "अभय भारती", "अजीत कुमार", "संजय कुमार द्विवेदी"]) {
      expect(names).toContain(name);
    }
    const ajit = one<{ n: number }>(
      "select count(*) as n from tenures t join people p on p.id = t.person_id where p.name_hi = 'अजीत चौधरी' and t.end_date is null",
    );
    expect(ajit.n).toBe(2);
    const noPost = one<{ n: number }>(
      "select count(*) as n from tenures t join people p on p.id = t.person_id where p.name_hi = 'अजीत कुमार'",
    );
    expect(noPost.n).toBe(0);
  });

  it("has all 38 districts and 243 assembly constituencies", () => {
    expect(one<{ n: number }>("select count(*) as n from units where level = 'district'").n).toBe(38);
    expect(one<{ n: number }>("select count(*) as n from units where level = 'assembly'").n).toBe(243);
  });
});
