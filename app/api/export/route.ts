import { type NextRequest } from "next/server";
import { getLocale } from "next-intl/server";
import { Denied } from "@/lib/auth/guard";
import { getViewer } from "@/lib/auth/session";
import { openUnitExport } from "@/lib/export/open";
import { exportQuerySchema } from "@/lib/validation/export";

/** Streams the current rosters of a unit's subtree as CSV, .xlsx or vCard (checks and audit: lib/export/open.ts). */
export async function GET(request: NextRequest) {
  const viewer = await getViewer();
  if (!viewer) return new Response("unauthorised", { status: 401 });
  const parsed = exportQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return new Response("bad request", { status: 400 });
  const locale = await getLocale();
  try {
    const opened = await openUnitExport(viewer, parsed.data, locale);
    return new Response(opened.body, {
      headers: {
        "content-type": opened.contentType,
        "content-disposition": `attachment; filename="${opened.filename}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof Denied) return new Response("not found", { status: 404 });
    throw error;
  }
}
