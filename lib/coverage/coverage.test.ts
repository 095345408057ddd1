import { describe, expect, it } from "vitest";
import { statement } from "@/db";
import { withTestDatabase } from "@/lib/testing/demo-db";
import { viewerByLogin } from "@/lib/auth/viewer-by-login";
import * as c from "./coverage";

withTestDatabase();

const one = async <T>(sql: string, ...params: unknown[]) => (await statement<unknown[], T>(sql).get(...params))!;
const all = <T>(sql: string, ...params: unknown[]) => statement<unknown[], T>(sql).all(...params);
const idOf = async (name: string) => (await one<{ id: number }>("select id from units where name_hi = ? order by id limit 1", name)).id;
const postOf = async (level: string, body: string, title: string) =>
  (await one<{ id: number }>("select p.id from posts p join bodies b on b.id = p.body_id where p.level = ? and b.key = ? and p.title_key = ?", level, body, title)).id;

/** Brute force: every seat of every unit in the subtree, held or not, one by one. */
async function recount(rootPath: string) {
  const seats = await all<{ level: string; bodyId: number; postId: number; unitId: number; seats: number }>(
    `select u.level, p.body_id as "bodyId", p.id as "postId", u.id as "unitId", p.seats from units u join posts p on p.level = u.level where u.path like ? || '%'`,
    rootPath,
  );
  const held = new Map<string, number>();
  for (const t of await all<{ unitId: number; postId: number }>("select unit_id as \"unitId\", post_id as \"postId\" from tenures where end_date is null")) {
    held.set(`${t.unitId}:${t.postId}`, (held.get(`${t.unitId}:${t.postId}`) ?? 0) + 1);
  }
  const out = new Map<string, { filled: number; total: number }>();
  for (const s of seats) {
    const key = `${s.level}:${s.bodyId}`;
    const e = out.get(key) ?? { filled: 0, total: 0 };
    e.total += s.seats;
    e.filled += held.get(`${s.unitId}:${s.postId}`) ?? 0;
    out.set(key, e);
  }
  return out;
}

describe("coverage", () => {
  it("equals a seat-by-seat recount after random fills and vacates", async () => {
    const admin = await viewerByLogin("+919000000001");
    const jehanabad = await idOf("जहानाबाद");
    const path = (await one<{ path: string }>("select path from units where id = ?", jehanabad)).path;
    const person = (await one<{ id: number }>("select id from people order by id limit 1")).id;
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const booths = await all<{ id: number }>("select id from units where level = 'booth' and path like ? || '%' order by id", path);
    const boothPosts = await all<{ id: number }>("select id from posts where level = 'booth' and seats = 1 order by id");
    for (let round = 0; round < 30; round++) {
      for (let i = 0; i < 20; i++) {
        const unit = booths[rand(booths.length)].id;
        const post = boothPosts[rand(boothPosts.length)].id;
        const current = await statement<unknown[], { id: number }>("select id from tenures where unit_id = ? and post_id = ? and seat = 1 and end_date is null").get(unit, post);
        if (current) await statement("update tenures set end_date = '2026-11-01', end_kind = 'vacated' where id = ?").run(current.id);
        else await statement("insert into tenures (person_id, unit_id, post_id, seat, start_date) values (?, ?, ?, 1, '2026-10-01')").run(person, unit, post);
      }
      const got = (await c.coverageOf(admin, jehanabad))!.rows;
      const want = await recount(path);
      expect(got.length).toBe(want.size);
      for (const r of got) expect({ key: `${r.level}:${r.bodyId}`, filled: r.filled, total: r.total }).toEqual({ key: `${r.level}:${r.bodyId}`, ...want.get(`${r.level}:${r.bodyId}`) });
    }
  });

  it("ranks Jehanabad's children worst first for the shakti kendra IT cell convenor", async () => {
    const ranked = (await c.rankChildren(await viewerByLogin("+919000000001"), await idOf("जहानाबाद"), await postOf("shakti_kendra", "it_cell", "convenor")))!.children;
    expect(ranked.length).toBeGreaterThan(1);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].filled / ranked[i - 1].total).toBeLessThanOrEqual(ranked[i].filled / ranked[i].total);
  });

  it("no figure above or outside the viewer's grants", async () => {
    const mandalEditor = await viewerByLogin("+919000000003");
    expect(await c.coverageOf(mandalEditor, await idOf("जहानाबाद"))).toBeNull();
    expect(await c.coverageOf(mandalEditor, await idOf("पश्चिमी चंपारण"))).toBeNull();
    expect(await c.coverageOf(mandalEditor, await idOf("मखदुमपुर दक्षिणी मंडल"))).not.toBeNull();
  });
});
