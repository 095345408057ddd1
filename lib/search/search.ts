import "server-only";
import { dialect, query, statement } from "@/db";
import { scopeSql } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/session";
import { levelDepth, pathIds, type Level } from "@/lib/tree";
import { queryWords, termsFor, type QueryWord } from "./phonetic";

/**
 * One box over people, units and posts, with the viewer's scope in the SQL. Names are looked up
 * in search_terms (plain words and phonetic skeletons, by prefix); mobile fragments in a trigram
 * index. Candidates are limited before ranking, so a common name never counts every hit.
 */

export const MIN_QUERY_LENGTH = 2;
const CANDIDATES = 60;

export type SearchFilters = { level?: Level | null; bodyId?: number | null; titleKey?: string | null };

export type PersonHit = {
  id: number;
  nameHi: string;
  nameEn: string;
  mobile: string | null;
  posts: Array<{ titleHi: string; titleEn: string; bodyHi: string; bodyEn: string; unitId: number; unitHi: string; unitEn: string; level: Level }>;
  score: number;
};
export type UnitHit = { id: number; level: Level; nameHi: string; nameEn: string; code: string | null; trail: string[]; trailEn: string[]; score: number };
export type PostHit = { id: number; level: Level; titleHi: string; titleEn: string; bodyHi: string; bodyEn: string; bodyId: number; titleKey: string };

export type SearchResults = { query: string; tooShort: boolean; people: PersonHit[]; units: UnitHit[]; posts: PostHit[] };

function dedupe<T extends { id: number }>(rows: T[]): T[] {
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.id) && (seen.add(r.id), true));
}

function nextKey(s: string): string {
  return s.slice(0, -1) + String.fromCharCode(s.charCodeAt(s.length - 1) + 1);
}

/** The word with the fewest matching terms (counted up to a bound): it drives the lookup. */
async function rarest(kind: "p" | "u", words: QueryWord[]): Promise<QueryWord> {
  if (words.length === 1) return words[0];
  // One count per word, side by side (on PostgreSQL each is a round trip); the first of the fewest wins.
  const counts = await Promise.all(
    words.map(async (w) => {
      const params: unknown[] = [kind];
      const cond = wordCondition(w, params);
      return (await statement<unknown[], { n: number }>(
        `select count(*) as n from (select 1 from search_terms s where s.kind = ? and ${cond} limit 5000) as hits`,
      ).get(...params))!.n;
    }),
  );
  return words[counts.indexOf(Math.min(...counts))];
}

/**
 * SQL matching one query word against a person's or unit's terms (alias s). Every stored word has
 * its skeleton stored too, so the skeleton range alone finds the exact spelling as well (an OR with
 * the plain word would make SQLite gather every match before returning the first). A one-letter
 * skeleton ("~n" for "neha") would match a whole initial: the spelling's prefix is used then.
 */
function wordCondition(w: QueryWord, params: unknown[]): string {
  if (w.skeleton && w.skeleton.length > 2) {
    params.push(w.skeleton, nextKey(w.skeleton));
    return "(s.term >= ? and s.term < ?)";
  }
  params.push(w.plain, nextKey(w.plain));
  return "(s.term >= ? and s.term < ?)";
}

function scoreTerms(words: QueryWord[], terms: Set<string>, termList: string[]): number {
  let score = 0;
  for (const w of words) {
    if (terms.has(w.plain)) score += 4;
    else if (termList.some((t) => t.startsWith(w.plain))) score += 3;
    else if (w.skeleton && terms.has(w.skeleton)) score += 2;
    else score += 1;
  }
  return score;
}

const termsOf = query<[string, string], { refId: number; term: string }>(
  (d) => `select ref_id as "refId", term from search_terms where kind = ? and ${d.inJsonInts("ref_id", "?")}`,
);

async function rank<T extends { id: number; score: number; nameEn: string }>(kind: "p" | "u", words: QueryWord[], rows: Omit<T, "score">[]): Promise<T[]> {
  const terms = new Map<number, string[]>();
  for (const t of await termsOf().all(kind, JSON.stringify(rows.map((r) => r.id)))) {
    const list = terms.get(t.refId);
    if (list) list.push(t.term);
    else terms.set(t.refId, [t.term]);
  }
  return rows
    .map((r) => {
      const list = terms.get(r.id) ?? [];
      return { ...r, score: scoreTerms(words, new Set(list), list) } as T;
    })
    .sort((a, b) => b.score - a.score || a.nameEn.length - b.nameEn.length || a.id - b.id);
}

