import { formatDate } from "@/lib/i18n/names";
import { normaliseMobile } from "@/lib/people/phone";
import { shareLink } from "@/lib/share/whatsapp";
import { honoured, joinList, parseStartsAt, senderLine } from "./press-note";
import type { MeetingLang, MeetingRecord } from "./types";

/**
 * The invitation as one WhatsApp message in the meeting's language: the title in *bold*, date with
 * the weekday, India time as people say it ("शाम 6 बजे", "6 pm"), how long, where (link, place or
 * phone by mode), the agenda as numbered points, and a closing line.
 */

const WORDS = {
  hi: {
    date: "तारीख",
    time: "समय",
    duration: "अवधि",
    where: { video: "लिंक", place: "स्थान", phone: "फोन" },
    agenda: "बैठक के मुख्य बिंदु",
    chair: "अध्यक्षता",
    guests: "मुख्य अतिथि",
    and: "और",
    closing: { video: "आप सादर आमंत्रित हैं। कृपया समय पर जुड़ें।", phone: "आप सादर आमंत्रित हैं। कृपया समय पर जुड़ें।", place: "आप सादर आमंत्रित हैं। कृपया समय पर पहुँचें।" },
  },
  en: {
    date: "Date",
    time: "Time",
    duration: "Duration",
    where: { video: "Link", place: "Place", phone: "Phone" },
    agenda: "Agenda",
    chair: "Chair",
    guests: "Chief guests",
    and: "and",
    closing: { video: "You are cordially invited. Please join on time.", phone: "You are cordially invited. Please join on time.", place: "You are cordially invited. Please be there on time." },
  },
} as const;

const HINDI_DAY_PARTS: Array<[number, string]> = [
  [4, "रात"],
  [12, "सुबह"],
  [16, "दोपहर"],
  [20, "शाम"],
  [24, "रात"],
];

/** "शाम 6 बजे", "सुबह 10:30", "दोपहर 12 बजे" / "6 pm", "10:30 am", "12 pm" (GLOSSARY: 12-hour in invitations). */
export function clockText(lang: MeetingLang, hour: number, minute: number): string {
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const clock = minute === 0 ? `${h12}` : `${h12}:${String(minute).padStart(2, "0")}`;
  if (lang === "en") return `${clock} ${hour < 12 ? "am" : "pm"}`;
  const part = HINDI_DAY_PARTS.find(([until]) => hour < until)![1];
  return minute === 0 ? `${part} ${clock} बजे` : `${part} ${clock}`;
}

/** "शुक्रवार, 5 जून 2020" / "Friday, 5 June 2020". */
export function dayText(lang: MeetingLang, isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  const weekday = new Intl.DateTimeFormat(lang === "hi" ? "hi-IN" : "en-IN", { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
  return `${weekday}, ${formatDate(lang, isoDate)}`;
}

/** "1 घंटा 30 मिनट", "2 घंटे" / "1 hour 30 minutes"; "" for no length. */
export function durationText(lang: MeetingLang, minutes: number): string {
  if (!Number.isFinite(minutes) || minutes <= 0) return "";
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  const parts =
    lang === "hi"
      ? [h ? `${h} ${h === 1 ? "घंटा" : "घंटे"}` : "", m ? `${m} मिनट` : ""]
      : [h ? `${h} hour${h === 1 ? "" : "s"}` : "", m ? `${m} minute${m === 1 ? "" : "s"}` : ""];
  return parts.filter(Boolean).join(" ");
}

export function invitationText(m: MeetingRecord): string {
  const w = WORDS[m.lang];
  const title = m.title.trim() ? [`*${m.title.trim()}*`] : [];
  const details: string[] = [];
  const at = parseStartsAt(m.startsAt);
  if (at) details.push(`${w.date}: ${dayText(m.lang, at.date)}`, `${w.time}: ${clockText(m.lang, at.hour, at.minute)}`);
  const length = durationText(m.lang, m.durationMinutes);
  if (length) details.push(`${w.duration}: ${length}`);
  if (m.location.trim()) details.push(`${w.where[m.mode]}: ${m.location.trim()}`);
  const points = m.agenda.map((a) => a.trim()).filter(Boolean);
  const agenda = points.length ? [`*${w.agenda}:*`, ...points.map((a, i) => `${i + 1}. ${a}`)] : [];
  // Who chairs and who comes as chief guest, as the report names them ("जिलाध्यक्ष श्री सुरेश कुमार शर्मा").
  const person = (p: { name: string; post: string }, guest: boolean) => {
    const name = m.lang === "hi" && guest ? honoured(p.name.trim()) : p.name.trim();
    if (!p.post.trim()) return name;
    return m.lang === "hi" ? `${p.post.trim()} ${name}` : `${name} (${p.post.trim()})`;
  };
  const people: string[] = [];
  if (m.chair?.name.trim()) people.push(`${w.chair}: ${person(m.chair, false)}`);
  const guests = m.guests.filter((g) => g.name.trim());
  if (guests.length) people.push(`${m.lang === "en" && guests.length === 1 ? "Chief guest" : w.guests}: ${joinList(guests.map((g) => person(g, true)), w.and)}`);
  // Who sends it: the unit and its bodies ("— भाजपा मखदुमपुर दक्षिणी मंडल आईटी सेल एवं सोशल मीडिया विभाग").
  const sender = senderLine(m);
  // Blocks apart by one blank line; a block the record leaves empty leaves no gap.
  return [title, details, people, agenda, [w.closing[m.mode]], sender ? [`— ${sender}`] : []]
    .filter((block) => block.length)
    .map((block) => block.join("\n"))
    .join("\n\n");
}

/**
 * wa.me with the text pre-filled: to one Indian mobile (typed any common way) when given and valid,
 * else without a number, so WhatsApp lets the sender pick the chat or group.
 */
export function waLink(text: string, mobile?: string | null): string {
  const e164 = mobile ? normaliseMobile(mobile) : null;
  if (!e164) return shareLink(text);
  return `https://wa.me/${e164.slice(1)}?text=${encodeURIComponent(text)}`;
}
