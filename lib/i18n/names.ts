/** Hindi UI shows Hindi names; English UI shows the Latin spelling. */
export function localName(locale: string, item: { nameHi: string; nameEn: string }): string {
  return locale === "hi" ? item.nameHi : item.nameEn;
}

/** "30 नवंबर 2026" / "30 November 2026": full month names, one style everywhere. */
export function formatDate(locale: string, isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(locale === "hi" ? "hi-IN" : "en-IN", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

const HINDI_DAY_PARTS: Array<[number, string]> = [
  [4, "रात"],
  [12, "सुबह"],
  [16, "दोपहर"],
  [20, "शाम"],
  [24, "रात"],
];

/**
 * An instant as an Indian reader says it, in India's time: "30 नवंबर 2026, सुबह 9:36" /
 * "30 November 2026, 9:36 am".
 */
export function formatDateTime(locale: string, iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Kolkata", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const day = formatDate(locale, `${parts.year}-${parts.month}-${parts.day}`);
  return `${day}, ${clockOf(locale, Number(parts.hour), parts.minute)}`;
}

function clockOf(locale: string, hour: number, minute: string): string {
  const clock = `${hour % 12 === 0 ? 12 : hour % 12}:${minute}`;
  return locale === "hi" ? `${HINDI_DAY_PARTS.find(([until]) => hour < until)![1]} ${clock}` : `${clock} ${hour < 12 ? "am" : "pm"}`;
}

/** The time of day alone, as formatDateTime writes it: "दोपहर 3:04" / "3:04 pm", India's time. */
export function formatClock(locale: string, at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Kolkata", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return clockOf(locale, Number(parts.hour), parts.minute);
}

/** False when a unit's name already ends with its level's word ("मखदुमपुर दक्षिणी मंडल" + "मंडल"): the badge would double it. */
export function needsLevelTag(name: string, levelLabel: string): boolean {
  const n = name.trim().toLocaleLowerCase();
  const l = levelLabel.trim().toLocaleLowerCase();
  return !(n === l || n.endsWith(` ${l}`));
}

/** "मखदुमपुर (विधानसभा)", but "मखदुमपुर दक्षिणी मंडल" alone: its name says its level. */
export function nameWithLevel(name: string, levelLabel: string): string {
  return needsLevelTag(name, levelLabel) ? `${name} (${levelLabel})` : name;
}
