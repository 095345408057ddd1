import type { Level } from "@/lib/tree";
import type { MeetingLang } from "./types";

/**
 * A post as a meeting's papers name it, in the meeting's language, from where the post sits
 * relative to the meeting's unit: "जिला अध्यक्ष", "प्रदेश अनुसूचित जाति मोर्चा अध्यक्ष",
 * "मखदुमपुर विधानसभा प्रभारी", "मंडल आईटी सेल संयोजक" (the meeting's own unit), "भेलावर शक्ति
 * केंद्र आईटी सेल संयोजक" (a unit below, named). The organisation itself (संगठन) is not named.
 */
export type PostPlace = {
  level: Level;
  unitHi: string;
  unitEn: string;
  bodyKey: string;
  bodyHi: string;
  bodyEn: string;
  titleHi: string;
  titleEn: string;
};

const LEVEL_WORD: Record<Level, { hi: string; en: string }> = {
  state: { hi: "प्रदेश", en: "state" },
  district: { hi: "जिला", en: "district" },
  assembly: { hi: "विधानसभा", en: "assembly" },
  mandal: { hi: "मंडल", en: "mandal" },
  shakti_kendra: { hi: "शक्ति केंद्र", en: "shakti kendra" },
  booth: { hi: "बूथ", en: "booth" },
};

function withLevelWord(name: string, word: string): string {
  return name.toLocaleLowerCase().endsWith(word.toLocaleLowerCase()) ? name : `${name} ${word}`;
}

function place(lang: MeetingLang, p: PostPlace, ownUnit: boolean): string {
  const word = LEVEL_WORD[p.level][lang];
  // State and district are known from the meeting's context; the meeting's own unit is "मंडल".
  if (ownUnit || p.level === "state" || p.level === "district") return word;
  if (p.level === "booth") return `${word} ${lang === "hi" ? p.unitHi : p.unitEn}`;
  return withLevelWord(lang === "hi" ? p.unitHi : p.unitEn, word);
}

/** English body names carry a gloss in the catalogue ("Yuva Morcha (Youth)"); papers drop it. */
const bareEn = (s: string) => s.replace(/\s*\([^)]*\)\s*$/, "");
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase() + s.slice(1);

export function postLabel(lang: MeetingLang, p: PostPlace, ownUnit = false): string {
  const body = p.bodyKey === "sangathan" ? "" : `${lang === "hi" ? p.bodyHi : bareEn(p.bodyEn)} `;
  const title = lang === "hi" ? p.titleHi : lowerFirst(p.titleEn);
  return `${place(lang, p, ownUnit)} ${body}${title}`;
}

/** One person's several posts: "… प्रदेश अध्यक्ष सह मखदुमपुर विधानसभा प्रभारी", as the report writes it. */
export function joinPosts(lang: MeetingLang, labels: string[]): string {
  return [...new Set(labels)].join(lang === "hi" ? " सह " : " and ");
}
