import { describe, expect, it } from "vitest";
import { statement } from "@/db";
import * as guard from "@/lib/auth/guard";
import { withTestDatabase } from "@/lib/testing/demo-db";
import { viewerByLogin } from "@/lib/auth/viewer-by-login";
import { createDriveSchema } from "@/lib/validation/drives";
import * as s from "./service";

withTestDatabase();

const one = async <T>(sql: string, ...params: unknown[]) => (await statement<unknown[], T>(sql).get(...params))!;
const unitId = async (nameHi: string) => (await one<{ id: number }>("select id from units where name_hi = ? order by id limit 1", nameHi)).id;
const postId = async (level: string, body: string, title: string) =>
  (await one<{ id: number }>("select p.id from posts p join bodies b on b.id = p.body_id where p.level = ? and b.key = ? and p.title_key = ?", level, body, title)).id;
const drives = async () => (await one<{ n: number }>("select count(*) as n from drives")).n;
const audits = async (action: string, outcome = "ok") => (await one<{ n: number }>("select count(*) as n from audit_log where action = ? and outcome = ?", action, outcome)).n;

const TODAY = "2026-11-30";
const base = { name: "हर शक्ति केंद्र में युवा मोर्चा अध्यक्ष", kind: "post" as const, level: null, since: null, deadline: "2027-01-31" };

describe("drive writes", () => {
  it("an admin of the unit starts a drive; it and its audit row are written together", async () => {
    const admin = await viewerByLogin("+919000000001");
    const mandal = await unitId("घोसी मंडल");
    const before = await drives();
    const r = await s.createDrive(admin, { ...base, unitId: mandal, postId: await postId("shakti_kendra", "it_cell", "convenor") }, TODAY);
    expect(r.ok).toBe(true);
    expect(await drives()).toBe(before + 1);
    const row = await one<{ level: string; unitId: number; kind: string }>("select level, unit_id as \"unitId\", kind from drives order by id desc limit 1");
    expect(row).toEqual({ level: "shakti_kendra", unitId: mandal, kind: "post" });
    expect(await audits("drive.create")).toBe(1);
    // Its audit row names the post (the details show it), not only its id.
    const after = JSON.parse((await one<{ after: string }>("select after from audit_log where action = 'drive.create' order by id desc limit 1")).after);
    expect(after).toMatchObject({ kind: "post", postHi: "आईटी सेल संयोजक", postEn: expect.stringMatching(/IT/) });
  });

  it.each([
    ["a post at the unit's own level or above", { postId: "mandal" }, "postId", "post_level"],
    ["no post for a post drive", { postId: null }, "postId", "post_required"],
    ["no level for a WhatsApp drive", { kind: "whatsapp", postId: null, level: null }, "level", "level_required"],
    ["a level above the unit", { kind: "whatsapp", postId: null, level: "assembly" }, "level", "level_below"],
    ["a meeting drive without its start", { kind: "meeting", postId: null, level: "booth", since: null }, "since", "since_required"],
    ["a meeting drive counting from after its deadline", { kind: "meeting", postId: null, level: "booth", since: "2027-02-01" }, "since", "since_after_deadline"],
    ["a deadline already past", { deadline: "2026-11-29" }, "deadline", "deadline_past"],
  ] as const)("refuses %s, and writes nothing", async (_what, change, field, code) => {
    const admin = await viewerByLogin("+919000000001");
    const before = [await drives(), await audits("drive.create")];
    const post = "postId" in change && change.postId === "mandal" ? await postId("mandal", "sangathan", "president") : "postId" in change ? change.postId : await postId("shakti_kendra", "it_cell", "convenor");
    const r = await s.createDrive(admin, { ...base, ...change, unitId: await unitId("घोसी मंडल"), postId: post } as Parameters<typeof s.createDrive>[1], TODAY);
    expect(r).toEqual({ ok: false, fields: { [field]: [code] } });
    expect([await drives(), await audits("drive.create")]).toEqual(before);
  });

  it("the form's own checks: a name, a real date, a known kind", () => {
    const codes = (input: Record<string, string>) =>
      createDriveSchema.safeParse({ unitId: "5", name: "अभियान", kind: "post", deadline: "2027-01-31", postId: "", level: "", since: "", ...input }).error?.issues.map((i) => `${String(i.path[0])}:${i.message}`) ?? [];
    expect(codes({})).toEqual([]);
    expect(codes({ name: "   " })).toEqual(["name:required"]);
    expect(codes({ deadline: "2027-02-30" })).toEqual(["deadline:date"]);
    expect(codes({ kind: "booth" })).toEqual(["kind:kind"]);
  });

  it("a mandal editor may not start a drive, even for his own mandal: refused and audited", async () => {
    const editor = await viewerByLogin("+919000000003");
    const before = await drives();
    await expect(s.createDrive(editor, { ...base, unitId: await unitId("मखदुमपुर दक्षिणी मंडल"), postId: await postId("shakti_kendra", "it_cell", "convenor") }, TODAY)).rejects.toThrow(guard.Denied);
    expect(await drives()).toBe(before);
    expect(await audits("drive.create", "denied")).toBe(1);
  });

  it("closing: the unit's admin closes once; others are refused", async () => {
    const driveId = (await one<{ id: number }>("select id from drives where name like '%व्हाट्सएप%' order by id limit 1")).id;
    await expect(s.closeDrive(await viewerByLogin("+919000000003"), { driveId })).rejects.toThrow(guard.Denied);
    await expect(s.closeDrive(await viewerByLogin("+919000000001"), { driveId: 987654 })).rejects.toThrow(guard.Denied);
    expect((await s.closeDrive(await viewerByLogin("+919000000001"), { driveId })).ok).toBe(true);
    expect((await one<{ closedAt: string | null }>("select closed_at as \"closedAt\" from drives where id = ?", driveId)).closedAt).not.toBeNull();
    expect(await s.closeDrive(await viewerByLogin("+919000000001"), { driveId })).toEqual({ ok: false, fields: { driveId: ["closed"] } });
    expect(await audits("drive.close")).toBe(1);
    expect(await audits("drive.close", "denied")).toBe(2);
  });
});
