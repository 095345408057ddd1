import { type NextRequest } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { writeAudit } from "@/lib/audit/log";
import { log } from "@/lib/log";
import { unitVisibility } from "@/lib/auth/grants";
import { deny, Denied, loadUnit } from "@/lib/auth/guard";
import { getViewer } from "@/lib/auth/session";
import { CONTENT_TYPES, csvStream, vcfStream, xlsxStream } from "@/lib/export/formats";
import { openExport } from "@/lib/export/rows";
import { roster } from "@/lib/i18n/roster-columns";
import { todayInIndia } from "@/lib/roster/dates";
import { exportQuerySchema } from "@/lib/validation/export";

/**
 * Streams the current rosters of a unit's subtree as CSV, .xlsx or vCard. Only what the
 * account's grants cover; every export, and every refused one, is in the audit log.
 */
export async function GET(request: NextRequest) {
  const viewer = await getViewer();
  if (!viewer) return new Response("unauthorised", { status: 401 });
  const parsed = exportQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return new Response("bad request", { status: 400 });
  const q = parsed.data;
  const unit = loadUnit(q.unit);
  try {
    if (!unit || unitVisibility(viewer.grants, unit.path) !== "full") {
      deny(viewer, "export", "export", q.unit, { format: q.format }, unit?.id ?? null);
    }
  } catch (error) {
    if (error instanceof Denied) return new Response("not found", { status: 404 });
    throw error;
  }

  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const headers = roster.headers(locale, (level) => t(`levels.${level}`));
  const filters = { level: q.level ?? null, bodyId: q.body ?? null, titleKey: q.title ?? null, vacantOnly: q.vacant };
  const source = openExport(unit.path, filters);
  const onDone = (rows: number, completed: boolean) => {
    void log.info(completed ? "export.done" : "export.cancelled", { accountId: viewer.accountId, unitId: unit.id, format: q.format, rows });
    writeAudit({
      actorAccountId: viewer.accountId,
      action: completed ? "export" : "export.cancelled",
      targetType: "export",
      targetId: unit.id,
      unitId: unit.id,
      after: { format: q.format, filters, rows },
    });
  };
  const labels = { headers, locale };
  const body =
    q.format === "csv"
      ? csvStream(source, labels, onDone)
      : q.format === "vcf"
        ? vcfStream(source, labels, onDone)
        : xlsxStream(source, labels, unit.nameEn, onDone);

  const slug = unit.nameEn.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || `unit-${unit.id}`;
  const filename = `sangathan-${slug}${q.vacant ? "-vacant" : ""}-${todayInIndia()}.${q.format}`;
  return new Response(body, {
    headers: {
      "content-type": CONTENT_TYPES[q.format],
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