const postsOfPeople = query<[string], PersonHit["posts"][number] & { personId: number }>(
  (d) => `select t.person_id as "personId", p.title_hi as "titleHi", p.title_en as "titleEn", b.name_hi as "bodyHi", b.name_en as "bodyEn",
          u.id as "unitId", u.name_hi as "unitHi", u.name_en as "unitEn", u.level
   from tenures t join posts p on p.id = t.post_id join bodies b on b.id = p.body_id join units u on u.id = t.unit_id
   where t.end_date is null and ${d.inJsonInts("t.person_id", "?")}
   order by b.sort, p.sort, t.id`,
);

async function searchPeople(viewer: Viewer, words: QueryWord[], digits: string[], filters: SearchFilters, limit: number): Promise<PersonHit[]> {
  const nameWords = words.filter((w) => !/^\d+$/.test(w.plain));
  if (nameWords.length === 0 && digits.length === 0) return [];
  const params: unknown[] = [];
  // Checks of the person's other words and digit runs (on the candidate c), then the filter of scope
  // and posts (on the person's row p): a filter on p runs only for candidates whose checks hold
  // (on PostgreSQL it must, and SQLite otherwise checks the scope of every candidate first).
  const checks: string[] = [];
  const filter: string[] = [];

  const d = dialect();
  // The FROM and WHERE, once the conditions are known.
  let source: () => string;
  let order: string;
  let driver: QueryWord | null = null;
  const orderParams: unknown[] = [];
  if (digits.length > 0) {
    // The longest digit run drives: a trigram index over mobile and WhatsApp digits.
    const run = [...digits].sort((a, b) => b.length - a.length)[0];
    source = () => `(${d.phoneMatch()} limit 2000) c join people p on p.id = c.id where ${[...checks, ...filter].join(" and ")}`;
    params.push(d.phoneParam(run));
    // A number that ends with the digits typed (the last five, say) comes first. A person without
    // WhatsApp makes the test NULL, not false: NULLS LAST, which SQLite does by itself and
    // PostgreSQL does not (it puts NULL first in a descending order).
    order = "order by (p.mobile like ? or p.whatsapp like ?) desc nulls last, p.id";
    orderParams.push(`%${run}`, `%${run}`);
  } else {
    driver = await rarest("p", nameWords);
    const cond = wordCondition(driver, params);
    // No DISTINCT: it would gather every match of the driving word before the first row comes out.
    // The candidates come in the order of the terms index (term, then person), written out so
    // that both engines cut the same 60 from a common name's matches.
    const candidates = `select s.term, s.ref_id as id from search_terms s where s.kind = 'p' and ${cond}`;
    source = () => d.eachCandidate(candidates, "people", "p", checks, filter.join(" and "));
    order = "order by c.term, c.id";
  }
  // Every candidate matches the driving word: only the other words need a check.
  for (const w of nameWords.filter((w) => w !== driver)) {
    const cond = wordCondition(w, params);
    checks.push(`exists (select 1 from search_terms s where s.kind = 'p' and s.ref_id = c.id and ${cond})`);
  }
  for (const more of digits.slice(1)) {
    checks.push(d.phoneHas("c.id"));
    params.push(d.phoneParam(more));
  }

  const home = scopeSql("h", viewer.grants);
  const held = scopeSql("u", viewer.grants);
  const postFilter: string[] = [];
  const postParams: unknown[] = [];
  const postConditions: Array<[string, unknown]> = [
    ["u.level = ?", filters.level],
    ["po.body_id = ?", filters.bodyId],
    ["po.title_key = ?", filters.titleKey],
  ];
  for (const [condition, value] of postConditions) {
    if (value) {
      postFilter.push(condition);
      postParams.push(value);
    }
  }
  if (postFilter.length > 0) {
    // Filtering by post: the person must hold such a post now, inside the scope.
    filter.push(
      `exists (select 1 from tenures t join units u on u.id = t.unit_id join posts po on po.id = t.post_id
               where t.person_id = p.id and t.end_date is null and ${held.sql} and ${postFilter.join(" and ")})`,
    );
    params.push(...held.params, ...postParams);
  } else {
    filter.push(
      `(exists (select 1 from units h where h.id = p.home_unit_id and ${home.sql})
        or exists (select 1 from tenures t join units u on u.id = t.unit_id where t.person_id = p.id and ${held.sql}))`,
    );
    params.push(...home.params, ...held.params);
  }

  const sql = `select p.id, p.name_hi as "nameHi", p.name_en as "nameEn", p.mobile
    from ${source()}
    ${order}
    limit ${CANDIDATES}`;
  const rows = dedupe(await statement<unknown[], Omit<PersonHit, "posts" | "score">>(sql).all(...params, ...orderParams));
  const ranked = (nameWords.length > 0 ? await rank<Omit<PersonHit, "posts">>("p", nameWords, rows) : rows.map((r) => ({ ...r, score: 0 }))).slice(0, limit);
  const posts = await postsOfPeople().all(JSON.stringify(ranked.map((r) => r.id)));
  return ranked.map((r) => ({ ...r, posts: posts.filter((p) => p.personId === r.id).map(({ personId, ...rest }) => rest) }));
}

