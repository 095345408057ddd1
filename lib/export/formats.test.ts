import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { statement } from "@/db";
import { withTestDatabase } from "@/lib/testing/demo-db";
import * as formats from "./formats";
import * as rows from "./rows";

// A small PostgreSQL pool (db/engine-pg.ts reads PG_POOL_SIZE when it opens), so that a few leaked
// export cursors would exhaust it; SQLite ignores it.
const POOL_SIZE = 2;
const poolSize = process.env.PG_POOL_SIZE;
beforeAll(() => {
  process.env.PG_POOL_SIZE = String(POOL_SIZE);
});
afterAll(() => {
  if (poolSize === undefined) delete process.env.PG_POOL_SIZE;
  else process.env.PG_POOL_SIZE = poolSize;
});
withTestDatabase();

const mandalPath = async () => (await statement<[], { path: string }>("select path from units where name_hi = 'मखदुमपुर दक्षिणी मंडल'").get())!.path;
const labels = { headers: ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o"], locale: "hi" };

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

describe("export streams report how they ended", () => {
  it("a fully read .xlsx is reported completed, with its row count", async () => {
    const outcomes: Array<{ rows: number; named: number; completed: boolean }> = [];
    const source = await rows.openExport(await mandalPath(), {});
    const done = new Promise<void>((resolve) => {
      const stream = formats.xlsxStream(source, labels, "Makhdumpur", (written, completed) => {
        outcomes.push({ ...written, completed });
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
    // The current roster only: every row names its holder.
    expect(outcomes[0].named).toBe(outcomes[0].rows);
  });

  it("an all-seats sheet counts the people it names apart from its rows, which include the vacant seats", async () => {
    const source = await rows.openExport(await mandalPath(), { allSeats: true });
    let report!: (written: formats.Written) => void;
    const ended = new Promise<formats.Written>((resolve) => (report = resolve));
    const text = (await readAll(formats.csvStream(source, labels, (written) => report(written)))).toString("utf8");
    const [, ...lines] = parse(text, { bom: true }) as string[][];
    // The person's Hindi name: after the level names, code, body, post and seat.
    const nameColumn = labels.headers.length - 5;
    const named = lines.filter((cells) => cells[nameColumn] !== "").length;
    const written = await ended;
    expect(written.rows).toBe(lines.length);
    expect(written.named).toBe(named);
    expect(named).toBeGreaterThan(0);
    expect(written.named).toBeLessThan(written.rows);
  });

  it("a .xlsx whose reader goes away is reported cancelled", async () => {
    const source = await rows.openExport("/", {});
    const outcome = await new Promise<boolean>((resolve) => {
      const stream = formats.xlsxStream(source, labels, "Bihar", (_written, completed) => resolve(completed));
      const reader = stream.getReader();
      void reader.read().then(() => reader.cancel());
    });
    expect(outcome).toBe(false);
  });

  it("a .csv left while its next batch is read is reported cancelled once, and gives its connection back", { timeout: 120_000 }, async () => {
    // The whole state: more rows than one batch, so the first read leaves the export open. On
    // PostgreSQL this file's pool holds POOL_SIZE connections (above); a leaked cursor would keep one each.
    for (let i = 0; i <= POOL_SIZE; i++) {
      const endings: boolean[] = [];
      const source = await rows.openExport("/", {});
      let delivered = false;
      let left = false;
      const reader = formats.csvStream(source, labels, (_written, done) => void endings.push(done)).getReader();
      // The client leaves just as the stream starts reading the batch after the one it took.
      const next = source.rows.next.bind(source.rows);
      source.rows.next = () => {
        if (delivered && !left) {
          left = true;
          void reader.cancel();
        }
        return next();
      };
      await reader.read();
      delivered = true;
      await vi.waitFor(() => expect(endings).toHaveLength(1));
      // Give the interrupted read the time to fail on the closed stream (it must not report again).
      await new Promise((r) => setTimeout(r, 200));
      expect(left).toBe(true);
      expect(endings).toEqual([false]);
    }
    const text = (await readAll(formats.csvStream(await rows.openExport(await mandalPath(), {}), labels, () => undefined))).toString("utf8");
    expect(text.split("\r\n").filter(Boolean).length).toBeGreaterThan(10);
  });
});
