import { describe, expect, it } from "vitest";
import { statement } from "@/db";
import type { Viewer } from "@/lib/auth/session";
import { nowInIndia } from "@/lib/roster/dates";
import { withTestDatabase } from "@/lib/testing/demo-db";
import { viewerByLogin } from "@/lib/auth/viewer-by-login";
import * as d from "./progress";
import * as s from "./service";

withTestDatabase();

type UnitRow = { id: number; path: string; level: string; parentId: number | null; whatsappUrl: string | null };
const one = async <T>(sql: string, ...params: unknown[]) => (await statement<unknown[], T>(sql).get(...params)) as T;
const all = <T>(sql: string, ...params: unknown[]) => statement<unknown[], T>(sql).all(...params);
const run = (sql: string, ...params: unknown[]) => statement(sql).run(...params);
const unitNamed = (nameHi: string) => one<UnitRow>("select id, path, level, parent_id as \"parentId\", whatsapp_url as \"whatsappUrl\" from units where name_hi = ? order by id limit 1", nameHi);
const driveNamed = async (like: string) => (await one<{ id: number }>("select id from drives where name like ?", `%${like}%`)).id;

/** Brute force: every unit of the drive's level under `path`, asked one by one whether it is done. */
async function recount(driveId: number, path: string) {
  const drive = await one<{ kind: string; level: string; postId: number | null; since: string | null }>("select kind, level, post_id as \"postId\", since from drives where id = ?", driveId);
  const units = (await all<UnitRow>("select id, path, level, parent_id as \"parentId\", whatsapp_url as \"whatsappUrl\" from units where level = ?", drive.level)).filter((u) =>
    u.path.startsWith(path),
  );
  // Every current holder of the post and every meeting, read once; each unit asked against them.
  const held = await all<{ unitId: number }>("select unit_id as \"unitId\" from tenures where post_id = ? and end_date is null", drive.postId);
  const meetings = await all<{ unitId: number; startsAt: string }>("select unit_id as \"unitId\", starts_at as \"startsAt\" from meetings");
  const now = nowInIndia();
  const isDone = (u: UnitRow) =>
    drive.kind === "post"
      ? held.some((t) => t.unitId === u.id)
      : drive.kind === "whatsapp"
        ? (u.whatsappUrl ?? "").trim() !== ""
        : meetings.some((m) => m.unitId === u.id && m.startsAt >= drive.since! && m.startsAt <= now);
  const missing = units.filter((u) => !isDone(u)).map((u) => u.id);
  return { total: units.length, done: units.length - missing.length, missing: missing.sort((a, b) => a - b) };
}

/** The view's figures, its children's and its missing list all agree with the recount. */
async function expectAgrees(viewer: Viewer, driveId: number, unitId?: number) {
  const view = (await d.getDriveView(viewer, driveId, unitId))!;
  expect(view).not.toBeNull();
  const want = await recount(driveId, view.part.path);
  expect({ done: view.done, total: view.total }).toEqual({ done: want.done, total: want.total });
  for (const c of view.children) {
    const path = (await one<{ path: string }>("select path from units where id = ?", c.id)).path;
    const cw = await recount(driveId, path);
    expect({ id: c.id, done: c.done, total: c.total }).toEqual({ id: c.id, done: cw.done, total: cw.total });
  }
  if (view.children.length > 0) expect(view.children.reduce((n, c) => n + c.total, 0)).toBe(view.total);
  for (let i = 1; i < view.children.length; i++) {
    const [a, b] = [view.children[i - 1], view.children[i]];
    expect(a.done / a.total).toBeLessThanOrEqual(b.done / b.total);
  }
  const missing = (await d.listMissing(viewer, driveId, unitId))!;
  expect(missing.units.map((u) => u.id).sort((a, b) => a - b)).toEqual(want.missing);
  return view;
}

