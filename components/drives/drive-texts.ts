import type { Drive } from "@/lib/drives/progress";
import { daysLeft } from "@/lib/drives/days";
import { formatDate, localName } from "@/lib/i18n/names";

type T = (key: string, values?: Record<string, string | number>) => string;

/** What a drive counts, in words: "हर शक्ति केंद्र में आईटी सेल संयोजक". */
export function driveWhat(drive: Pick<Drive, "kind" | "level" | "since" | "post">, locale: string, t: T): string {
  const level = t(`levels.${drive.level}`);
  if (drive.kind === "post" && drive.post) {
    const post = drive.post.bodyKey === "sangathan" ? localName(locale, { nameHi: drive.post.titleHi, nameEn: drive.post.titleEn }) : `${localName(locale, { nameHi: drive.post.bodyHi, nameEn: drive.post.bodyEn })} ${localName(locale, { nameHi: drive.post.titleHi, nameEn: drive.post.titleEn })}`;
    return t("drives.what.post", { level, post });
  }
  if (drive.kind === "meeting") return t("drives.what.meeting", { level, since: drive.since ? formatDate(locale, drive.since) : "" });
  return t("drives.what.whatsapp", { level });
}

/**
 * "12 दिन बाकी" / "आज अंतिम दिन है" / "अंतिम तारीख 3 दिन पहले निकल गई", counted in India's calendar;
 * nothing for a closed drive (its page says when it closed instead).
 */
export function driveTimeLeft(drive: Pick<Drive, "deadline" | "closedAt">, t: T, today?: string): { text: string | null; overdue: boolean } {
  if (drive.closedAt !== null) return { text: null, overdue: false };
  const days = daysLeft(drive.deadline, today);
  if (days > 0) return { text: t("drives.daysLeft", { days }), overdue: false };
  if (days === 0) return { text: t("drives.lastDay"), overdue: false };
  return { text: t("drives.overdue", { days: -days }), overdue: true };
}

/**
 * The small print under a drive's name on a unit's panel: what it counts (when its name does not
 * say so), whose drive it is when that is not the panel's unit, and the viewer's part when the
 * drive is set above the panel's unit.
 */
export function driveNotes(
  drive: Pick<Drive, "name" | "kind" | "level" | "since" | "post" | "unit">,
  part: { id: number; nameHi: string; nameEn: string },
  panelUnitId: number,
  locale: string,
  t: T,
): string[] {
  const what = driveWhat(drive, locale, t);
  return [
    what === drive.name ? null : what,
    drive.unit.id !== panelUnitId ? t("drives.of", { unit: localName(locale, drive.unit) }) : null,
    part.id !== drive.unit.id ? t("drives.part", { unit: localName(locale, part) }) : null,
  ].filter((n): n is string => n !== null);
}
