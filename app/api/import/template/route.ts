import { getLocale } from "next-intl/server";
import { csvText } from "@/lib/export/formats";
import { getViewer } from "@/lib/auth/session";
import { roster } from "@/lib/i18n/roster-columns";

/** A blank roster sheet: the export's header row, nothing else (no personal data). */
export async function GET() {
  const viewer = await getViewer();
  if (!viewer) return new Response("unauthorised", { status: 401 });
  const body = csvText([roster.headers(await getLocale())]);
  return new Response(body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="sangathan-roster-template.csv"' },
  });
}
