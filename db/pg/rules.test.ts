import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COVERAGE_RECOUNT } from "@/db/coverage-recount";
import { termsFor } from "@/lib/search/phonetic";
import { createDatabase, migratePg, startPgServer, type PgServer } from "@/lib/testing/pg-server";
import { subtreeEnd, type Level } from "@/lib/tree";

/**
 * The database rules on PostgreSQL (drizzle-pg/): the tree rules and seat limits of
 * db/tree-rules.test.ts, the coverage counts against a recount, the search queue, the "C"
 * collation. One throwaway server for the file; the database's own default collation is ICU
 * English, so a text column that missed "C" would sort as a language does and fail here.
 */

let server: PgServer;
let client: pg.Client;

beforeAll(async () => {
  server = await startPgServer();
  const url = await createDatabase(server.url, "rules", { icuLocale: "en-US" });
  await migratePg(url);
  client = new pg.Client({ connectionString: url });
  await client.connect();
  await loadTree();
});
afterAll(async () => {
  await client?.end();
  await server?.stop();
});

const all = async <T extends pg.QueryResultRow>(sql: string, ...params: unknown[]) => (await client.query<T>(sql, params)).rows;
const one = async <T extends pg.QueryResultRow>(sql: string, ...params: unknown[]) => (await all<T>(sql, ...params))[0];
const exec = (sql: string, ...params: unknown[]) => client.query(sql, params);
/** SQLite's BINARY order of UTF-8 text. */
const byBytes = (x: string, y: string) => Buffer.compare(Buffer.from(x), Buffer.from(y));

/**
 * A small tree, inserted with explicit ids as the seeds do:
 *   1 state › 2, 3 districts › 4, 5 assemblies › 6, 7 mandals › 8, 9, 10 shakti kendras › 11–14 booths.
 */
const TREE: Array<[id: number, parent: number | null, level: Level]> = [
  [1, null, "state"],
  [2, 1, "district"],
  [3, 1, "district"],
  [4, 2, "assembly"],
  [5, 3, "assembly"],
  [6, 4, "mandal"],
  [7, 5, "mandal"],
  [8, 6, "shakti_kendra"],
  [9, 6, "shakti_kendra"],
  [10, 7, "shakti_kendra"],
  [11, 8, "booth"],
  [12, 8, "booth"],
  [13, 9, "booth"],
  [14, 10, "booth"],
];
const paths = new Map<number, string>();

/** Posts by level: a president of one seat everywhere, and ten members at booths. */
const post = { president: new Map<Level, number>(), boothMember: 0 };

async function loadTree() {
  for (const [id, parent, level] of TREE) {
    const path = `${parent === null ? "/" : paths.get(parent)!}${id}/`;
    paths.set(id, path);
    await exec("insert into units (id, parent_id, level, name_hi, name_en, path) values ($1, $2, $3, $4, $5, $6)", id, parent, level, `इकाई ${id}`, `Unit ${id}`, path);
  }
  await exec("insert into bodies (id, key, name_hi, name_en) values (1, 'sangathan', 'संगठन', 'Organisation')");
  let postId = 0;
  for (const [, , level] of TREE.filter(([, , l], i, list) => list.findIndex(([, , m]) => m === l) === i)) {
    postId++;
    await exec("insert into posts (id, level, body_id, title_key, title_hi, title_en) values ($1, $2, 1, 'president', 'अध्यक्ष', 'President')", postId, level);
    post.president.set(level, postId);
  }
  post.boothMember = ++postId;
  await exec("insert into posts (id, level, body_id, title_key, title_hi, title_en, seats) values ($1, 'booth', 1, 'member', 'सदस्य', 'Member', 10)", postId);
  for (let i = 1; i <= 12; i++) {
    await exec("insert into people (id, name_hi, name_en, mobile) values ($1, $2, $3, $4)", i, `व्यक्ति ${i}`, `Person ${i}`, `+9190000000${String(i).padStart(2, "0")}`);
  }
  await exec("select reset_identities()");
  await exec("delete from search_pending");
}

