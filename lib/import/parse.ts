import zlib from "node:zlib";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import yauzl from "yauzl";
import { LEVELS, type Level } from "@/db/schema";
import { FIELD_COLUMNS, roster, type RosterField } from "@/lib/i18n/roster-columns";

/**
 * A roster sheet (CSV or .xlsx, in the export's layout, headers in Hindi or English) → plain
 * records. Malformed files get a reason code, never a crash.
 */

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 20_000;

export type SheetRecord = {
  line: number;
  levels: Partial<Record<Level, string>>;
  code: string;
  body: string;
  post: string;
  seat: string;
  nameHi: string;
  nameEn: string;
  mobile: string;
  whatsapp: string;
  since: string;
};

export type ParseError = "empty" | "too_big" | "unpacked_too_big" | "too_many_rows" | "not_utf8" | "binary" | "unreadable" | "missing_columns";
export type ParseResult = { ok: true; records: SheetRecord[] } | { ok: false; error: ParseError; missing?: string[] };

const FIELDS = Object.keys(FIELD_COLUMNS) as RosterField[];
const REQUIRED: RosterField[] = ["body", "post", "nameHi", "nameEn", "mobile"];

const norm = (s: string) => s.normalize("NFC").replace(/[\u200B-\u200D\uFEFF]/g, "").trim().toLowerCase();

/** Undo the export's formula guard: "'=x" came from us as text "=x". */
function unguard(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as { text?: unknown; result?: unknown; richText?: Array<{ text: string }> };
    if (v.richText) return v.richText.map((r) => r.text).join("");
    if (v.text !== undefined) return String(v.text);
    if (v.result !== undefined) return String(v.result);
    return "";
  }
  return String(value);
}

function toRecords(table: string[][]): ParseResult {
  const nonEmpty = table.filter((row) => row.some((c) => c.trim() !== ""));
  if (nonEmpty.length === 0) return { ok: false, error: "empty" };
  const header = nonEmpty[0].map(norm);
  const find = (names: readonly string[]) => header.findIndex((h) => names.some((n) => norm(n) === h));
  const fieldIndex = Object.fromEntries(FIELDS.map((k) => [k, find(roster.fieldNames(k))])) as Record<RosterField, number>;
  const levelIndex = Object.fromEntries(LEVELS.map((l) => [l, find(roster.levelNames(l))])) as Record<Level, number>;
  const missing: string[] = REQUIRED.filter((k) => fieldIndex[k] < 0).map((k) => roster.fieldLabel(k, "hi"));
  if (LEVELS.every((l) => levelIndex[l] < 0)) missing.unshift(roster.levelLabel("booth", "hi"));
  if (missing.length > 0) return { ok: false, error: "missing_columns", missing };
  const body = table.slice(table.indexOf(nonEmpty[0]) + 1);
  if (body.length > MAX_ROWS) return { ok: false, error: "too_many_rows" };
  const records: SheetRecord[] = [];
  body.forEach((row, i) => {
    if (!row.some((c) => c.trim() !== "")) return;
    const get = (index: number) => (index >= 0 ? unguard((row[index] ?? "").trim()) : "");
    records.push({
      line: i + 2,
      levels: Object.fromEntries(LEVELS.filter((l) => levelIndex[l] >= 0 && get(levelIndex[l]) !== "").map((l) => [l, get(levelIndex[l])])),
      code: get(fieldIndex.code),
      body: get(fieldIndex.body),
      post: get(fieldIndex.post),
      seat: get(fieldIndex.seat),
      nameHi: get(fieldIndex.nameHi),
      nameEn: get(fieldIndex.nameEn),
      mobile: get(fieldIndex.mobile),
      whatsapp: get(fieldIndex.whatsapp),
      since: get(fieldIndex.since),
    });
  });
  if (records.length === 0) return { ok: false, error: "empty" };
  return { ok: true, records };
}

