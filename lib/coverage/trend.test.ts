import { describe, expect, it } from "vitest";
import { statement } from "@/db";
import { withTestDatabase } from "@/lib/testing/demo-db";
import { viewerByLogin } from "@/lib/auth/viewer-by-login";
import * as trend from "./trend";

withTestDatabase();

const one = async <T>(sql: string, ...params: unknown[]) => (await statement<unknown[], T>(sql).get(...params))!;
const all = <T>(sql: string, ...params: unknown[]) => statement<unknown[], T>(sql).all(...params);

describe("the month-end trend", () => {
  it("has 12 points ending today, each the last day of its month", () => {
    expect(trend.monthEnds("2026-11-30")).toEqual([
      "2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31",
      "2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31", "2026-11-30",
    ]);
    expect(trend.monthEnds("2028-03-05")[11 - 1]).toBe("2028-02-29");
  });

  it("equals a recount from every tenure row, after changes dated in the past", async () => {
    const mandal = await one<{ id: number; path: string }>("select id, path from units where name_hi = 'मखदुमपुर दक्षिणी मंडल'");
    // Some history: a few tenures ended in the spring, a few started in the summer.
    await statement(
      "update tenures set end_date = '2026-04-15', end_kind = 'vacated' where id in (select t.id from tenures t join units u on u.id = t.unit_id where u.path like ? || '%' and t.end_date is null and t.start_date < '2026-04-01' order by t.id limit 7)",
    ).run(mandal.path);
    await statement(
      "update tenures set start_date = '2026-07-10' where id in (select t.id from tenures t join units u on u.id = t.unit_id where u.path like ? || '%' and t.end_date is null order by t.id limit 5)",
    ).run(mandal.path);
    const rows = await all<{ s: string; e: string | null }>("select t.start_date as s, t.end_date as e from tenures t join units u on u.id = t.unit_id where u.path like ? || '%'", mandal.path);
    const got = (await trend.trendOf(await viewerByLogin("+919000000003"), mandal.id, "2026-11-30"))!;
    for (const p of got) expect(p.filled, p.monthEnd).toBe(rows.filter((r) => r.s <= p.monthEnd && (r.e === null || r.e > p.monthEnd)).length);
    expect(new Set(got.map((p) => p.filled)).size).toBeGreaterThan(1);
  });

  it("nothing for a unit above the grants", async () => {
    const jehanabad = await one<{ id: number }>("select id from units where name_hi = 'जहानाबाद'");
    expect(await trend.trendOf(await viewerByLogin("+919000000003"), jehanabad.id)).toBeNull();
  });
});
