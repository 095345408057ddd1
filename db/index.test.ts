/**
 * The door's own rules (db/index.ts) on a real SQLite file: all or nothing, savepoints, one
 * transaction at a time, no dirty reads, and `changes`.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/testing/demo-db";
import { query, statement, transaction } from "./index";

const t = withTestDatabase({ seed: false });

beforeAll(() => {
  t.sqlite.exec("create table counters (id integer primary key, n integer not null)");
});
beforeEach(() => {
  t.sqlite.exec("delete from counters");
});

const insert = query<[number, number]>("insert into counters (id, n) values (?, ?)");
const valueOf = query<[number], { n: number }>("select n from counters where id = ?");
const setValue = query<[number, number]>("update counters set n = ? where id = ?");
const ids = query<[], { id: number }>("select id from counters order by id");

const idsNow = async () => (await ids().all()).map((r) => r.id);

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

  it("started together, both commit one after the other, and no increment is lost", async () => {
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
    expect(events).toEqual(["a begins", "a ends", "b begins", "b ends"]);
  });

  it("many at once, with a write outside any transaction among them: every increment counts", async () => {
    await insert().run(11, 0);
    const bump = () =>
      transaction(async () => {
        const { n } = (await valueOf().get(11))!;
        await setValue().run(n + 1, 11);
      });
    await Promise.all([bump(), bump(), insert().run(12, 0), bump(), bump(), bump()]);
    expect((await valueOf().get(11))!.n).toBe(5);
    expect(await idsNow()).toEqual([11, 12]);
  });
});

describe("reads", () => {
  it("outside a transaction, do not see what an open transaction has written", async () => {
    let inside: number | undefined;
    let outside: number | undefined;
    await Promise.all([
      transaction(async () => {
        await insert().run(20, 7);
        inside = (await valueOf().get(20))?.n;
        // Still open while the read below runs: it awaits the database again before committing.
        await ids().all();
      }),
      (async () => {
        outside = (await valueOf().get(20))?.n;
      })(),
    ]);
    expect(inside).toBe(7);
    expect(outside).toBeUndefined();
    expect((await valueOf().get(20))?.n).toBe(7);
  });
});

describe("run()", () => {
  it("counts the rows a statement changed", async () => {
    for (const id of [1, 2, 3]) expect(await insert().run(id, 0)).toEqual({ changes: 1 });
    expect(await statement<[number]>("update counters set n = n + 1 where id <= ?").run(2)).toEqual({ changes: 2 });
    expect(await statement<[number]>("update counters set n = n + 1 where id > ?").run(100)).toEqual({ changes: 0 });
    expect(await statement("delete from counters").run()).toEqual({ changes: 3 });
  });
});
