import "server-only";
import { writeAudit } from "@/lib/audit/log";
import { unitVisibility } from "@/lib/auth/grants";
import { deny, loadUnit } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/session";
import { roster } from "@/lib/i18n/roster-columns";
import { log } from "@/lib/log";
import { todayInIndia } from "@/lib/roster/dates";
import type { ExportQuery } from "@/lib/validation/export";
import { CONTENT_TYPES, csvStream, vcfStream, xlsxStream, type Written } from "./formats";
import { openExport } from "./rows";

export type OpenedExport = { body: ReadableStream<Uint8Array>; filename: string; contentType: string };

/**
 * The one way to open an export: the unit must be visible to the viewer in full (else `Denied`,
 * audited), the header row is the roster sheet's (lib/i18n/roster-columns.ts), and how the download ended — every row written, or abandoned — is audited when it ends.
 */
export async function openUnitExport(viewer: Viewer, q: ExportQuery, locale: string): Promise<OpenedExport> {
  const unit = await loadUnit(q.unit);
  if (!unit || unitVisibility(viewer.grants, unit.path) !== "full") {
    return deny(viewer, "export", "export", q.unit, { format: q.format }, unit?.id ?? null);
  }
  const filters = { level: q.level ?? null, bodyId: q.body ?? null, titleKey: q.title ?? null, vacantOnly: q.vacant, allSeats: q.seats === "all" };
  const source = await openExport(unit.path, filters);
  // The roster sheet's own header row (never the interface's wording), so the sheet imports back.
  const labels = { headers: roster.headers(locale), locale };
  const onDone = async ({ rows, named }: Written, completed: boolean) => {
    void log.info(completed ? "export.done" : "export.cancelled", { accountId: viewer.accountId, unitId: unit.id, format: q.format, rows });
    await writeAudit({
      actorAccountId: viewer.accountId,
      action: completed ? "export" : "export.cancelled",
      targetType: "export",
      targetId: unit.id,
      unitId: unit.id,
      // `named`: the sentence's "16 names" counts people, not the vacant seats an all-seats sheet lists too.
      after: { format: q.format, filters, rows, named },
    });
  };
  const body =
    q.format === "csv"
      ? csvStream(source, labels, onDone)
      : q.format === "vcf"
        ? vcfStream(source, labels, onDone)
        : xlsxStream(source, labels, unit.nameEn, onDone);
  const slug = unit.nameEn.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || `unit-${unit.id}`;
  const suffix = q.vacant ? "-vacant" : q.seats === "all" ? "-all-seats" : "";
  return { body, filename: `sangathan-${slug}${suffix}-${todayInIndia()}.${q.format}`, contentType: CONTENT_TYPES[q.format] };
}
