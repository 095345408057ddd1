import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
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

export type ParseError = "empty" | "too_big" | "too_many_rows" | "not_utf8" | "binary" | "unreadable" | "missing_columns";
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

// An .xlsx is a zip: a few MB can unpack to gigabytes. Its central directory states each part's
// unpacked size, so a bomb is refused before ExcelJS inflates anything.
const MAX_UNPACKED_BYTES = 60 * 1024 * 1024;

export function zipUnpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let eocd = bytes.length - 22; eocd >= Math.max(0, bytes.length - 65_557); eocd--) {
    if (view.getUint32(eocd, true) !== 0x06054b50) continue;
    const entries = view.getUint16(eocd + 10, true);
    let at = view.getUint32(eocd + 16, true);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
      const size = view.getUint32(at + 24, true);
      if (size === 0xffffffff) return Infinity; // zip64: larger than we would ever read
      total += size;
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return total;
  }
  return null;
}

export async function parseSheet(fileName: string, bytes: Uint8Array): Promise<ParseResult> {
  if (bytes.byteLength === 0) return { ok: false, error: "empty" };
  if (bytes.byteLength > MAX_FILE_BYTES) return { ok: false, error: "too_big" };
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip || /\.xlsx$/i.test(fileName)) {
    if (!isZip) return { ok: false, error: "unreadable" };
    const unpacked = zipUnpackedSize(bytes);
    if (unpacked === null) return { ok: false, error: "unreadable" };
    if (unpacked > MAX_UNPACKED_BYTES) return { ok: false, error: "too_big" };
    try {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
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