const unitTrail = query<[string], { id: number; nameHi: string; nameEn: string }>(
  (d) => `select id, name_hi as "nameHi", name_en as "nameEn" from units where ${d.inJsonInts("id", "?")}`,
);

async function searchUnits(viewer: Viewer, words: QueryWord[], filters: SearchFilters, limit: number): Promise<UnitHit[]> {
  if (words.length === 0 || filters.bodyId || filters.titleKey) return [];
  const params: unknown[] = [];
  const numeric = words.find((w) => /^\d+$/.test(w.plain));
  const driver = numeric ?? (await rarest("u", words));
  const driverCond = /^\d+$/.test(driver.plain) ? (params.push(driver.plain), "s.term = ?") : wordCondition(driver, params);
  const where: string[] = [];
  for (const w of words) {
    if (w === driver) continue;
    const cond = /^\d+$/.test(w.plain) ? (params.push(w.plain), "s.term = ?") : wordCondition(w, params);
    where.push(`exists (select 1 from search_terms s where s.kind = 'u' and s.ref_id = u.id and ${cond})`);
  }
  const scope = scopeSql("u", viewer.grants);
  where.push(scope.sql);
  params.push(...scope.params);
  if (filters.level) {
    where.push("u.level = ?");
    params.push(filters.level);
  }
  // Candidates in the terms index's order (term, then unit), as in searchPeople.
  const sql = `select u.id, u.level, u.name_hi as "nameHi", u.name_en as "nameEn", u.code, u.path
    from (select s.term, s.ref_id as id from search_terms s where s.kind = 'u' and ${driverCond}) c join units u on u.id = c.id
    where ${where.join(" and ")}
    order by c.term, c.id
    limit ${CANDIDATES}`;
  const rows = dedupe(await statement<unknown[], Omit<UnitHit, "trail" | "trailEn" | "score"> & { path: string }>(sql).all(...params));
  const ranked = (await rank<Omit<UnitHit, "trail" | "trailEn"> & { path: string }>("u", words, rows))
    .sort((a, b) => b.score - a.score || levelDepth(a.level) - levelDepth(b.level))
    .slice(0, limit);
  const ancestorIds = [...new Set(ranked.flatMap((r) => pathIds(r.path).slice(1, -1)))];
  const names = new Map((await unitTrail().all(JSON.stringify(ancestorIds))).map((u) => [u.id, u]));
  return ranked.map(({ path, ...r }) => {
    const trail = pathIds(path).slice(1, -1).map((id) => names.get(id)!).filter(Boolean);
    return { ...r, trail: trail.map((u) => u.nameHi), trailEn: trail.map((u) => u.nameEn) };
  });
}

type CataloguePost = PostHit & { terms: string[] };
let catalogue: CataloguePost[] | null = null;
const allPosts = query<[], PostHit>(
  `select p.id, p.level, p.title_hi as "titleHi", p.title_en as "titleEn", p.title_key as "titleKey", b.id as "bodyId", b.name_hi as "bodyHi", b.name_en as "bodyEn"
   from posts p join bodies b on b.id = p.body_id order by b.sort, p.sort, p.id`,
);

/**
 * A word names a post when it begins a word of a post's title or body ("it", "aiti", "sanyo…"),
 * or sounds exactly like one ("sanyojak" / "संयोजक"). A skeleton prefix is not enough: "sanjay"
 * (~snj) must not list every संयोजक (~snjk).
 */
function postWordMatches(w: QueryWord, terms: string[]): boolean {
  return terms.some((t) => t.startsWith(w.plain) || (w.skeleton !== null && w.skeleton.length > 2 && t === w.skeleton));
}

async function postCatalogue(): Promise<CataloguePost[]> {
  catalogue ??= (await allPosts().all()).map((p) => ({ ...p, terms: termsFor(p.titleHi, p.titleEn, p.bodyHi, p.bodyEn) }));
  return catalogue;
}

async function matchingPosts(words: QueryWord[], filters: SearchFilters): Promise<CataloguePost[]> {
  return (await postCatalogue())
    .filter((p) => (!filters.level || p.level === filters.level) && (!filters.bodyId || p.bodyId === filters.bodyId))
    .filter((p) => words.every((w) => postWordMatches(w, p.terms)));
}

async function searchPosts(words: QueryWord[], filters: SearchFilters): Promise<PostHit[]> {
  const alpha = words.filter((w) => !/^\d+$/.test(w.plain));
  if (alpha.length === 0) return [];
  return (await matchingPosts(alpha, filters))
    .slice(0, 12)
    .map(({ terms, ...p }) => p);
}

