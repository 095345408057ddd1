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

/** "12 दिन बाकी" / "आज अंतिम दिन है" / "अंतिम तारीख 3 दिन पहले निकल गई", counted in India's calendar. */
export function driveTimeLeft(deadline: string, t: T, today?: string): { text: string; overdue: boolean } {
  const days = daysLeft(deadline, today);
  if (days > 0) return { text: t("drives.daysLeft", { days }), overdue: false };
  if (days === 0) return { text: t("drives.lastDay"), overdue: false };
  return { text: t("drives.overdue", { days: -days }), overdue: true };
}