describe("the tree", () => {
  it("refuses a booth placed directly under a district", async () => {
    await expect(
      exec("insert into units (parent_id, level, name_hi, name_en, path) values ($1, 'booth', 'x', 'x', $2)", 2, `${paths.get(2)}999999/`),
    ).rejects.toMatchObject({ code: "23514", message: "unit parent must be of the level above" });
  });

  it("refuses a second state", async () => {
    await expect(exec("insert into units (parent_id, level, name_hi, name_en, path) values (1, 'state', 'x', 'x', '/1/x/')")).rejects.toThrow();
  });

  it("refuses moving a unit under a parent of the wrong level", async () => {
    await expect(exec("update units set parent_id = 4 where id = 8")).rejects.toThrow(/level above/);
    expect((await one<{ parent_id: number }>("select parent_id from units where id = 8")).parent_id).toBe(6);
  });

  it("keeps the state at the root", async () => {
    await expect(exec("update units set parent_id = null where id = 2")).rejects.toThrow(/units_root_is_state/);
  });
});

describe("tenures", () => {
  const insert = "insert into tenures (person_id, unit_id, post_id, seat, start_date, end_date) values ($1, $2, $3, $4, $5, $6)";

  it("refuses an end date before the start", async () => {
    await expect(exec(insert, 1, 11, post.boothMember, 10, "2024-05-01", "2024-04-30")).rejects.toThrow(/tenures_end_after_start/);
  });

  it("refuses more current holders than seats", async () => {
    const president = post.president.get("state")!;
    await expect(exec(insert, 1, 1, president, 2, "2024-01-01", null)).rejects.toMatchObject({
      code: "23514",
      message: "tenure seat or level does not fit the post",
    });
    await exec(insert, 1, 1, president, 1, "2024-01-01", null);
    await expect(exec(insert, 2, 1, president, 1, "2024-01-01", null)).rejects.toThrow(/tenures_current_seat_idx/);
  });

  it("lets history hold many ended tenures of the same seat", async () => {
    const president = post.president.get("booth")!;
    await exec(insert, 3, 12, president, 1, "2018-01-01", "2019-01-01");
    await exec(insert, 4, 12, president, 1, "2019-01-02", "2020-01-01");
    const { n } = await one<{ n: number }>("select count(*)::int as n from tenures where unit_id = 12 and post_id = $1 and end_date is not null", president);
    expect(n).toBe(2);
  });

  it("refuses a post of another level at a unit", async () => {
    await expect(exec(insert, 1, 11, post.president.get("state")!, 1, "2024-01-01", null)).rejects.toThrow(/does not fit/);
  });

  it("refuses moving a tenure to a seat the post does not have", async () => {
    const { id } = await one<{ id: number }>(`${insert} returning id`, 5, 13, post.boothMember, 10, "2024-02-01", null);
    await expect(exec("update tenures set seat = 11 where id = $1", id)).rejects.toThrow(/does not fit/);
    await expect(exec("update tenures set unit_id = 6 where id = $1", id)).rejects.toThrow(/does not fit/);
  });
});

describe("columns as the app reads them", () => {
  it("keeps flags to 0 and 1", async () => {
    await expect(exec("update units set is_generated = 2 where id = 11")).rejects.toThrow(/units_is_generated_01/);
    await exec("update units set is_generated = 1 where id = 11");
    expect((await one<{ is_generated: number }>("select is_generated from units where id = 11")).is_generated).toBe(1);
  });

  it("writes timestamps as SQLite's ISO text", async () => {
    const { created_at } = await one<{ created_at: string }>("insert into revoked_sessions (sid) values ('s1') returning revoked_at as created_at");
    expect(created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(created_at) - Date.now())).toBeLessThan(60_000);
  });

  it("moves every identity past the explicit ids of a load", async () => {
    await exec("insert into bodies (id, key, name_hi, name_en) values (50, 'it_cell', 'आईटी', 'IT cell')");
    await exec("select reset_identities()");
    const { id } = await one<{ id: number }>("insert into bodies (key, name_hi, name_en) values ('media', 'मीडिया', 'Media') returning id");
    expect(id).toBe(51);
  });
});

