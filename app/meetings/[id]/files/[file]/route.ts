import { type NextRequest } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/session";
import { getMeeting } from "@/lib/meetings/data";
import { meetingUrl } from "@/lib/meetings/public-url";
import { fileSlug, inviteesCsv, inviteesVcf, meetingCalendar } from "@/lib/meetings/export";
import { isRowIdText } from "@/lib/validation/row-id";

const HEADERS = { "cache-control": "private, no-store", "x-content-type-options": "nosniff" };

/** A meeting's calendar file and invitee lists; a meeting outside the viewer's scope is "not found". */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string; file: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return new Response("unauthorised", { status: 401 });
  const { id, file } = await params;
  const meeting = isRowIdText(id) ? await getMeeting(viewer, Number(id)) : null;
  if (!meeting) return new Response("not found", { status: 404 });
  const slug = fileSlug(meeting);
  if (file === "meeting.ics") {
    const url = meetingUrl(meeting.id, process.env.AUTH_URL, request.headers.get("host"), request.headers.get("x-forwarded-proto"));
    return new Response(await meetingCalendar(meeting, url), {
      headers: { ...HEADERS, "content-type": "text/calendar; charset=utf-8", "content-disposition": `attachment; filename="${slug}.ics"` },
    });
  }
  const locale = await getLocale();
  if (file === "invitees.csv") {
    const t = await getTranslations("meetings");
    const body = inviteesCsv(viewer, meeting, locale, {
      headers: [t("csv.role"), t("csv.nameHi"), t("csv.nameEn"), t("csv.post"), t("csv.mobile"), t("csv.whatsapp"), t("csv.attended")],
      roles: { chair: t("roles.chair"), guest: t("roles.guest"), invitee: t("roles.invitee"), walk_in: t("roles.walk_in") },
      yes: t("page.present"),
      no: t("page.absent"),
    });
    return new Response(body, { headers: { ...HEADERS, "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${slug}-invitees.csv"` } });
  }
  if (file === "invitees.vcf") {
    return new Response(inviteesVcf(viewer, meeting, locale), {
      headers: { ...HEADERS, "content-type": "text/vcard; charset=utf-8", "content-disposition": `attachment; filename="${slug}-invitees.vcf"` },
    });
  }
  return new Response("not found", { status: 404 });
}
