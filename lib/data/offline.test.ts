import { describe, expect, it } from "vitest";
import { statement } from "@/db";
import { withTestDatabase } from "@/lib/testing/demo-db";
import { viewerByLogin } from "@/lib/auth/viewer-by-login";
import * as offline from "./offline";

// What the offline worker is told to save, on the seeded demo tree.
withTestDatabase();

const one = async <T>(sql: string, ...params: unknown[]) => (await statement<unknown[], T>(sql).get(...params)) as T;
const unitId = async (nameHi: string) => (await one<{ id: number }>("select id from units where name_hi = ? order by id limit 1", nameHi)).id;
const viewerFor = viewerByLogin;

const SOUTH = "मखदुमपुर दक्षिणी मंडल";

describe("own units saved after login", () => {
  it("are home, each granted unit and its direct children", async () => {
    const south = await unitId(SOUTH);
    const children = (await statement<[number], { id: number }>("select id from units where parent_id = ?").all(south)).map((r) => `/units/${r.id}`);
    const pages = await offline.ownUnitPages(await viewerFor("+919000000003"));
    expect(pages[0]).toBe("/");
    expect(pages[1]).toBe(`/units/${south}`);
    expect(new Set(pages.slice(2))).toEqual(new Set(children));
  });

  it("stop at the cap for a state admin, granted units first", async () => {
    const pages = await offline.ownUnitPages(await viewerFor("+919000000009"));
    expect(pages.length).toBeLessThanOrEqual(offline.OWN_UNITS_MAX + 1);
    expect(pages[1]).toBe(`/units/${await unitId("बिहार")}`);
  });
});

describe("save for offline", () => {
  it("lists a mandal's whole subtree down to the booths", async () => {
    const south = await unitId(SOUTH);
    const all = (await one<{ n: number }>("select count(*) as n from units where path >= (select path from units where id = ?) and path < (select substr(path, 1, length(path) - 1) || '0' from units where id = ?)", south, south)).n;
    const bearers = await statement<[number], { id: number }>("select distinct person_id as id from tenures where unit_id = ? and end_date is null").all(south);
    expect(bearers.length).toBeGreaterThan(0);
    const result = await offline.subtreePages(await viewerFor("+919000000010"), south);
    expect(result?.paths).toHaveLength(all + bearers.length);
    expect(result?.total).toBe(all + bearers.length);
    expect(result?.truncated).toBe(false);
    // The mandal's own office-bearers' pages, right after the mandal's.
    expect(result?.paths[0]).toBe(`/units/${south}`);
    expect(new Set(result?.paths.slice(1, 1 + bearers.length))).toEqual(new Set(bearers.map((b) => `/people/${b.id}`)));
  });

  it("says when it stops at the bound, and how many there are in all", async () => {
    const south = await unitId(SOUTH);
    const full = (await offline.subtreePages(await viewerFor("+919000000010"), south))!;
    const cut = (await offline.subtreePages(await viewerFor("+919000000010"), south, 20))!;
    expect(cut.paths).toEqual(full.paths.slice(0, 20));
    expect(cut.truncated).toBe(true);
    expect(cut.total).toBe(full.total);
  });

  it("refuses a unit outside the viewer's grants, above them, or above a mandal", async () => {
    expect(await offline.subtreePages(await viewerFor("+919000000010"), await unitId("काको मंडल"))).toBeNull();
    expect(await offline.subtreePages(await viewerFor("+919000000010"), await unitId("मखदुमपुर"))).toBeNull();
    expect(await offline.subtreePages(await viewerFor("+919000000009"), await unitId("जहानाबाद"))).toBeNull();
    expect(await offline.subtreePages(await viewerFor("+919000000009"), 999_999_999)).toBeNull();
  });
});
