import { formatDate } from "@/lib/i18n/names";
import type { MeetingLang, MeetingRecord, NamedPost } from "./types";

/**
 * The press note a convenor sends to the papers after a meeting, written from the meeting's
 * record in the style of the district's reports ("भाजपा … की बैठक … हुई। बैठक की अध्यक्षता …
 * ने की। मुख्य अतिथि के रूप में … शामिल हुए। … उपस्थित रहे।"). Parts the record lacks are left
 * out as whole sentences, so the draft never holds a blank.
 */

/** "A", "A और B", "A, B और C" — the last two joined by the word, the rest by commas. */
export function joinList(items: string[], word: string): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${word} ${items[items.length - 1]}`;
}

const AND: Record<MeetingLang, string> = { hi: "और", en: "and" };
// The reports join a unit's bodies with the formal एवं ("आईटी सेल एवं सोशल मीडिया विभाग").
const BODY_AND: Record<MeetingLang, string> = { hi: "एवं", en: "and" };

/** "YYYY-MM-DDTHH:MM" (India time) → its parts; null when it is not one. */
export function parseStartsAt(startsAt: string): { date: string; hour: number; minute: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(startsAt.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const at = new Date(Date.UTC(y, mo - 1, d, h, mi));
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== mo - 1 || at.getUTCDate() !== d || h > 23 || mi > 59) return null;
  return { date: `${match[1]}-${match[2]}-${match[3]}`, hour: h, minute: mi };
}

function bodiesText(lang: MeetingLang, unitName: string, bodies: string[]): string {
  return [unitName.trim(), joinList(clean(bodies), BODY_AND[lang])].filter(Boolean).join(" ");
}

/** Who a meeting's papers come from: "भाजपा मखदुमपुर दक्षिणी मंडल आईटी सेल एवं सोशल मीडिया विभाग" / "BJP …". */
export function senderLine(m: { lang: MeetingLang; unitName: string; bodies: string[] }): string {
  const who = bodiesText(m.lang, m.unitName, m.bodies);
  return who ? `${m.lang === "hi" ? "भाजपा" : "BJP"} ${who}` : "";
}

/** "मखदुमपुर दक्षिणी मंडल आईटी सेल एवं सोशल मीडिया विभाग की बैठक" / "… IT Cell and Social Media Department meeting". */
export function defaultTitle(lang: MeetingLang, unitName: string, bodies: string[]): string {
  const who = bodiesText(lang, unitName, bodies);
  return lang === "hi" ? `${who} की बैठक` : `${who} meeting`;
}

/** Trimmed, without a closing danda or full stop (the sentence adds its own), empties dropped. */
function clean(items: string[]): string[] {
  return items.map((s) => s.trim().replace(/[\s।|.]+$/u, "")).filter(Boolean);
}

function people(list: NamedPost[]): NamedPost[] {
  return list.map((p) => ({ name: p.name.trim(), post: p.post.trim() })).filter((p) => p.name);
}

/** Hindi reports put the post first ("जिलाध्यक्ष सुरेश कुमार शर्मा"); English puts it in brackets after the name. */
function named(lang: MeetingLang, p: NamedPost): string {
  if (!p.post) return p.name;
  return lang === "hi" ? `${p.post} ${p.name}` : `${p.name} (${p.post})`;
}

const FEMALE_TITLES = new Set(["श्रीमती", "सुश्री"]);
const FEMALE_SURNAMES = new Set(["देवी", "कुमारी"]);

/**
 * The record has no gender, so the verb takes the masculine (honorific) plural, as Hindi does for
 * men and mixed groups ("शामिल हुए", "उपस्थित रहे") — unless every name is plainly a woman's
 * (श्रीमती/सुश्री …, … देवी, … कुमारी, as names are written in Bihar): then "हुईं", "रहीं".
 */
function allWomen(list: NamedPost[]): boolean {
  return list.every((p) => {
    const words = p.name.split(/\s+/);
    return FEMALE_TITLES.has(words[0]) || (words.length > 1 && FEMALE_SURNAMES.has(words[words.length - 1]));
  });
}

// Nouns that end in -ना like an infinitive but are not one (they take no oblique -ने).
const NOUNS_IN_NA = new Set([
  "योजना", "सूचना", "घटना", "रचना", "संभावना", "भावना", "सेना", "कल्पना", "गणना", "जनगणना", "तुलना", "प्रार्थना", "चेतना",
  "वंदना", "साधना", "आराधना", "प्रस्तावना", "घोषणा", "आलोचना", "समालोचना", "सांत्वना", "वेदना", "संरचना", "विवेचना", "अवमानना", "मना", "ना", "दाना", "खाना", "जमाना", "ज़माना", "निशाना", "बहाना", "ठिकाना", "खज़ाना", "खजाना", "पुराना", "सपना", "अपना", "झरना", "गहना",
]);

/**
 * An agenda point before "पर चर्चा हुई" takes the oblique case: a point ending in an infinitive
 * ("… से जोड़ना", "… ग्रुप बनाना") ends in -ने ("… से जोड़ने … पर चर्चा हुई"). Nouns in -ना
 * (योजना, सूचना …) stay as they are.
 */
export function oblique(point: string): string {
  const match = /(\S+)$/u.exec(point);
  if (!match) return point;
  const word = match[1];
  if (!word.endsWith("ना") || word.length < 3 || NOUNS_IN_NA.has(word)) return point;
  return `${point.slice(0, -2)}ने`;
}

/** A name as the reports write a chief guest: "श्री सुरेश कुमार शर्मा" — not for a woman's name, nor one with a title already. */
export function honoured(name: string): string {
  const first = name.split(/\s+/)[0];
  if (/^(श्री|श्रीमती|सुश्री|डॉ\.?|डा\.|प्रो\.?|स्व\.?)$/u.test(first) || allWomen([{ name, post: "" }])) return name;
  return `श्री ${name}`;
}

/** Text lines as sentences: each closed by a danda (or full stop) if the writer left it open. */
function asSentences(lang: MeetingLang, lines: string[] | undefined): string[] {
  return (lines ?? []).map((l) => l.trim()).filter(Boolean).map((l) => (/[।.!?|]$/u.test(l) ? l : `${l}${lang === "hi" ? "।" : "."}`));
}

function hindi(m: MeetingRecord): string[] {
  const at = parseStartsAt(m.startsAt);
  const when = at ? `${formatDate("hi", at.date)} को ` : "";
  const place = m.location.trim();
  const how = m.mode === "video" ? "वीडियो कॉन्फ्रेंसिंग के माध्यम से " : m.mode === "phone" ? "फोन पर " : place ? `${place} में ` : "";
  const dateline = m.dateline?.trim() ? `${m.dateline.trim()}। ` : "";
  const sentences = [`${dateline}भाजपा ${bodiesText("hi", m.unitName, m.bodies)} की बैठक ${when}${how}हुई।`];

  const honour = (p: NamedPost) => ({ ...p, name: honoured(p.name) });
  const [chair] = people(m.chair ? [m.chair] : []);
  // श्री for the chief guests, as the report writes "जिलाध्यक्ष श्री सुरेश कुमार शर्मा"; the chair (the host) as named.
  if (chair) sentences.push(`बैठक की अध्यक्षता ${named("hi", chair)} ने की।`);
  const guests = people(m.guests);
  if (guests.length) {
    const verb = allWomen(guests) ? "हुईं" : "हुए";
    sentences.push(`मुख्य अतिथि के रूप में ${joinList(guests.map((g) => named("hi", honour(g))), AND.hi)} शामिल ${verb}।`);
  }
  const invited = clean(m.invited ?? []);
  if (invited.length) sentences.push(`बैठक में सभी ${joinList(invited, BODY_AND.hi)} आमंत्रित थे।`);
  const agenda = clean(m.agenda).map(oblique);
  if (agenda.length) sentences.push(`बैठक में ${joinList(agenda, AND.hi)} पर चर्चा हुई।`);
  sentences.push(...asSentences("hi", m.minutes));
  const decisions = clean(m.decisions);
  if (decisions.length) sentences.push(`तय हुआ कि ${joinList(decisions, AND.hi)}।`);
  const present = people(m.attendees);
  if (present.length) {
    const verb = allWomen(present) ? "रहीं" : "रहे";
    sentences.push(`बैठक में ${joinList(present.map((p) => named("hi", p)), AND.hi)} उपस्थित ${verb}।`);
  }
  return sentences;
}

function english(m: MeetingRecord): string[] {
  const at = parseStartsAt(m.startsAt);
  const place = m.location.trim();
  const how = m.mode === "video" ? " by video conference" : m.mode === "phone" ? " by phone" : place ? ` at ${place}` : "";
  const when = at ? ` on ${formatDate("en", at.date)}` : "";
  const dateline = m.dateline?.trim() ? `${m.dateline.trim().toLocaleUpperCase("en")}: ` : "";
  const sentences = [`${dateline}A meeting of the BJP ${bodiesText("en", m.unitName, m.bodies)} was held${how}${when}.`];

  const [chair] = people(m.chair ? [m.chair] : []);
  if (chair) sentences.push(`It was chaired by ${named("en", chair)}.`);
  const guests = people(m.guests);
  if (guests.length) {
    sentences.push(`${joinList(guests.map((g) => named("en", g)), AND.en)} attended as chief guest${guests.length > 1 ? "s" : ""}.`);
  }
  const invited = clean(m.invited ?? []);
  // Each English group carries its own determiner ("every shakti kendra IT Cell convenor").
  if (invited.length) sentences.push(`${joinList(invited, AND.en).replace(/^./, (c) => c.toUpperCase())} were invited.`);
  const agenda = clean(m.agenda);
  if (agenda.length) sentences.push(`The meeting discussed ${joinList(agenda, AND.en)}.`);
  sentences.push(...asSentences("en", m.minutes));
  const decisions = clean(m.decisions);
  if (decisions.length) sentences.push(`It was decided that ${joinList(decisions, AND.en)}.`);
  const present = people(m.attendees);
  if (present.length) sentences.push(`Present ${present.length > 1 ? "were" : "was"} ${joinList(present.map((p) => named("en", p)), AND.en)}.`);
  return sentences;
}

/**
 * The headline: the meeting's own title when someone wrote one; for the title the form filled in,
 * the report's headline ("भाजपा … की वीडियो कॉन्फ्रेंसिंग बैठक").
 */
function headline(m: MeetingRecord): string {
  const title = m.title.trim();
  if (title && title !== defaultTitle(m.lang, m.unitName, m.bodies)) return title;
  const who = bodiesText(m.lang, m.unitName, m.bodies);
  if (m.lang === "hi") return `भाजपा ${who} की ${m.mode === "video" ? "वीडियो कॉन्फ्रेंसिंग " : ""}बैठक`;
  return `BJP ${who} ${m.mode === "video" ? "video " : ""}meeting`;
}

/** The draft press note: a headline, a blank line, one paragraph. */
export function pressNote(m: MeetingRecord): string {
  const body = m.lang === "hi" ? hindi(m) : english(m);
  return `${headline(m)}\n\n${body.join(" ")}`;
}
