import type Database from "better-sqlite3";

/**
 * The search benchmarks' query mix (200+): Latin names as typed, Devanagari first names, 5-digit
 * mobile fragments, unit names, then a few fixed ones. Every `spread.people`-th person and
 * `spread.units`-th district/AC/mandal is taken, so a larger database wants larger spreads.
 */
export function searchQueries(db: Database.Database, spread: { people: number; units: number }): string[] {
  const people = db.prepare("select name_hi, name_en, mobile from people where id % ? = 3 limit 80").all(spread.people) as Array<{
    name_hi: string;
    name_en: string;
    mobile: string | null;
  }>;
  const units = db
    .prepare("select name_hi, name_en from units where level in ('district','assembly','mandal') and id % ? = 1 limit 40")
    .all(spread.units) as Array<{ name_hi: string; name_en: string }>;
  const queries: string[] = [];
  for (const p of people) {
    queries.push(p.name_en.toLowerCase());
    queries.push(p.name_hi.split(" ")[0]);
    if (p.mobile) queries.push(p.mobile.slice(-5));
  }
  for (const u of units) queries.push(u.name_en.split(" ")[0].toLowerCase(), u.name_hi.split(" ")[0]);
  queries.push("vikas roshan", "ajeet choudhary", "sanjay", "dharmendra chouhan", "kumar", "singh", "यादव", "प्रसाद");
  return queries;
}
