import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { statement } from "@/db";
import { Denied } from "@/lib/auth/guard";
import { withTestDatabase } from "@/lib/testing/demo-db";
import { viewerByLogin } from "@/lib/auth/viewer-by-login";
import { missingCsv } from "./export";
import { listMissing } from "./progress";

withTestDatabase();

const LABELS = { name: "Name", post: "Post" };
const one = async <T>(sql: string, ...params: unknown[]) => (await statement<unknown[], T>(sql).get(...params))!;
const driveNamed = async (like: string) => (await one<{ id: number }>("select id from drives where name like ? order by id limit 1", `%${like}%`)).id;
const audits = async (action: string, outcome: string) =>
  (await one<{ n: number }>("select count(*) as n from audit_log where action = ? and outcome = ?", action, outcome)).n;

describe("a drive's missing units as CSV", () => {
  it("one line per missing unit, in tree order, with the path above it and the post; audited with its row count", async () => {
    const admin = await viewerByLogin("+919000000001");
    const driveId = await driveNamed("आईटी सेल संयोजक");
    const missing = (await listMissing(admin, driveId))!;
    expect(missing.units.length).toBeGreaterThan(0);
    const csv = await missingCsv(admin, driveId, undefined, "en", LABELS);
    expect(csv.text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parse(csv.text.slice(1)) as string[][];
    expect(header).toEqual(["State", "District", "Assembly constituency", "Mandal", "Name (Shakti kendra)", "Code", "Post"]);
    expect(rows.map((r) => r[4])).toEqual(missing.units.map((u) => u.nameEn));
    expect(rows.every((r) => r[1] === "Jehanabad" && r[6] === "IT Cell Convenor")).toBe(true);
    expect(csv.filename).toMatch(new RegExp(`^drive-${driveId}-jehanabad-missing-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const audit = await one<{ after: string; unitId: number }>("select after, unit_id as \"unitId\" from audit_log where action = 'drive.export' order by id desc limit 1");
    expect(JSON.parse(audit.after)).toMatchObject({ format: "csv", rows: rows.length });
    expect(audit.unitId).toBe(missing.view.part.id);
  });

  it("refused, and audited, for a part of the drive the viewer may not see", async () => {
    const editor = await viewerByLogin("+919000000003");
    const driveId = await driveNamed("आईटी सेल संयोजक");
    const jehanabad = (await one<{ id: number }>("select id from units where name_hi = 'जहानाबाद' and level = 'district'")).id;
    const before = await audits("drive.export", "denied");
    await expect(missingCsv(editor, driveId, jehanabad, "hi", LABELS)).rejects.toThrow(Denied);
    expect(await audits("drive.export", "denied")).toBe(before + 1);
  });
});
