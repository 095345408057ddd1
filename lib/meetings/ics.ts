import { createEvent } from "ics";
import { parseStartsAt } from "./press-note";
import type { MeetingRecord } from "./types";

const IST_OFFSET_MINUTES = 5 * 60 + 30;

/** India time ("2020-06-05T18:00") → the instant, in ms since the epoch (India keeps no summer time). */
export function istToUtcMs(startsAt: string): number {
  const at = parseStartsAt(startsAt);
  if (!at) throw new Error(`not a meeting time: ${startsAt}`);
  const [y, m, d] = at.date.split("-").map(Number);
  return Date.UTC(y, m - 1, d, at.hour, at.minute) - IST_OFFSET_MINUTES * 60_000;
}

const AGENDA_HEADING = { hi: "बैठक के मुख्य बिंदु", en: "Agenda" } as const;
const LINK = { hi: "लिंक", en: "Link" } as const;

/**
 * The meeting as an .ics calendar file (one VEVENT): start in UTC, so every calendar shows it at
 * the India time it was set for; location is the link, place or phone number; the agenda (and
 * the video link, which not every calendar makes tappable in the location) in the description.
 * Throws when the record cannot make a valid event.
 */
export function meetingIcs(m: MeetingRecord & { uid: string; url?: string }): string {
  const location = m.location.trim();
  const agenda = m.agenda.map((a) => a.trim()).filter(Boolean);
  const description = [
    ...(m.mode === "video" && location ? [`${LINK[m.lang]}: ${location}`] : []),
    ...(agenda.length ? [`${AGENDA_HEADING[m.lang]}:`, ...agenda.map((a, i) => `${i + 1}. ${a}`)] : []),
  ].join("\n");
  const { error, value } = createEvent({
    start: istToUtcMs(m.startsAt),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: m.durationMinutes > 0 ? m.durationMinutes : 60 },
    title: m.title.trim(),
    ...(location ? { location } : {}),
    ...(description ? { description } : {}),
    ...(m.url ? { url: m.url } : {}),
    uid: m.uid,
    productId: "sangathan-directory/meetings",
  });
  if (error || !value) throw error ?? new Error("ics: no calendar produced");
  return foldOctets(value);
}

/**
 * RFC 5545 folds lines at 75 octets; the package folds at 75 characters, and a Devanagari
 * character takes three octets, so a Hindi line ran to ~200. Unfold, then fold again by octets,
 * never inside a character (a continuation line starts with one space).
 */
export function foldOctets(ics: string): string {
  const encoder = new TextEncoder();
  const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n");
  return lines
    .map((line) => {
      const parts: string[] = [];
      let part = "";
      let octets = 0;
      let limit = 75;
      for (const char of line) {
        const size = encoder.encode(char).length;
        if (octets + size > limit) {
          parts.push(part);
          part = "";
          octets = 0;
          limit = 74; // the leading space counts
        }
        part += char;
        octets += size;
      }
      parts.push(part);
      return parts.join("\r\n ");
    })
    .join("\r\n");
}