// An .xlsx is a zip: a few hundred KB can unpack to gigabytes, and the sizes an archive states
// for its parts may lie. So every part is inflated here first, by a streaming reader that counts
// the bytes really produced and stops at the first byte over the limit; ExcelJS then gets a new
// archive of the checked parts stored uncompressed, so it cannot unpack more than was counted.
export const MAX_UNPACKED_BYTES = 60 * 1024 * 1024;
const MAX_PARTS = 10_000;

type Part = { name: string; data: Buffer };
type Unpacked = { ok: true; parts: Part[] } | { ok: false; error: "unpacked_too_big" | "unreadable" };

export function unpackBounded(bytes: Uint8Array, limit = MAX_UNPACKED_BYTES): Promise<Unpacked> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Unpacked, zip?: yauzl.ZipFile) => {
      if (settled) return;
      settled = true;
      zip?.close();
      resolve(result);
    };
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (openError, zip) => {
      if (openError || !zip) return finish({ ok: false, error: "unreadable" });
      if (zip.entryCount > MAX_PARTS) return finish({ ok: false, error: "unpacked_too_big" }, zip);
      const parts: Part[] = [];
      let total = 0;
      zip.on("error", () => finish({ ok: false, error: "unreadable" }, zip));
      zip.on("end", () => finish({ ok: true, parts }, zip));
      zip.on("entry", (entry: yauzl.Entry) => {
        if (settled) return;
        if (entry.fileName.endsWith("/")) return zip.readEntry();
        // What the archive says first (cheap); what it really holds is counted below.
        if (total + entry.uncompressedSize > limit) return finish({ ok: false, error: "unpacked_too_big" }, zip);
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return finish({ ok: false, error: "unreadable" }, zip);
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on("data", (chunk: Buffer) => {
            size += chunk.length;
            total += chunk.length;
            if (size > entry.uncompressedSize || total > limit) {
              stream.destroy();
              return finish({ ok: false, error: "unpacked_too_big" }, zip);
            }
            chunks.push(chunk);
          });
          stream.on("error", (error: Error) =>
            // yauzl's own count (validateEntrySizes): more bytes than declared is the bomb's lie.
            finish({ ok: false, error: /too many bytes/.test(error.message) ? "unpacked_too_big" : "unreadable" }, zip),
          );
          stream.on("end", () => {
            if (settled) return;
            parts.push({ name: entry.fileName, data: Buffer.concat(chunks, size) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** A zip of the given parts, stored uncompressed (what it says is what it holds). */
export function storedZip(parts: Part[]): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const crc = zlib.crc32(part.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(part.data.length, 20);
    entry.writeUInt32LE(part.data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    out.push(local, name, part.data);
    central.push(entry, name);
    offset += local.length + name.length + part.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, directory, end]);
}

export async function parseSheet(fileName: string, bytes: Uint8Array): Promise<ParseResult> {
  if (bytes.byteLength === 0) return { ok: false, error: "empty" };
  if (bytes.byteLength > MAX_FILE_BYTES) return { ok: false, error: "too_big" };
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip || /\.xlsx$/i.test(fileName)) {
    if (!isZip) return { ok: false, error: "unreadable" };
    const unpacked = await unpackBounded(bytes);
    if (!unpacked.ok) return unpacked;
    try {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(storedZip(unpacked.parts) as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      if (!sheet) return { ok: false, error: "empty" };
      if (sheet.rowCount > MAX_ROWS + 1) return { ok: false, error: "too_many_rows" };
      const table: string[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row) => {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        table.push(values.map(cellText));
      });
      return toRecords(table);
    } catch {
      return { ok: false, error: "unreadable" };
    }
  }
  if (bytes.subarray(0, 4096).includes(0)) return { ok: false, error: "binary" };
  let text: string;
  try {
    // Excel's "CSV" on Windows saves Windows-1252, which cannot carry Devanagari: ask for UTF-8.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: "not_utf8" };
  }
  try {
    const table = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    return toRecords(table);
  } catch {
    return { ok: false, error: "unreadable" };
  }
}
