import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildCoverageCounts } from "@/lib/coverage/counts";
import { makeTestDatabase } from "@/lib/testing/demo-db";
import { COVERAGE_RECOUNT } from "./coverage-recount";

/**
 * The portable recount (for PostgreSQL too) against SQLite's own: on the demo data, the counts it
 * writes equal those of the json_each backfill of drizzle/0014 (lib/coverage/counts.ts).
 * db/pg/rules.test.ts checks it against the triggers on PostgreSQL.
 */

let t: ReturnType<typeof makeTestDatabase>;
beforeAll(() => {
  t = makeTestDatabase();
});
afterAll(() => t.cleanup());

const TABLES = [
  ["coverage_units", "n"],
  ["coverage_filled", "filled"],
  ["coverage_days", "delta"],
] as const;

function counts() {
  return TABLES.map(([table, value]) => t.sqlite.prepare(`select * from ${table} where ${value} <> 0 order by 1, 2`).raw().all());
}

describe("the portable coverage recount", () => {
  it("writes the counts of SQLite's own backfill", () => {
    rebuildCoverageCounts(t.sqlite);
    const expected = counts();
    t.sqlite.transaction(() => {
      for (const sql of COVERAGE_RECOUNT) t.sqlite.exec(sql);
    })();
    const got = counts();
    expect(got.map((rows) => rows.length)).toEqual(expected.map((rows) => rows.length));
    expect(got).toEqual(expected);
    expect(expected.every((rows) => rows.length > 100)).toBe(true);
  });
});
