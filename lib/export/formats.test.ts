import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { withTestDatabase } from "@/lib/testing/demo-db";
import * as formats from "./formats";
import * as rows from "./rows";

const t = withTestDatabase();

const mandalPath = () => (t.sqlite.prepare("select path from units where name_hi = 'मखदुमपुर दक्षिणी मंडल'").get() as { path: string }).path;
const labels = { headers: ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o"], locale: "hi" };

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

describe("export streams report how they ended", () => {
  it("a fully read .xlsx is reported completed, with its row count", async () => {
    const outcomes: Array<{ rows: number; completed: boolean }> = [];
    const done = new Promise<void>((resolve) => {
      const stream = formats.xlsxStream(rows.openExport(mandalPath(), {}), labels, "Makhdumpur", (n, completed) => {
        outcomes.push({ rows: n, completed });
        resolve();
      });
      void readAll(stream).then(async (buffer) => {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(buffer as unknown as ArrayBuffer);
        expect(book.worksheets[0].rowCount).toBeGreaterThan(10);
      });
    });
    await done;
    // Give a late "close" event the chance to flip the outcome, as it did in production.
    await new Promise((r) => setTimeout(r, 50));
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0].completed).toBe(true);
    expect(outcomes[0].rows).toBeGreaterThan(10);
  });

  it("a .xlsx whose reader goes away is reported cancelled", async () => {
    const outcome = await new Promise<boolean>((resolve) => {
      const stream = formats.xlsxStream(rows.openExport("/", {}), labels, "Bihar", (_n, completed) => resolve(completed));
      const reader = stream.getReader();
      void reader.read().then(() => reader.cancel());
    });
    expect(outcome).toBe(false);
  });
});
