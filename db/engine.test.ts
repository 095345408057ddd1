/**
 * The data layer's door (db/index.ts), on whichever engine the project runs (SQLite, and PostgreSQL
 * in the "postgres" project): transactions are all or nothing, savepoints undo their own part, one
 * transaction at a time without lost updates, no dirty reads outside a transaction, `changes`,
 * named parameters and streamed reads.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/testing/demo-db";
import { engineKind, query, statement, transaction } from "./index";
import { numberPlaceholders, onlyReads, troubleOf } from "./engine-pg";
import { databaseTrouble } from "./errors";

const db = withTestDatabase({ seed: false });

beforeAll(async () => {
  await statement("create table counters (id integer primary key, n integer not null)").run();
});
beforeEach(async () => {
  await statement("delete from counters").run();
});

const insert = query<[number, number]>("insert into counters (id, n) values (?, ?)");
const valueOf = query<[number], { n: number }>("select n from counters where id = ?");
const setValue = query<[number, number]>("update counters set n = ? where id = ?");
const ids = query<[], { id: number }>("select id from counters order by id");

const idsNow = async () => (await ids().all()).map((r) => r.id);

it(`runs on the engine the test project names (${db.engine})`, () => {
  expect(engineKind()).toBe(db.engine);
});

describe("transaction()", () => {
  it("leaves nothing behind when its work throws", async () => {
    await expect(
      transaction(async () => {
        await insert().run(1, 0);
        await insert().run(2, 0);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await idsNow()).toEqual([]);
  });

  it("commits everything when its work returns, and hands back what it returned", async () => {
    const result = await transaction(async () => {
      await insert().run(1, 0);
      await insert().run(2, 0);
      return "done";
    });
    expect(result).toBe("done");
    expect(await idsNow()).toEqual([1, 2]);
  });

  it("nested, undoes only the inner part when the inner work throws", async () => {
    await transaction(async () => {
      await insert().run(1, 0);
      await expect(
        transaction(async () => {
          await insert().run(2, 0);
          throw new Error("inner");
        }),
      ).rejects.toThrow("inner");
      await insert().run(3, 0);
    });
    expect(await idsNow()).toEqual([1, 3]);
  });

  it("nested, undoes the inner part too when the outer work throws after it", async () => {
    await expect(
      transaction(async () => {
        await insert().run(1, 0);
        await transaction(async () => {
          await insert().run(2, 0);
        });
        throw new Error("outer");
      }),
    ).rejects.toThrow("outer");
    expect(await idsNow()).toEqual([]);
  });

  it("started together, run one after the other, and no increment is lost", async () => {
    await insert().run(10, 0);
    const events: string[] = [];
    // Read, await, write: two of these at once would both read 0 if they interleaved.
    const bump = (name: string) =>
      transaction(async () => {
        events.push(`${name} begins`);
        const { n } = (await valueOf().get(10))!;
        await ids().all();
        await setValue().run(n + 1, 10);
        events.push(`${name} ends`);
      });
    await Promise.all([bump("a"), bump("b")]);
    expect((await valueOf().get(10))!.n).toBe(2);
    // Which goes first is the engine's to choose; that one ends before the other begins.
    const [first, second] = events[0] === "a begins" ? ["a", "b"] : ["b", "a"];
    expect(events).toEqual([`${first} begins`, `${first} ends`, `${second} begins`, `${second} ends`]);
  });

  it("many at once, with a write outside any transaction among them: every increment counts", async () => {
    await insert().run(11, 0);
    const bump = () =>
      transaction(async () => {
        const { n } = (await valueOf().get(11))!;
        await setValue().run(n + 1, 11);
      });
    await Promise.all([...Array.from({ length: 12 }, bump), insert().run(12, 0), ...Array.from({ length: 13 }, bump)]);
    expect((await valueOf().get(11))!.n).toBe(25);
    expect(await idsNow()).toEqual([11, 12]);
  });
});

describe("reads", () => {
  it("outside a transaction, do not see what an open transaction has written", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inside: number | undefined;
    const writer = transaction(async () => {
      await insert().run(20, 7);
      inside = (await valueOf().get(20))?.n;
      await gate;
    });
    // Let the transaction reach its write, then read from outside it while it is still open.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const outside = await valueOf().get(20);
    release();
    await writer;
    expect(inside).toBe(7);
    expect(outside).toBeUndefined();
    expect((await valueOf().get(20))?.n).toBe(7);
  });
});

describe("run()", () => {
  it("counts the rows a statement changed; counts and sums come back as numbers", async () => {
    for (const id of [1, 2, 3]) expect(await insert().run(id, id)).toEqual({ changes: 1 });
    expect(await statement<[number]>("update counters set n = n + 1 where id <= ?").run(2)).toEqual({ changes: 2 });
    expect(await statement<[number]>("update counters set n = n + 1 where id > ?").run(100)).toEqual({ changes: 0 });
    expect(await statement("select count(*) as rows, sum(n) as total from counters").get()).toEqual({ rows: 3, total: 8 });
    expect(await statement("delete from counters").run()).toEqual({ changes: 3 });
  });
});

it("named parameters bind from one object; rows stream a few at a time", async () => {
  for (const id of [1, 2, 3, 4]) await insert().run(id, id);
  const named = statement<[{ lo: number; hi: number }], { n: number }>("select count(*) as n from counters where id >= @lo and id <= @hi and @lo <= @hi");
  expect(await named.get({ lo: 1, hi: 1 })).toEqual({ n: 1 });
  expect(await named.get({ lo: 2, hi: 1 })).toEqual({ n: 0 });
  const seen: number[] = [];
  for await (const row of statement<[number], { id: number }>("select id from counters where id >= ? order by id").iterate(2)) seen.push(row.id);
  expect(seen).toEqual([2, 3, 4]);
});

describe("PostgreSQL's statement text", () => {
  it("numbers placeholders outside quotes and comments", () => {
    expect(numberPlaceholders("select ? as a, '?' as b, \"c?\" -- d?\n, ?")).toEqual({ text: "select $1 as a, '?' as b, \"c?\" -- d?\n, $2", names: null });
    expect(numberPlaceholders("select @b, @a, '@c', @b")).toEqual({ text: "select $1, $2, '@c', $1", names: ["b", "a"] });
  });
  it("tells reads and writes apart", () => {
    expect(onlyReads("  select 1")).toBe(true);
    expect(onlyReads("with x as (select 1) select * from x")).toBe(true);
    expect(onlyReads("with x as (select 1) insert into t select * from x")).toBe(false);
    expect(onlyReads("update t set a = 1")).toBe(false);
  });
});

describe("PostgreSQL's errors as the trouble they mean", () => {
  const coded = (code: string, message = "x") => Object.assign(new Error(message), { code });
  it("busy: the lock wait ran out, or the server's idle transaction was ended (nothing of it written)", () => {
    expect(databaseTrouble(troubleOf(coded("55P03")))).toBe("busy");
    expect(databaseTrouble(troubleOf(coded("25P03", "terminating connection due to idle-in-transaction timeout")))).toBe("busy");
  });
  it("unreachable: no connection, or the server shutting down", () => {
    expect(databaseTrouble(troubleOf(coded("ECONNREFUSED")))).toBe("unreachable");
    expect(databaseTrouble(troubleOf(coded("57P01")))).toBe("unreachable");
    expect(databaseTrouble(troubleOf(coded("08006")))).toBe("unreachable");
  });
  it("anything else is left as it is", () => {
    const error = coded("23505");
    expect(troubleOf(error)).toBe(error);
  });
});
