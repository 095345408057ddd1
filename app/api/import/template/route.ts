import { stringify } from "csv-stringify/sync";
import { getLocale, getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/session";
import { roster } from "@/lib/i18n/roster-columns";

/** A blank roster sheet: the export's header row, nothing else (no personal data). */
export async function GET() {
  const viewer = await getViewer();
  if (!viewer) return new Response("unauthorised", { status: 401 });
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const body = "\uFEFF" + stringify([roster.headers(locale, (level) => t(`levels.${level}`))], { record_delimiter: "windows" });
  return new Response(body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="sangathan-roster-template.csv"' },
  });
}