describe("coverage counts", () => {
  type Counts = { units: string[]; filled: string[]; days: string[] };

  /** The three tables, zero rows left out (a recount never writes them; triggers may). */
  async function counts(): Promise<Counts> {
    const rows = async (sql: string) => (await client.query({ text: sql, rowMode: "array" })).rows.map((r: unknown[]) => r.join(" "));
    return {
      units: await rows("select unit_id, level, n from coverage_units where n <> 0 order by 1, 2"),
      filled: await rows("select unit_id, post_id, filled from coverage_filled where filled <> 0 order by 1, 2"),
      days: await rows("select unit_id, day, delta from coverage_days where delta <> 0 order by 1, 2"),
    };
  }

  /** The counts a recount from units and tenures gives (in a transaction rolled back). */
  async function recounted(): Promise<Counts> {
    await exec("begin");
    try {
      for (const sql of COVERAGE_RECOUNT) await exec(sql);
      return await counts();
    } finally {
      await exec("rollback");
    }
  }

  async function expectInStep() {
    const kept = await counts();
    expect(kept).toEqual(await recounted());
    return kept;
  }

  const insert = "insert into tenures (person_id, unit_id, post_id, seat, start_date, end_date) values ($1, $2, $3, $4, $5, $6) returning id";
  const member = () => post.boothMember;

  const filledAt = async (unitId: number, postId: number) =>
    (await one<{ filled: number }>("select filled from coverage_filled where unit_id = $1 and post_id = $2", unitId, postId))?.filled ?? 0;

  it("follow inserts, ends, corrections and deletes of tenures", async () => {
    const [stateBefore, districtBefore] = [await filledAt(1, member()), await filledAt(3, member())];
    const a = (await one<{ id: number }>(insert, 6, 11, member(), 1, "2024-03-01", null)).id;
    const b = (await one<{ id: number }>(insert, 7, 14, member(), 1, "2024-03-01", null)).id;
    await one(insert, 8, 14, member(), 2, "2024-03-05", "2024-03-05");
    await one(insert, 9, 6, post.president.get("mandal")!, 1, "2024-01-10", null);
    await expectInStep();
    // The state sees both new booth members; district 3 only the one of booth 14.
    expect(await filledAt(1, member())).toBe(stateBefore + 2);
    expect(await filledAt(3, member())).toBe(districtBefore + 1);

    await exec("update tenures set end_date = '2024-04-01', end_kind = 'vacated' where id = $1", a);
    await exec("update tenures set start_date = '2024-02-15' where id = $1", b);
    await exec("update tenures set unit_id = 12, seat = 3 where id = $1", b);
    await exec("update tenures set end_date = null where id = $1", a);
    const kept = await expectInStep();
    expect(kept.days).toContain("1 2024-02-15 1");

    await exec("delete from tenures where id = $1", a);
    await exec("update tenures set end_date = end_date, version = version + 1");
    await expectInStep();
  });

  it("follow units added, moved (parent and paths, as lib/structure does) and removed", async () => {
    await exec("insert into units (id, parent_id, level, name_hi, name_en, path) values (15, 10, 'booth', 'x', 'x', $1)", `${paths.get(10)}15/`);
    await one(insert, 10, 15, member(), 1, "2024-05-01", null);
    await one(insert, 11, 13, member(), 4, "2024-05-02", "2024-06-01");
    await expectInStep();

    // Shakti kendra 9 (with booth 13) moves from mandal 6 (district 2) to mandal 7 (district 3).
    const from = paths.get(9)!;
    const to = `${paths.get(7)}9/`;
    await exec("begin");
    await exec("update units set parent_id = 7 where id = 9");
    await exec("update units set path = $1 || substr(path, $2) where path >= $3 and path < $4", to, from.length + 1, from, subtreeEnd(from));
    await exec("commit");
    paths.set(9, to).set(13, `${to}13/`);
    const kept = await expectInStep();
    expect(kept.units).toContain("3 booth 3");
    expect(kept.units).toContain("2 booth 2");

    await exec("insert into units (id, parent_id, level, name_hi, name_en, path) values (16, 10, 'booth', 'y', 'y', $1)", `${paths.get(10)}16/`);
    await exec("delete from units where id = 16");
    await expectInStep();
  });
});

