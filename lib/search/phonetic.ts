/**
 * Search terms for names typed in either script and spelled many ways.
 *
 * Approach: every word is first brought to Latin (Devanagari through sanscript's ITRANS, see
 * transliterate.ts), then folded to a consonant skeleton: the first letter, then the consonants
 * with aspirates (kh→k, dh→d), sibilants (sh/ṣ→s), w/v, z/j, ksh/x and doubled letters merged, and
 * vowels, y and h dropped. Vowel length, the dropped final schwa and au/o all vanish with the
 * vowels, so "Raushan", "Roshan" and "रौशन" share "rsn"; "Chaudhary", "Choudhary", "Chaudhari"
 * and "चौधरी" share "cdr". A query word matches a stored skeleton by prefix, so typing "vik"
 * already finds "Vikas". The plain Latin word is stored too, so exact spellings rank first.
 * A skeleton is an index key, not a spelling: it is never shown.
 */
import { toLatin } from "./transliterate";

const cache = new Map<string, string>();

function latinWords(text: string): string[] {
  return toLatin(text.normalize("NFC"))
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The skeleton of one lower-case Latin word. */
export function skeleton(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let w = word.replace(/[^a-z]/g, "");
  if (w === "") return "";
  w = w
    .replace(/ksh|x/g, "ks")
    .replace(/chh|ch/g, "c")
    .replace(/sh/g, "s")
    .replace(/ph|f/g, "p")
    .replace(/w/g, "v")
    .replace(/z/g, "j")
    .replace(/q|ck/g, "k")
    .replace(/([kgcjtdpbrs])h/g, "$1");
  const first = /[aeiou]/.test(w[0]) ? "a" : w[0];
  const rest = w.slice(1).replace(/[aeiouyh]/g, "");
  // A nasal before a labial is "m" whether typed so or written as anusvara (शंभू → shanbhu).
  const key = (first + rest).replace(/n([pb])/g, "m$1").replace(/(.)\1+/g, "$1");
  if (cache.size > 50_000) cache.clear();
  cache.set(word, key);
  return key;
}

/** Prefix marking skeleton terms apart from plain words in the one terms index. */
export const SKELETON_MARK = "~";

/** The terms stored for a text (a name, a unit name): plain Latin words and their skeletons. */
export function termsFor(...texts: Array<string | null | undefined>): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const word of latinWords(text)) {
      terms.add(word);
      if (/^[a-z]/.test(word)) {
        const key = skeleton(word);
        if (key) terms.add(SKELETON_MARK + key);
      }
    }
  }
  return [...terms];
}

export type QueryWord = { plain: string; skeleton: string | null };

/** A query split into words, each with the keys it is looked up by. */
export function queryWords(query: string): QueryWord[] {
  return latinWords(query).map((plain) => ({
    plain,
    skeleton: /^[a-z]/.test(plain) ? SKELETON_MARK + skeleton(plain) : null,
  }));
}
