import { describe, expect, test } from "vitest";
import { withTestDatabase } from "@/lib/testing/demo-db";
import { engineKind, query, statement, transaction } from "./index";
import { numberPlaceholders, onlyReads } from "./engine-pg";

// The data layer's door, on whichever engine the project runs (SQLite, and PostgreSQL in the
// "postgres" project): transactions are all or nothing, savepoints undo their own part, racing
// read-modify-write transactions lose nothing, and a read outside a transaction never sees an
// uncommitted write.
const db = withTestDatabase({ seed: false });

const setNote = query<[string, string], never>("insert into settings_for_test (k, v) values (?, ?) on conflict (k) do update set v = excluded.v");

describe(`the database door (${process.env.TEST_ENGINE ?? "sqlite"})`, () => {
  test("runs on the engine the test project names", async () => {
    expect(engineKind()).toBe(db.engine);
    await statement("create table settings_for_test (k text primary key, v text not null)").run();
    await statement("create table counter_for_test (id integer primary key, n integer not null)").run();
    await statement("insert into counter_for_test (id, n) values (1, 0)").run();
  });

  test("a transaction that throws leaves nothing behind", async () => {
    await expect(
      transaction(async () => {
        await setNote().run("a", "written");
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(await statement("select v from settings_for_test where k = 'a'").get()).toBeUndefined();
  });

  test("a nested transaction that throws undoes only its own part", async () => {
    await transaction(async () => {
      await setNote().run("outer", "kept");
      await transaction(async () => {
        await setNote().run("inner", "undone");
        throw new Error("inner refused");
      }).catch(() => undefined);
    });
    const rows = await statement<[], { k: string }>("select k from settings_for_test order by k").all();
    expect(rows.map((r) => r.k)).toEqual(["outer"]);
  });

  test("racing read-modify-write transactions lose no update", async () => {
    const read = query<[], { n: number }>("select n from counter_for_test where id = 1");
    const write = query<[number], never>("update counter_for_test set n = ? where id = 1");
    await Promise.all(
      Array.from({ length: 25 }, () =>
        transaction(async () => {
          const { n } = (await read().get())!;
          await write().run(n + 1);
        }),
      ),
    );
    expect((await read().get())!.n).toBe(25);
  });

  test("a read outside a transaction does not see another transaction's uncommitted write", async () => {
    let seenInside: unknown = "unset";
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const writer = transaction(async () => {
      await setNote().run("pending", "uncommitted");
      await gate;
    });
    // Let the transaction reach its write, then read from outside it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    seenInside = await statement("select v from settings_for_test where k = 'pending'").get();
    release();
    await writer;
    expect(seenInside).toBeUndefined();
    expect(await statement("select v from settings_for_test where k = 'pending'").get()).toEqual({ v: "uncommitted" });
  });

  test("run() counts the rows it changed; counts come back as numbers", async () => {
    await setNote().run("x", "1");
    await setNote().run("y", "2");
    expect((await statement("update settings_for_test set v = 'z' where k in ('x', 'y')").run()).changes).toBe(2);
    expect((await statement("update settings_for_test set v = 'z' where k = 'none'").run()).changes).toBe(0);
    expect(await statement("select count(*) as n, sum(length(v)) as total from settings_for_test").get()).toEqual({ n: 4, total: 17 });
  });
});

test("named parameters bind from one object; rows stream a few at a time", async () => {
  const named = statement<[{ lo: number; hi: number }], { n: number }>(
    "select count(*) as n from counter_for_test where id >= @lo and id <= @hi and @lo <= @hi",
  );
  expect(await named.get({ lo: 1, hi: 1 })).toEqual({ n: 1 });
  await statement("insert into counter_for_test (id, n) select i, i from (select 2 as i union all select 3 union all select 4) x").run();
  const seen: number[] = [];
  for await (const row of statement<[number], { id: number }>("select id from counter_for_test where id >= ? order by id").iterate(2)) seen.push(row.id);
  expect(seen).toEqual([2, 3, 4]);
});

describe("PostgreSQL's statement text", () => {
  test("placeholders are numbered outside quotes and comments", () => {
    expect(numberPlaceholders("select ? as a, '?' as b, \"c?\" -- d?\n, ?")).toEqual({ text: "select $1 as a, '?' as b, \"c?\" -- d?\n, $2", names: null });
    expect(numberPlaceholders("select @b, @a, '@c', @b")).toEqual({ text: "select $1, $2, '@c', $1", names: ["b", "a"] });
  });
  test("reads and writes are told apart", () => {
    expect(onlyReads("  select 1")).toBe(true);
    expect(onlyReads("with x as (select 1) select * from x")).toBe(true);
    expect(onlyReads("with x as (select 1) insert into t select * from x")).toBe(false);
    expect(onlyReads("update t set a = 1")).toBe(false);
  });
});
