import { clockText, dayText, durationText } from "./invitation";
import { parseStartsAt } from "./press-note";
import type { MeetingLang } from "./types";

/** "शुक्रवार, 5 जून 2020, शाम 6 बजे (1 घंटा)": a meeting's time as its pages show it. */
export function meetingWhen(lang: MeetingLang, startsAt: string, durationMinutes?: number): string {
  const at = parseStartsAt(startsAt);
  if (!at) return startsAt;
  const length = durationMinutes ? durationText(lang, durationMinutes) : "";
  return `${dayText(lang, at.date)}, ${clockText(lang, at.hour, at.minute)}${length ? ` (${length})` : ""}`;
}
