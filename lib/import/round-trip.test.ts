import { describe, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/testing/demo-db";
import * as formats from "@/lib/export/formats";
import * as rows from "@/lib/export/rows";
import * as plan from "./plan";
import * as parse from "./parse";
import * as columns from "@/lib/i18n/roster-columns";
import { viewerFromDb } from "@/lib/auth/viewer-from-db";

// The import page's "download the current list, edit it, upload it": the sheet lists every seat,
// vacant ones with an empty name, and uploading it untouched changes nothing, in either language.
const t = withTestDatabase();

const mandal = () => t.sqlite.prepare("select id, path, level from units where name_hi = 'मखदुमपुर दक्षिणी मंडल'").get() as { id: number; path: string; level: "mandal" };

async function exportText(locale: string): Promise<string> {
  const stream = formats.csvStream(rows.openExport(mandal().path, { allSeats: true }), { headers: columns.roster.headers(locale), locale }, () => {});
  const chunks: Buffer[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

describe("the editable sheet", () => {
  it.each(["hi", "en"])("lists the vacant seats and imports back unchanged (%s)", async (locale) => {
    const text = await exportText(locale);
    const seats = t.sqlite
      .prepare(
        `select sum(p.seats) as n from units u join posts p on p.level = u.level where u.path >= ? and u.path < ?`,
      )
      .get(mandal().path, mandal().path + "\uffff") as { n: number };
    const lines = text.trim().split("\r\n");
    expect(lines).toHaveLength(seats.n + 1);

    const parsed = await parse.parseSheet(`list.csv`, new TextEncoder().encode(text));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const planned = plan.planImport(viewerFromDb(t.sqlite, "+919000000003"), mandal(), parsed.records);
    const errors = planned.filter((r) => r.fate.kind === "error");
    expect(errors.map((r) => r.fate)).toEqual([]);
    const s = plan.summarise(planned);
    expect(s.newTenures + s.replaces).toBe(0);
    expect(s.blank).toBeGreaterThan(0);
    expect(s.unchanged + s.blank).toBe(seats.n);
  });
});
