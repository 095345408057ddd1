import { type NextRequest } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { LEVELS } from "@/lib/tree";
import { Denied } from "@/lib/auth/guard";
import { getViewer } from "@/lib/auth/session";
import { safeCell } from "@/lib/export/cell-safety";
import { csvText } from "@/lib/export/formats";
import { loadImport } from "@/lib/import/apply";
import { planImport } from "@/lib/import/plan";
import { roster } from "@/lib/i18n/roster-columns";
import { isRowIdText } from "@/lib/validation/row-id";

/** The rows of an upload that had errors, in the template's layout plus a reason column, to fix and upload again. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return new Response("unauthorised", { status: 401 });
  const raw = (await params).id;
  if (!isRowIdText(raw)) return new Response("not found", { status: 404 });
  let saved;
  try {
    saved = await loadImport(viewer, Number(raw));
  } catch (error) {
    if (error instanceof Denied) return new Response("not found", { status: 404 });
    throw error;
  }
  if (!saved) return new Response("not found", { status: 404 });
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const headers = [...roster.headers(locale), t("import.fates.error")];
  const rows = (await planImport(viewer, saved.unit, saved.records))
    .filter((r) => r.fate.kind === "error")
    .map((r) => {
      const rec = r.record;
      const reasons = r.fate.kind === "error" ? r.fate.errors.map((e) => t(`import.errors.${e}`)).join("; ") : "";
      return [...LEVELS.map((l) => rec.levels[l] ?? ""), rec.code, rec.body, rec.post, rec.seat, rec.nameHi, rec.nameEn, rec.mobile, rec.whatsapp, rec.since, reasons].map(safeCell);
    });
  const body = csvText([headers, ...rows]);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="import-${saved.id}-errors.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