describe("drive progress", () => {
  it("the demo drives: IT cell convenors across Jehanabad, WhatsApp groups in Makhdumpur South part done", async () => {
    const admin = await viewerByLogin("+919000000001");
    const it = await expectAgrees(admin, await driveNamed("आईटी सेल संयोजक"));
    expect(it.part.id).toBe((await unitNamed("जहानाबाद")).id);
    expect(it.children.map((c) => c.level)).toEqual(["assembly", "assembly", "assembly"]);
    expect(it.done).toBeGreaterThan(0);
    expect(it.done).toBeLessThan(it.total);
    const wa = await expectAgrees(admin, await driveNamed("व्हाट्सएप"));
    expect(wa.done).toBeGreaterThan(0);
    expect(wa.done).toBeLessThan(wa.total);
    expect(wa.children.every((c) => c.level === "shakti_kendra")).toBe(true);
  });

  it("equals a brute-force recount after random fills, vacates, links and meetings, at every part", async () => {
    const admin = await viewerByLogin("+919000000001");
    const jehanabad = await unitNamed("जहानाबाद");
    const driveIt = await driveNamed("आईटी सेल संयोजक");
    const driveWa = await driveNamed("व्हाट्सएप");
    const mandalId = (await unitNamed("काको मंडल")).id;
    const created = await s.createDrive(admin, { unitId: jehanabad.id, name: "हर बूथ की बैठक", kind: "meeting", level: "booth", postId: null, since: "2026-10-01", deadline: "2027-06-30" }, "2026-11-30");
    expect(created.ok).toBe(true);
    const driveMeet = created.ok ? created.data.driveId : 0;
    const post = (await one<{ id: number }>("select post_id as id from drives where id = ?", driveIt)).id;
    const sks = await all<{ id: number }>("select id from units where level = 'shakti_kendra' and path >= ? and path < ? order by id", jehanabad.path, jehanabad.path.slice(0, -1) + "0");
    const booths = await all<{ id: number }>("select id from units where level = 'booth' and path >= ? and path < ? order by id", jehanabad.path, jehanabad.path.slice(0, -1) + "0");
    const person = (await one<{ id: number }>("select id from people order by id limit 1")).id;
    let seed = 11;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 12; round++) {
      for (let i = 0; i < 8; i++) {
        const sk = sks[rand(sks.length)].id;
        const current = await one<{ id: number } | undefined>("select id from tenures where unit_id = ? and post_id = ? and end_date is null", sk, post);
        if (current) await run("update tenures set end_date = '2026-11-20', end_kind = 'vacated' where id = ?", current.id);
        else await run("insert into tenures (person_id, unit_id, post_id, seat, start_date) values (?, ?, ?, 1, '2026-11-01')", person, sk, post);
        const link = rand(3);
        await run("update units set whatsapp_url = ? where id = ?", link === 0 ? null : link === 1 ? "  " : `https://chat.whatsapp.com/Round${round}x${i}abcdef`, sks[rand(sks.length)].id);
        const booth = booths[rand(booths.length)].id;
        await run("insert into meetings (unit_id, title, starts_at, mode) values (?, 'बूथ बैठक', ?, 'place')", booth, ["2026-09-15T10:00", "2026-10-05T18:30", "2099-01-01T10:00"][rand(3)]);
      }
      for (const id of [driveIt, driveWa, driveMeet]) {
        const top = await expectAgrees(admin, id);
        for (const c of top.children.slice(0, 2)) await expectAgrees(admin, id, c.id);
      }
      await expectAgrees(admin, driveIt, mandalId);
    }
  });

  it("a meeting drive counts a meeting held since its date, not one only scheduled ahead", async () => {
    const admin = await viewerByLogin("+919000000001");
    const mandal = await unitNamed("घोसी मंडल");
    const created = await s.createDrive(admin, { unitId: mandal.id, name: "घोसी बूथ बैठक", kind: "meeting", level: "booth", postId: null, since: "2026-10-01", deadline: "2027-06-30" }, "2026-11-30");
    expect(created.ok).toBe(true);
    const id = created.ok ? created.data.driveId : 0;
    const booth = (await one<{ id: number }>(
      "select u.id from units u where u.level = 'booth' and u.path >= ? and u.path < ? and not exists (select 1 from meetings m where m.unit_id = u.id) order by u.path limit 1",
      mandal.path,
      mandal.path.slice(0, -1) + "0",
    )).id;
    const meet = (startsAt: string) => run("insert into meetings (unit_id, title, starts_at, mode) values (?, 'बूथ बैठक', ?, 'place')", booth, startsAt);
    const before = (await d.getDriveView(admin, id))!.done;
    await meet("2099-01-01T10:00");
    expect((await d.getDriveView(admin, id))!.done).toBe(before);
    expect((await d.listMissing(admin, id))!.units.map((u) => u.id)).toContain(booth);
    await meet("2026-09-30T23:59");
    expect((await d.getDriveView(admin, id))!.done).toBe(before);
    await meet("2026-10-05T18:30");
    expect((await d.getDriveView(admin, id))!.done).toBe(before + 1);
    expect((await d.listMissing(admin, id))!.units.map((u) => u.id)).not.toContain(booth);
  });

  it("a viewer inside the drive sees his part only; above it or outside, nothing", async () => {
    const driveIt = await driveNamed("आईटी सेल संयोजक");
    const south = await unitNamed("मखदुमपुर दक्षिणी मंडल");
    const editor = await viewerByLogin("+919000000003");
    const view = await expectAgrees(editor, driveIt);
    expect(view.part.id).toBe(south.id);
    expect(view.trail).toEqual([]);
    expect(await d.getDriveView(editor, driveIt, (await unitNamed("जहानाबाद")).id)).toBeNull();
    expect(await d.getDriveView(editor, driveIt, (await unitNamed("मखदुमपुर")).id)).toBeNull();
    expect(await d.getDriveView(editor, driveIt, (await unitNamed("काको मंडल")).id)).toBeNull();
    expect(await d.listMissing(editor, driveIt, (await unitNamed("जहानाबाद")).id)).toBeNull();
    // The assembly viewer: his assembly, and each of its mandals.
    const assembly = await viewerByLogin("+919000000004");
    const av = await expectAgrees(assembly, driveIt);
    expect(av.part.id).toBe((await unitNamed("मखदुमपुर")).id);
    await expectAgrees(assembly, driveIt, south.id);
    // A shakti kendra is as deep as the drive goes; a booth below it is not a part of it.
    const sk = (await one<{ id: number }>("select id from units where parent_id = ? order by id limit 1", south.id)).id;
    expect((await d.getDriveView(editor, driveIt, sk))?.total).toBe(1);
    const booth = (await one<{ id: number }>("select id from units where parent_id = ? order by id limit 1", sk)).id;
    expect(await d.getDriveView(editor, driveIt, booth)).toBeNull();
    // The state admin sees the whole drive; someone granted elsewhere sees nothing of it.
    expect((await d.getDriveView(await viewerByLogin("+919000000009"), driveIt))?.part.id).toBe((await unitNamed("जहानाबाद")).id);
    const saran = await one<{ id: number; path: string }>("select id, path from units where name_en = 'Saran' and level = 'district'");
    const outsider: Viewer = { accountId: 999, personId: null, name: "x", grants: [{ unitId: saran.id, unitPath: saran.path, role: "admin", bodyId: null }] };
    expect(await d.getDriveView(outsider, driveIt)).toBeNull();
    expect(await d.listDrivesTouching(outsider, saran.id)).toEqual([]);
    expect(await d.getDriveView(editor, 987654)).toBeNull();
  });

  it("the home panel lists the open drives touching a unit, with the viewer's part of each", async () => {
    const south = await unitNamed("मखदुमपुर दक्षिणी मंडल");
    const editor = await viewerByLogin("+919000000003");
    const list = await d.listDrivesTouching(editor, south.id);
    const names = list.map((x) => x.drive.name);
    expect(names.some((n) => n.includes("आईटी सेल संयोजक"))).toBe(true);
    expect(names.some((n) => n.includes("व्हाट्सएप"))).toBe(true);
    for (const x of list) {
      expect(x.part.id).toBe(south.id);
      expect({ done: x.done, total: x.total }).toEqual((({ done, total }) => ({ done, total }))(await recount(x.drive.id, south.path)));
    }
    expect(await d.listDrivesTouching(editor, (await unitNamed("जहानाबाद")).id)).toEqual([]);
    expect((await d.getDrivePanel(editor, south.id))?.canCreate).toBe(false);
    expect((await d.getDrivePanel(await viewerByLogin("+919000000001"), south.id))?.canCreate).toBe(true);
  });

  it("a unit's list of drives holds the open and the closed ones touching it; only for a unit seen in full", async () => {
    const admin = await viewerByLogin("+919000000001");
    const ghosi = await unitNamed("घोसी मंडल");
    const made = await s.createDrive(admin, { unitId: ghosi.id, name: "घोसी: हर बूथ का व्हाट्सएप", kind: "whatsapp", level: "booth", postId: null, since: null, deadline: "2027-01-31" }, "2026-11-30");
    expect(made.ok).toBe(true);
    const id = made.ok ? made.data.driveId : 0;
    expect((await s.closeDrive(admin, { driveId: id })).ok).toBe(true);
    const all = (await d.listUnitDrives(admin, ghosi.id))!;
    expect(all.unit.id).toBe(ghosi.id);
    const names = all.drives.map((x) => x.drive.name);
    expect(names).toContain("घोसी: हर बूथ का व्हाट्सएप");
    expect(names.some((n) => n.includes("आईटी सेल संयोजक"))).toBe(true);
    // Open ones first; the closed one carries its closing date, and the home panel leaves it out.
    const closedAt = all.drives.findIndex((x) => x.drive.id === id);
    expect(all.drives[closedAt].drive.closedAt).not.toBeNull();
    expect(all.drives.slice(0, closedAt).every((x) => x.drive.closedAt === null)).toBe(true);
    expect((await d.listDrivesTouching(admin, ghosi.id)).map((x) => x.drive.id)).not.toContain(id);
    // The district's list has it too, as the district sees the mandal in full.
    expect((await d.listUnitDrives(admin, (await unitNamed("जहानाबाद")).id))!.drives.map((x) => x.drive.id)).toContain(id);
    // Not for a unit seen only from below, nor outside the grants.
    expect(await d.listUnitDrives(await viewerByLogin("+919000000003"), (await unitNamed("जहानाबाद")).id)).toBeNull();
    expect(await d.listUnitDrives(await viewerByLogin("+919000000003"), ghosi.id)).toBeNull();
  });

  it("days left count India's calendar days; negative once the deadline has passed", async () => {
    const { daysLeft } = await import("./days");
    expect(daysLeft("2027-03-31", "2027-03-01")).toBe(30);
    expect(daysLeft("2027-03-31", "2027-03-31")).toBe(0);
    expect(daysLeft("2027-03-31", "2027-04-03")).toBe(-3);
  });
});
