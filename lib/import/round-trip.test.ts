import { describe, expect, it } from "vitest";
import { statement } from "@/db";
import { withTestDatabase } from "@/lib/testing/demo-db";
import { viewerByLogin } from "@/lib/auth/viewer-by-login";
import { openUnitExport } from "@/lib/export/open";
import { exportQuerySchema } from "@/lib/validation/export";
import * as plan from "./plan";
import * as parse from "./parse";

// The import page's "download the current list, edit it, upload it": the sheet lists every seat,
// vacant ones with an empty name, and uploading it untouched changes nothing, in either language
// and either format. The sheet is opened as GET /api/export opens it, header row included: were
// the export's headers ever taken from the interface's messages again, renaming a level there
// would make this fail.
withTestDatabase();

const mandal = async () =>
  (await statement<[], { id: number; path: string; level: "mandal" }>("select id, path, level from units where name_hi = 'मखदुमपुर दक्षिणी मंडल'").get())!;
const editor = () => viewerByLogin("+919000000003");

async function exported(locale: string, format: "csv" | "xlsx"): Promise<Uint8Array> {
  const opened = await openUnitExport(await editor(), exportQuerySchema.parse({ unit: String((await mandal()).id), format, seats: "all" }), locale);
  const chunks: Buffer[] = [];
  for await (const chunk of opened.body as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return new Uint8Array(Buffer.concat(chunks));
}

describe("the editable sheet", () => {
  it.each([
    ["hi", "csv"],
    ["en", "csv"],
    ["hi", "xlsx"],
    ["en", "xlsx"],
  ] as const)("lists the vacant seats and imports back unchanged (%s, %s)", async (locale, format) => {
    const bytes = await exported(locale, format);
    const unit = await mandal();
    const seats = (await statement<[string, string], { n: number }>(
      `select sum(p.seats) as n from units u join posts p on p.level = u.level where u.path >= ? and u.path < ?`,
    ).get(unit.path, unit.path + "\uffff"))!;

    const parsed = await parse.parseSheet(`list.${format}`, bytes);
    if (!parsed.ok) throw new Error(`the exported sheet does not parse: ${parsed.error} ${parsed.missing ?? ""}`);
    expect(parsed.records).toHaveLength(seats.n);
    const planned = await plan.planImport(await editor(), unit, parsed.records);
    const errors = planned.filter((r) => r.fate.kind === "error");
    expect(errors.map((r) => r.fate)).toEqual([]);
    const s = plan.summarise(planned);
    expect(s.newTenures + s.replaces).toBe(0);
    expect(s.blank).toBeGreaterThan(0);
    expect(s.unchanged + s.blank).toBe(seats.n);

    // Its audit entry counts the people named apart from the rows, which include the vacant seats.
    const audit = (await statement<[], { after: string }>("select after from audit_log where action = 'export' order by id desc limit 1").get())!;
    expect(JSON.parse(audit.after)).toMatchObject({ rows: seats.n, named: s.unchanged });
  });
});
