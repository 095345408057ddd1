import "server-only";
import { writeAudit } from "@/lib/audit/log";
import { deny } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/session";
import { safeCell } from "@/lib/export/cell-safety";
import { csvText } from "@/lib/export/formats";
import { roster } from "@/lib/i18n/roster-columns";
import { todayInIndia } from "@/lib/roster/dates";
import { LEVELS, levelDepth, pathIds } from "@/lib/tree";
import { listMissing } from "./progress";

/**
 * The units of the viewer's part of a drive still missing what it counts, as CSV (BOM, CRLF,
 * formula-looking cells neutralised): the path down to the unit's parent, the unit's name and
 * code, and for a post drive the post. Audited as a download; a drive or part the viewer may not
 * see is refused (audited) like any other export.
 * Built in memory, not streamed: listMissing reads the whole list in one query for the page's
 * figures too; a state drive's list (~6,000 lines, ~1.4 MB) fits. To stream it, page the
 * missing-units query by path and feed lib/export/formats.ts pullStream, as the roster exports do.
 */
export async function missingCsv(
  viewer: Viewer,
  driveId: number,
  unitId: number | undefined,
  locale: string,
  labels: { name: string; post: string },
): Promise<{ text: string; filename: string }> {
  const result = await listMissing(viewer, driveId, unitId);
  if (!result) return deny(viewer, "drive.export", "drive", driveId, { unitId: unitId ?? null });
  const { view, units, names } = result;
  const hi = locale === "hi";
  const above = LEVELS.slice(0, levelDepth(view.drive.level));
  const post = view.drive.post ? `${hi ? view.drive.post.bodyHi : view.drive.post.bodyEn} ${hi ? view.drive.post.titleHi : view.drive.post.titleEn}` : null;
  const header = [...above.map((l) => roster.levelLabel(l, locale)), `${labels.name} (${roster.levelLabel(view.drive.level, locale)})`, roster.fieldLabel("code", locale), ...(post ? [labels.post] : [])];
  const rows = units.map((u) => {
    const ids = pathIds(u.path);
    const path = above.map((_, i) => {
      const n = names.get(ids[i]);
      return n ? (hi ? n.nameHi : n.nameEn) : "";
    });
    return [...path, hi ? u.nameHi : u.nameEn, u.code ?? "", ...(post ? [post] : [])].map(safeCell);
  });
  await writeAudit({
    actorAccountId: viewer.accountId,
    action: "drive.export",
    targetType: "export",
    targetId: view.drive.id,
    unitId: view.part.id,
    after: { driveName: view.drive.name, format: "csv", rows: rows.length },
  });
  const slug = view.part.nameEn.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || `unit-${view.part.id}`;
  return { text: csvText([header, ...rows]), filename: `drive-${view.drive.id}-${slug}-missing-${todayInIndia()}.csv` };
}
