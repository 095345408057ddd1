import zlib from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { BOMB_DECLARED_BYTES, BOMB_INFLATED_BYTES, lyingXlsx, lyingXlsxBytes } from "@/e2e/fixtures/zip-bomb";
import { parseSheet, unpackBounded } from "./parse";

const MB = 1024 * 1024;

/** The local header's and the central directory's declared sizes of the archive's second part. */
function declaredSizes(bytes: Buffer) {
  const second = 30 + bytes.readUInt16LE(26) + bytes.readUInt32LE(18);
  const end = bytes.length - 22;
  const central = bytes.readUInt32LE(end + 16);
  const centralSecond = central + 46 + bytes.readUInt16LE(central + 28);
  return {
    local: bytes.readUInt32LE(second + 22),
    central: bytes.readUInt32LE(centralSecond + 24),
    compressed: bytes.subarray(second + 30 + bytes.readUInt16LE(second + 26), second + 30 + bytes.readUInt16LE(second + 26) + bytes.readUInt32LE(second + 18)),
  };
}

describe("the .xlsx size guard counts real bytes", () => {
  it("the fixture is what it claims: ~400 KB, declaring 1,000 bytes, inflating to 400 MB", async () => {
    const bytes = lyingXlsxBytes();
    expect(bytes.equals(lyingXlsx())).toBe(true);
    expect(bytes.length).toBeLessThan(500 * 1024);
    const { local, central, compressed } = declaredSizes(bytes);
    expect([local, central]).toEqual([BOMB_DECLARED_BYTES, BOMB_DECLARED_BYTES]);
    let inflated = 0;
    await new Promise<void>((resolve, reject) => {
      const inflate = zlib.createInflateRaw();
      inflate.on("data", (c: Buffer) => (inflated += c.length));
      inflate.on("end", resolve);
      inflate.on("error", reject);
      inflate.end(compressed);
    });
    expect(inflated).toBe(BOMB_INFLATED_BYTES);
  }, 30_000);

  it("refuses the lying archive in under 1 s, growing memory by under 50 MB", async () => {
    const bytes = new Uint8Array(lyingXlsxBytes());
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakArrayBuffers = before.arrayBuffers;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakArrayBuffers = Math.max(peakArrayBuffers, m.arrayBuffers);
    }, 5);
    const started = performance.now();
    const result = await parseSheet("bomb.xlsx", bytes);
    const elapsed = performance.now() - started;
    clearInterval(sampler);
    const after = process.memoryUsage();
    peakRss = Math.max(peakRss, after.rss);
    peakArrayBuffers = Math.max(peakArrayBuffers, after.arrayBuffers);
    expect({ ms: elapsed < 1000 ? "<1000" : Math.round(elapsed), rssMB: (peakRss - before.rss) / MB < 50 ? "<50" : Math.round((peakRss - before.rss) / MB), arrayBuffersMB: (peakArrayBuffers - before.arrayBuffers) / MB < 50 ? "<50" : Math.round((peakArrayBuffers - before.arrayBuffers) / MB) }).toEqual({ ms: "<1000", rssMB: "<50", arrayBuffersMB: "<50" });
    expect(result).toEqual({ ok: false, error: "unpacked_too_big" });
  });

  it("refuses three lying archives at once just as fast", async () => {
    const bytes = new Uint8Array(lyingXlsxBytes());
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const results = await Promise.all([1, 2, 3].map(() => parseSheet("bomb.xlsx", bytes)));
    expect(performance.now() - started).toBeLessThan(1000);
    expect((process.memoryUsage().rss - before) / MB).toBeLessThan(50);
    expect(results.map((r) => (r.ok ? "ok" : r.error))).toEqual(["unpacked_too_big", "unpacked_too_big", "unpacked_too_big"]);
  });

  it("refuses an archive that honestly declares more than the limit, before inflating it", async () => {
    // One part declaring 100 MB unpacked; its data is not even there.
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(100 * MB, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(100 * MB, 24);
    central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12);
    end.writeUInt32LE(local.length + name.length, 16);
    const bytes = new Uint8Array(Buffer.concat([local, name, central, name, end]));
    expect(await parseSheet("bomb.xlsx", bytes)).toEqual({ ok: false, error: "unpacked_too_big" });
  });

  it("counts the real bytes of every part: a total over the limit, and a part over its own stated size, are refused", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("x").addRow(["a"]);
    const honest = new Uint8Array(await wb.xlsx.writeBuffer());
    expect((await unpackBounded(honest)).ok).toBe(true);
    expect(await unpackBounded(honest, 1000)).toEqual({ ok: false, error: "unpacked_too_big" });
    // Even with a limit far above the bomb, a part producing more than it declared stops there.
    expect(await unpackBounded(new Uint8Array(lyingXlsxBytes()), 2 ** 40)).toEqual({ ok: false, error: "unpacked_too_big" });
  });

  it("still reads an honest workbook", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("x").addRow(["मोबाइल", "नाम (हिंदी)"]);
    const r = await parseSheet("a.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(r).toEqual({ ok: false, error: "missing_columns", missing: expect.any(Array) });
  });
});
