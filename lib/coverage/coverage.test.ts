import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestDatabase } from "@/lib/testing/demo-db";
import { viewerFromDb } from "@/lib/auth/viewer-from-db";

let t: ReturnType<typeof makeTestDatabase>;
let c: typeof import("./coverage");

beforeAll(async () => {
  t = makeTestDatabase();
  process.env.DATABASE_URL = t.file;
  c = await import("./coverage");
});
afterAll(() => t.cleanup());

const idOf = (name: string) => (t.sqlite.prepare("select id from units where name_hi = ? order by id limit 1").get(name) as { id: number }).id;
const postOf = (level: string, body: string, title: string) =>
  (t.sqlite.prepare("select p.id from posts p join bodies b on b.id = p.body_id where p.level = ? and b.key = ? and p.title_key = ?").get(level, body, title) as { id: number }).id;

/** Brute force: every seat of every unit in the subtree, held or not, one by one. */
function recount(rootPath: string) {
  const seats = t.sqlite
    .prepare(
      `select u.level, p.body_id as "bodyId", p.id as "postId", u.id as "unitId", p.seats from units u join posts p on p.level = u.level where u.path like ? || '%'`,
    )
    .all(rootPath) as Array<{ level: string; bodyId: number; postId: number; unitId: number; seats: number }>;
  const held = t.sqlite.prepare("select count(*) as n from tenures where unit_id = ? and post_id = ? and end_date is null");
  const out = new Map<string, { filled: number; total: number }>();
  for (const s of seats) {
    const key = `${s.level}:${s.bodyId}`;
    const e = out.get(key) ?? { filled: 0, total: 0 };
    e.total += s.seats;
    e.filled += (held.get(s.unitId, s.postId) as { n: number }).n;
    out.set(key, e);
  }
  return out;
}

describe("coverage", () => {
  it("equals a seat-by-seat recount after random fills and vacates", async () => {
    const admin = viewerFromDb(t.sqlite, "+919000000001");
    const jehanabad = idOf("जहानाबाद");
    const path = (t.sqlite.prepare("select path from units where id = ?").get(jehanabad) as { path: string }).path;
    const person = (t.sqlite.prepare("select id from people order by id limit 1").get() as { id: number }).id;
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const booths = t.sqlite.prepare("select id from units where level = 'booth' and path like ? || '%'").all(path) as Array<{ id: number }>;
    const boothPosts = t.sqlite.prepare("select id from posts where level = 'booth' and seats = 1").all() as Array<{ id: number }>;
    for (let round = 0; round < 30; round++) {
      for (let i = 0; i < 20; i++) {
        const unit = booths[rand(booths.length)].id;
        const post = boothPosts[rand(boothPosts.length)].id;
        const current = t.sqlite.prepare("select id from tenures where unit_id = ? and post_id = ? and seat = 1 and end_date is null").get(unit, post) as { id: number } | undefined;
        if (current) t.sqlite.prepare("update tenures set end_date = '2026-11-01', end_kind = 'vacated' where id = ?").run(current.id);
        else t.sqlite.prepare("insert into tenures (person_id, unit_id, post_id, seat, start_date) values (?, ?, ?, 1, '2026-10-01')").run(person, unit, post);
      }
      const got = (await c.coverageOf(admin, jehanabad))!.rows;
      const want = recount(path);
      expect(got.length).toBe(want.size);
      for (const r of got) expect({ key: `${r.level}:${r.bodyId}`, filled: r.filled, total: r.total }).toEqual({ key: `${r.level}:${r.bodyId}`, ...want.get(`${r.level}:${r.bodyId}`) });
    }
  });

  it("ranks Jehanabad's children worst first for the shakti kendra IT cell convenor", async () => {
    const ranked = (await c.rankChildren(viewerFromDb(t.sqlite, "+919000000001"), idOf("जहानाबाद"), postOf("shakti_kendra", "it_cell", "convenor")))!.children;
    expect(ranked.length).toBeGreaterThan(1);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].filled / ranked[i - 1].total).toBeLessThanOrEqual(ranked[i].filled / ranked[i].total);
  });

  it("no figure above or outside the viewer's grants", async () => {
    const mandalEditor = viewerFromDb(t.sqlite, "+919000000003");
    expect(await c.coverageOf(mandalEditor, idOf("जहानाबाद"))).toBeNull();
    expect(await c.coverageOf(mandalEditor, idOf("पश्चिमी चंपारण"))).toBeNull();
    expect(await c.coverageOf(mandalEditor, idOf("मखदुमपुर दक्षिणी मंडल"))).not.toBeNull();
  });
});