const holdersAt = query<[string, string], { personId: number; unitId: number; postId: number }>(
  (d) => `select t.person_id as "personId", t.unit_id as "unitId", t.post_id as "postId"
   from tenures t join posts p on p.id = t.post_id
   where t.end_date is null and ${d.inJsonInts("t.unit_id", "?")} and ${d.inJsonInts("t.post_id", "?")}
   order by p.sort, t.seat, t.id`,
);
const peopleByIds = query<[string], { id: number; nameHi: string; nameEn: string; mobile: string | null }>(
  (d) => `select id, name_hi as "nameHi", name_en as "nameEn", mobile from people where ${d.inJsonInts("id", "?")}`,
);

/**
 * "makhdumpur dakshini it sanyojak": a place and a post in one query. The words that name a post
 * pick the posts, the rest pick the units (inside the viewer's scope), and the answer is whoever
 * holds those posts there now, the best-matching unit first.
 */
async function searchHolders(viewer: Viewer, words: QueryWord[], filters: SearchFilters, limit: number): Promise<PersonHit[]> {
  const alpha = words.filter((w) => !/^\d+$/.test(w.plain));
  const catalogueTerms = (await postCatalogue()).map((p) => p.terms);
  const postWords = alpha.filter((w) => catalogueTerms.some((terms) => postWordMatches(w, terms)));
  const placeWords = words.filter((w) => !postWords.includes(w));
  if (postWords.length === 0 || placeWords.length === 0) return [];
  const [units, matched] = await Promise.all([searchUnits(viewer, placeWords, { level: null }, 8), matchingPosts(postWords, filters)]);
  const posts = new Map(matched.map((p) => [p.id, p]));
  if (units.length === 0 || posts.size === 0) return [];
  const unitRank = new Map(units.map((u, i) => [u.id, i]));
  const held = (await holdersAt().all(JSON.stringify(units.map((u) => u.id)), JSON.stringify([...posts.keys()])))
    .sort((a, b) => unitRank.get(a.unitId)! - unitRank.get(b.unitId)!)
    .slice(0, limit);
  if (held.length === 0) return [];
  const people = new Map((await peopleByIds().all(JSON.stringify(held.map((h) => h.personId)))).map((p) => [p.id, p]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  return dedupe(
    held.map((h, i) => {
      const post = posts.get(h.postId)!;
      const unit = unitById.get(h.unitId)!;
      return {
        ...people.get(h.personId)!,
        score: 100 - i,
        posts: [{ titleHi: post.titleHi, titleEn: post.titleEn, bodyHi: post.bodyHi, bodyEn: post.bodyEn, unitId: unit.id, unitHi: unit.nameHi, unitEn: unit.nameEn, level: unit.level }],
      };
    }),
  );
}

/** Splits a query into name words and digit runs; "+91 90000-00001" is one run. */
export function parseQuery(raw: string) {
  const q = raw.normalize("NFC").replace(/[\u200B-\u200D\uFEFF]/g, "").trim().slice(0, 100);
  const joined = q.replace(/(\d)[\s-]+(?=\d)/g, "$1").replace(/\+91(?=\d{10}\b)/g, "");
  const digits = (joined.match(/\d{3,}/g) ?? []).map((d) => (d.length > 10 ? d.slice(-10) : d));
  const words = queryWords(joined).filter((w) => !/^\d+$/.test(w.plain) || w.plain.length <= 6);
  const letters = q.replace(/[^\p{L}\p{M}]/gu, "").length;
  const tooShort = digits.length === 0 && letters < MIN_QUERY_LENGTH && !/\d/.test(q);
  return { q, words, digits, tooShort };
}

export async function search(viewer: Viewer, raw: string, filters: SearchFilters = {}, limit = 20): Promise<SearchResults> {
  const { q, words, digits, tooShort } = parseQuery(raw);
  if (tooShort || (words.length === 0 && digits.length === 0)) return { query: q, tooShort: true, people: [], units: [], posts: [] };
  // Short unit codes (booth numbers) are words; long digit runs are mobiles.
  const unitWords = words.filter((w) => !/^\d+$/.test(w.plain) || w.plain.length <= 4);
  // The four lookups are independent: on PostgreSQL their round trips run side by side on the pool.
  const [holders, people, units, posts] = await Promise.all([
    searchHolders(viewer, unitWords, filters, limit),
    searchPeople(viewer, words, digits.filter((d) => d.length >= 4 || unitWords.length === 0), filters, limit),
    searchUnits(viewer, unitWords, filters, limit),
    searchPosts(words, filters),
  ]);
  return { query: q, tooShort: false, people: dedupe([...holders, ...people]).slice(0, limit), units, posts };
}

