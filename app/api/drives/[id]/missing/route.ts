import { type NextRequest } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Denied } from "@/lib/auth/guard";
import { getViewer } from "@/lib/auth/session";
import { missingCsv } from "@/lib/drives/export";
import { MAX_ROW_ID } from "@/lib/validation/row-id";

const idSchema = z.coerce.number().int().positive().max(MAX_ROW_ID);

/** The units of a drive (the viewer's part of it, `?unit=`) still missing what it counts, as CSV. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return new Response("unauthorised", { status: 401 });
  const id = idSchema.safeParse((await params).id);
  const rawUnit = request.nextUrl.searchParams.get("unit");
  const unit = rawUnit === null ? undefined : idSchema.safeParse(rawUnit);
  if (!id.success || (unit && !unit.success)) return new Response("not found", { status: 404 });
  const [locale, t] = await Promise.all([getLocale(), getTranslations("drives.csvHeaders")]);
  try {
    const csv = await missingCsv(viewer, id.data, unit?.data, locale, { name: t("name"), post: t("post") });
    return new Response(csv.text, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${csv.filename}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof Denied) return new Response("not found", { status: 404 });
    throw error;
  }
}