describe("the search queue", () => {
  const pending = async () => (await all<{ key: string }>("select kind || ref_id as key from search_pending order by 1")).map((r) => r.key);
  const termsOf = async (kind: string, id: number) =>
    (await all<{ term: string }>("select term from search_terms where kind = $1 and ref_id = $2 order by term", kind, id)).map((r) => r.term);

  /** What the app does before COMMIT: the terms of every queued row, from its current names. */
  async function flush() {
    for (const { kind, ref_id } of await all<{ kind: "p" | "u"; ref_id: number }>("delete from search_pending returning kind, ref_id")) {
      const row =
        kind === "p"
          ? await one<{ a: string; b: string; c: null }>("select name_hi as a, name_en as b, null as c from people where id = $1", ref_id)
          : await one<{ a: string; b: string; c: string | null }>("select name_hi as a, name_en as b, code as c from units where id = $1", ref_id);
      await exec("delete from search_terms where kind = $1 and ref_id = $2", kind, ref_id);
      for (const term of termsFor(row.a, row.b, row.c)) await exec("insert into search_terms (term, kind, ref_id) values ($1, $2, $3)", term, kind, ref_id);
    }
  }

  // Rows the tests above queued.
  beforeAll(flush);

  it("queues people on insert and on a name change, not on other changes", async () => {
    const { id } = await one<{ id: number }>("insert into people (name_hi, name_en, mobile) values ('रौशन', 'Raushan', '+919812345670') returning id");
    expect(await pending()).toEqual([`p${id}`]);
    await flush();
    expect(await termsOf("p", id)).toEqual(termsFor("रौशन", "Raushan").sort(byBytes));

    await exec("update people set notes = 'x', mobile = '+919812345671' where id = $1", id);
    await exec("update people set name_en = name_en where id = $1", id);
    expect(await pending()).toEqual([]);

    await exec("update people set name_en = 'Roshan Kumar' where id = $1", id);
    expect(await pending()).toEqual([`p${id}`]);
    expect(await termsOf("p", id)).toEqual([]);
    await flush();
    expect(await termsOf("p", id)).toContain("kumar");
  });

  it("drops a deleted person's terms and queue entry at once", async () => {
    const { id } = await one<{ id: number }>("insert into people (name_hi, name_en) values ('अजीत', 'Ajit') returning id");
    await flush();
    await exec("update people set name_en = 'Ajeet' where id = $1", id);
    await exec("delete from people where id = $1", id);
    expect(await pending()).toEqual([]);
    expect(await termsOf("p", id)).toEqual([]);
  });

  it("queues units on insert and on a change of name or code", async () => {
    await exec("insert into units (id, parent_id, level, name_hi, name_en, path) values (17, 10, 'booth', 'बूथ', 'Booth', $1)", `${paths.get(10)}17/`);
    expect(await pending()).toEqual(["u17"]);
    await flush();
    await exec("update units set whatsapp_url = 'https://chat.whatsapp.com/x' where id = 17");
    expect(await pending()).toEqual([]);
    await exec("update units set code = '117' where id = 17");
    expect(await pending()).toEqual(["u17"]);
    await flush();
    expect(await termsOf("u", 17)).toContain("117");
  });

  it("finds mobile fragments through the trigram index", async () => {
    const find = (digits: string) => all<{ id: number }>("select id from people where people_phone_digits(mobile, whatsapp) like '%' || $1 || '%' order by id", digits);
    expect(await find("90000000")).toHaveLength(12);
    expect(await find("0000012")).toEqual([{ id: 12 }]);
    await exec("begin");
    try {
      await exec("set local enable_seqscan = off");
      const plan = await all<{ "QUERY PLAN": string }>("explain select id from people where people_phone_digits(mobile, whatsapp) like '%12345%'");
      expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toContain("people_phone_trgm_idx");
    } finally {
      await exec("rollback");
    }
  });
});

describe("text order", () => {
  it("gives every text column the C collation", async () => {
    const others = await all<{ col: string }>(
      `select table_name || '.' || column_name as col from information_schema.columns
       where table_schema = 'public' and data_type = 'text' and collation_name is distinct from 'C'`,
    );
    expect(others).toEqual([]);
  });

  it("sorts and ranges text by bytes, as SQLite's BINARY does, where the database's own order differs", async () => {
    const terms = ["b", "B", "a", "ab", "aB", "a b", "~ab", "_a", "Z", "10", "9", "ä"];
    for (const term of terms) await exec("insert into search_terms (term, kind, ref_id) values ($1, 'u', 999)", term);
    const sorted = async (collate = "") => (await all<{ term: string }>(`select term from search_terms where ref_id = 999 order by term ${collate}`)).map((r) => r.term);
    expect(await sorted()).toEqual([...terms].sort(byBytes));
    // The test has teeth: the database's default (ICU English) orders these otherwise.
    expect(await sorted('collate "default"')).not.toEqual([...terms].sort(byBytes));

    const range = await all<{ term: string }>("select term from search_terms where ref_id = 999 and term >= $1 and term < $2 order by term", "a", "b");
    expect(range.map((r) => r.term)).toEqual(["a", "a b", "aB", "ab"]);
  });

  it("selects a subtree by its path range, in SQLite's order", async () => {
    const root = paths.get(7)!;
    const rows = await all<{ path: string }>("select path from units where path >= $1 and path < $2 order by path", root, subtreeEnd(root));
    const expected = (await all<{ path: string }>("select path from units")).map((r) => r.path).filter((p) => p.startsWith(root));
    expect(rows.map((r) => r.path)).toEqual(expected.sort(byBytes));
    expect(rows.length).toBeGreaterThan(4);
  });
});
