import "server-only";
import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { formatMobile } from "@/lib/people/phone";
import { safeCell } from "./cell-safety";
import { levelNames, type ExportRow, type ExportSource } from "./rows";
import { vcard } from "./vcard";

export const FORMATS = ["csv", "xlsx", "vcf"] as const;
export type ExportFormat = (typeof FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  vcf: "text/vcard; charset=utf-8",
};

const BATCH = 2000;

type Labels = { headers: string[]; locale: string };
/** What a download wrote: its rows, and how many of them name a person (an all-seats sheet's vacant seats do not). */
export type Written = { rows: number; named: number };
/** Called once when a download ends (every row written, or abandoned); the stream waits for it. */
type OnDone = (written: Written, completed: boolean) => void | Promise<void>;

function tally(written: Written, rows: ExportRow[]) {
  written.rows += rows.length;
  written.named += rows.filter((r) => r.nameHi !== null).length;
}

/** One exported record as the cells of a row, formulas neutralised. */
export function rowCells(row: ExportRow, source: ExportSource, locale: string): string[] {
  const hi = locale === "hi";
  return [
    ...levelNames(row, source.names, locale),
    row.code ?? "",
    hi ? row.bodyHi : row.bodyEn,
    hi ? row.titleHi : row.titleEn,
    String(row.seat),
    row.nameHi ?? "",
    row.nameEn ?? "",
    row.mobile ? formatMobile(row.mobile) : "",
    row.whatsapp ? formatMobile(row.whatsapp) : "",
    row.since ?? "",
  ].map(safeCell);
}

/**
 * A pull-based web stream: the next batch is read from the database only when the client wants
 * more, so memory stays flat and a slow phone slows the query, not the server.
 */
function pullStream(source: ExportSource, render: (rows: ExportRow[], first: boolean) => string, onDone: OnDone) {
  const written: Written = { rows: 0, named: 0 };
  let first = true;
  let finished = false;
  // Once: a client that leaves while a batch is being read cancels the stream, and that pull then
  // fails on the closed stream and would report the download a second time.
  const finish = async (completed: boolean) => {
    if (finished) return;
    finished = true;
    await source.close();
    await onDone(written, completed);
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const batch: ExportRow[] = [];
        for (let r = await source.rows.next(); !r.done; r = await source.rows.next()) {
          batch.push(r.value);
          if (batch.length >= BATCH) break;
        }
        tally(written, batch);
        const text = render(batch, first);
        first = false;
        if (text) controller.enqueue(Buffer.from(text, "utf8"));
        if (batch.length < BATCH) {
          controller.close();
          await finish(true);
        }
      } catch (error) {
        await finish(false);
        controller.error(error);
      }
    },
    cancel() {
      return finish(false);
    },
  });
}

/** CSV as Excel reads it: CRLF line ends, and a byte-order mark first so Devanagari stays intact. */
export function csvText(rows: string[][], { bom = true } = {}): string {
  return (bom ? "\uFEFF" : "") + (rows.length ? stringify(rows, { record_delimiter: "windows" }) : "");
}

export function csvStream(source: ExportSource, labels: Labels, onDone: OnDone) {
  return pullStream(
    source,
    (rows, first) => {
      const head = first ? csvText([labels.headers]) : "";
      return head + csvText(rows.map((r) => rowCells(r, source, labels.locale)), { bom: false });
    },
    onDone,
  );
}

export function vcfStream(source: ExportSource, labels: Labels, onDone: OnDone) {
  const hi = labels.locale === "hi";
  return pullStream(
    source,
    (rows) =>
      rows
        .filter((r) => r.nameHi && r.mobile)
        .map((r) => {
          const unit = source.names.get(r.unitId);
          const unitName = unit ? (hi ? unit.nameHi : unit.nameEn) : "";
          const post = `${hi ? r.bodyHi : r.bodyEn} ${hi ? r.titleHi : r.titleEn}`;
          const name = hi ? r.nameHi! : r.nameEn!;
          const words = name.split(" ");
          return vcard({
            fullName: `${name} — ${post}, ${unitName}`,
            familyName: words.length > 1 ? words[words.length - 1] : name,
            givenName: words.slice(0, -1).join(" "),
            mobile: r.mobile,
            whatsapp: r.whatsapp,
            org: unitName,
            title: post,
            note: hi ? r.nameEn ?? undefined : r.nameHi ?? undefined,
          });
        })
        .join(""),
    onDone,
  );
}

/**
 * A real workbook, header frozen and filterable, written by exceljs's streaming writer. exceljs
 * does not wait for its reader, so we wait for the output to drain every batch.
 */
export function xlsxStream(source: ExportSource, labels: Labels, sheetName: string, onDone: OnDone) {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, " "), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = labels.headers.map((h) => ({ header: h, width: Math.max(12, Math.min(40, h.length + 4)) }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: labels.headers.length } };
  sheet.getRow(1).font = { bold: true };
  const written: Written = { rows: 0, named: 0 };
  let cancelled = false;
  // Runs beside the reader, which pulls from `out`; every failure ends in the catch below.
  void (async () => {
    try {
      sheet.getRow(1).commit();
      // Completed means every row was written. The stream's "close" also fires after a normal end
      // (the reader took everything), so it cannot tell a finished download from an abandoned one.
      let exhausted = false;
      for (let r = await source.rows.next(); !cancelled; r = await source.rows.next()) {
        if (r.done) {
          exhausted = true;
          break;
        }
        sheet.addRow(rowCells(r.value, source, labels.locale)).commit();
        tally(written, [r.value]);
        if (written.rows % BATCH === 0 && out.writableNeedDrain) {
          await new Promise((resolve) => out.once("drain", resolve));
        }
      }
      await source.close();
      if (!exhausted) {
        await onDone(written, false);
        out.destroy();
        return;
      }
      await sheet.commit();
      await workbook.commit();
      await onDone(written, true);
    } catch (error) {
      await source.close().catch(() => undefined);
      await onDone(written, false);
      out.destroy(error as Error);
    }
  })();
  // A client that goes away stops the loop and closes the statement.
  out.on("close", () => {
    cancelled = true;
  });
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
