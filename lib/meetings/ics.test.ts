import { afterEach, describe, expect, it } from "vitest";
import { foldOctets, istToUtcMs, meetingIcs } from "./ics";
import type { MeetingRecord } from "./types";

const meeting: MeetingRecord & { uid: string; url?: string } = {
  lang: "hi",
  unitName: "मखदुमपुर दक्षिणी मंडल",
  bodies: ["आईटी सेल", "सोशल मीडिया विभाग"],
  title: "मखदुमपुर दक्षिणी मंडल आईटी सेल एवं सोशल मीडिया विभाग की बैठक",
  startsAt: "2026-12-04T18:00",
  durationMinutes: 90,
  mode: "video",
  location: "https://meet.example/abc-defg",
  agenda: ["आगामी विधानसभा चुनाव को लेकर सभी शक्ति केंद्रों पर वर्चुअल बैठक, आईटी सेल की तैयारी", "व्हाट्सएप ग्रुप; हर बूथ पर"],
  chair: null,
  guests: [],
  attendees: [],
  decisions: [],
  uid: "meeting-42@sangathan.local",
  url: "https://sangathan.example/meetings/42",
};

/** A reader's view of the file: folded lines joined back (RFC 5545 §3.1), text values unescaped (§3.3.11). */
function parse(ics: string): Map<string, string> {
  const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n").filter(Boolean);
  const props = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).split(";")[0];
    const value = line.slice(colon + 1).replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
    if (!props.has(name)) props.set(name, value);
  }
  return props;
}

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe("the meeting's calendar file", () => {
  it("starts at the India time the meeting was set for, in UTC: 18:00 IST is 12:30Z", () => {
    const props = parse(meetingIcs(meeting));
    expect(props.get("DTSTART")).toBe("20261204T123000Z");
    expect(props.get("DURATION")).toBe("PT90M");
  });

  it("is the same whatever time zone the server runs in", () => {
    for (const tz of ["UTC", "America/New_York", "Asia/Kolkata", "Pacific/Kiritimati"]) {
      process.env.TZ = tz;
      expect(parse(meetingIcs(meeting)).get("DTSTART"), tz).toBe("20261204T123000Z");
    }
  });

  it("an early-morning meeting in India starts the day before in UTC", () => {
    expect(parse(meetingIcs({ ...meeting, startsAt: "2027-01-01T03:00" })).get("DTSTART")).toBe("20261231T213000Z");
    expect(new Date(istToUtcMs("2020-06-05T11:00")).toISOString()).toBe("2020-06-05T05:30:00.000Z");
  });

  it("carries title, link, agenda, UID and the meeting's page", () => {
    const ics = meetingIcs(meeting);
    const props = parse(ics);
    expect(props.get("SUMMARY")).toBe(meeting.title);
    expect(props.get("LOCATION")).toBe("https://meet.example/abc-defg");
    expect(props.get("UID")).toBe("meeting-42@sangathan.local");
    expect(props.get("URL")).toBe("https://sangathan.example/meetings/42");
    expect(props.get("DESCRIPTION")).toBe(
      "लिंक: https://meet.example/abc-defg\nबैठक के मुख्य बिंदु:\n1. आगामी विधानसभा चुनाव को लेकर सभी शक्ति केंद्रों पर वर्चुअल बैठक, आईटी सेल की तैयारी\n2. व्हाट्सएप ग्रुप; हर बूथ पर",
    );
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain("BEGIN:VEVENT\r\n");
  });

  it("at a place: the place as location, no link line, no URL when none is given", () => {
    const props = parse(meetingIcs({ ...meeting, mode: "place", location: "जिला कार्यालय, जहानाबाद", url: undefined, agenda: [] }));
    expect(props.get("LOCATION")).toBe("जिला कार्यालय, जहानाबाद");
    expect(props.has("DESCRIPTION")).toBe(false);
    expect(props.has("URL")).toBe(false);
  });

  it("folds every line within 75 octets, never inside a character", () => {
    const ics = meetingIcs(meeting);
    const encoder = new TextEncoder();
    for (const line of ics.split("\r\n")) expect(encoder.encode(line).length, line).toBeLessThanOrEqual(75);
    // Only whole characters on each line: decoding a line's bytes gives it back unchanged.
    for (const line of ics.split("\r\n")) expect(new TextDecoder("utf-8", { fatal: true }).decode(encoder.encode(line))).toBe(line);
    expect(foldOctets("A".repeat(80))).toBe(`${"A".repeat(75)}\r\n ${"A".repeat(5)}`);
  });

  it("refuses a meeting without a readable time", () => {
    expect(() => meetingIcs({ ...meeting, startsAt: "2026-12-04" })).toThrow();
  });
});
