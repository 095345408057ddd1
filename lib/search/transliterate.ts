/**
 * Devanagari → readable Latin, the way Hindi names are typed on phones ("विकास कुमार रौशन" →
 * "Vikas Kumar Raushan"). ITRANS via @indic-transliteration/sanscript does the letter work;
 * on top we fold ITRANS's capitals and drop the final schwa that ITRANS, being Sanskrit-minded,
 * keeps. Medial schwas stay ("Makhadumapur"): the rules for them guess wrong as often as right.
 */
import Sanscript from "@indic-transliteration/sanscript";

const DEVANAGARI = /[\u0900-\u097F]/;

// Nukta letters have no clean ITRANS form; spell them as Hindi speakers romanise them.
const NUKTA: Array<[RegExp, string]> = [
  [/\u095C|\u0921\u093C/g, "र"], // ड़
  [/\u095D|\u0922\u093C/g, "र्ह"], // ढ़
  [/\u093C/g, ""],
];

const ITRANS_TO_PLAIN: Array<[RegExp, string]> = [
  [/RRi|R\^i/g, "ri"],
  [/x/g, "ksh"],
  [/GY|j~n/g, "gy"],
  [/Sh|shh/g, "sh"],
  [/Ch/g, "chh"],
  [/~N|~n|\.N|M|\.n/g, "n"],
  [/\.D|\.Dh/g, "d"],
  [/H/g, "h"],
  [/\.a|\.h|\{\}|\^/g, ""],
];

// Before lower-casing, ITRANS still tells the short "a" (schwa) from the long "A". Hindi drops a
// final schwa after one consonant ("kumAra" → kumar) but keeps it after a cluster ("keMdra").
function dropFinalSchwa(word: string): string {
  const m = /([^aAiIuUeEoO]+)a$/.exec(word);
  if (!m || word.length <= 2 || m.index === 0) return word;
  const consonants = m[1].replace(/([kgcjTDtdpbsS])h/g, "$1");
  return consonants.length === 1 ? word.slice(0, -1) : word;
}

export function isDevanagari(text: string): boolean {
  return DEVANAGARI.test(text);
}

/** Lower-case Latin spelling of a Devanagari string; Latin input passes through, lower-cased. */
export function toLatin(text: string): string {
  let s = text.normalize("NFC");
  if (!isDevanagari(s)) return s.toLowerCase();
  for (const [re, to] of NUKTA) s = s.replace(re, to);
  let out = Sanscript.t(s, "devanagari", "itrans");
  for (const [re, to] of ITRANS_TO_PLAIN) out = out.replace(re, to);
  out = out.replace(/[a-zA-Z]+/g, dropFinalSchwa);
  return out.toLowerCase().replace(/aa/g, "a").replace(/ii/g, "i").replace(/uu/g, "u");
}

/** "vikas kumar raushan" → "Vikas Kumar Raushan". */
export function titleCase(text: string): string {
  return text.replace(/(^|[\s(\-–—,./])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());
}

export function latinName(hindi: string): string {
  return titleCase(toLatin(hindi));
}

// Latin as Hindi names are typed on phones, made ITRANS-like: lower case (ITRANS capitals mean
// other letters), w as v, ee/oo as long vowels, a final y after a consonant as ई.
const PLAIN_TO_ITRANS: Array<[RegExp, string]> = [
  [/w/g, "v"],
  [/ee/g, "I"],
  [/oo/g, "U"],
  [/([b-df-hj-np-tv-z])y\b/g, "$1I"],
  // n before a consonant is usually written as the anusvara (संजय, चंदन).
  [/n(?=[bcdfgjklmpqstz])/g, "M"],
];

/**
 * A Devanagari suggestion for a name typed in Latin ("Pawan Kumar" → "पवन कुमर"): a starting point
 * the person corrects, not a spelling (vowel length is not in the Latin).
 */
export function devanagariName(latin: string): string {
  let s = latin.normalize("NFC").toLowerCase().replace(/[^a-z\s.'-]/g, "");
  for (const [re, to] of PLAIN_TO_ITRANS) s = s.replace(re, to);
  // A word ending in a consonant keeps its inherent vowel rather than taking a virama.
  s = s.replace(/([b-df-hj-np-tv-z])\b/g, "$1a");
  return Sanscript.t(s, "itrans", "devanagari").replace(/\s+/g, " ");
}
