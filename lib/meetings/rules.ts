import "server-only";
import { query } from "@/db";
import { residentsOf } from "@/lib/data/units";
import { LEVELS, levelDepth, subtreeEnd, type Level } from "@/lib/tree";
import type { InviteRules } from "@/lib/validation/meetings";
import { joinPosts, postLabel, type PostPlace } from "./post-label";
import type { MeetingLang } from "./types";

/**
 * A meeting's invite list from its rules: the holders of the chosen posts at the meeting's unit
 * and at every unit of the posts' levels below it (a shakti kendra post: "the IT cell convenor of
 * every shakti kendra"), and the office-bearers of higher units who live inside it (the unit
 * page's residents list). The scope is a path range over the level index: a district's 2,000
 * booth presidents are one indexed range scan.
 */

export type RulesUnit = { id: number; path: string; level: Level };

export type InviteeDraft = {
  personId: number;
  nameHi: string;
  nameEn: string;
  postHi: string;
  postEn: string;
  /** The unit of the (first) post that brought them in. */
  unitId: number | null;
  reason: "post" | "resident";
};

export type PostCount = {
  postId: number;
  level: Level;
  bodyHi: string;
  bodyEn: string;
  titleHi: string;
  titleEn: string;
  /** People holding the post now, in the subtree. */
  holders: number;
  /** Seats of the post in the subtree (units × seats). */
  seats: number;
};

export type Expansion = { invitees: InviteeDraft[]; perPost: PostCount[]; residents: number };

export type CataloguePost = { id: number; level: Level; bodyId: number; bodyKey: string; bodyHi: string; bodyEn: string; titleHi: string; titleEn: string; seats: number };

const cataloguePosts = query<[string], CataloguePost>(
  (d) => `select p.id, p.level, p.body_id as "bodyId", b.key as "bodyKey", b.name_hi as "bodyHi", b.name_en as "bodyEn",
          p.title_hi as "titleHi", p.title_en as "titleEn", p.seats
   from posts p join bodies b on b.id = p.body_id
   where p.level in (${d.jsonTexts("?")})
   order by b.sort, p.sort`,
);

/** The posts a meeting of this unit may invite by: its own level's and every level below. */
export async function invitablePosts(unit: RulesUnit): Promise<CataloguePost[]> {
  const levels = LEVELS.slice(levelDepth(unit.level));
  const byLevel = new Map(levels.map((l) => [l, [] as CataloguePost[]]));
  for (const p of await cataloguePosts().all(JSON.stringify(levels))) byLevel.get(p.level)!.push(p);
  return levels.flatMap((l) => byLevel.get(l)!);
}

/** The tree's levels top down, as an ORDER BY key of `u.level`. */
const LEVEL_ORDER = `case u.level ${LEVELS.map((l, i) => `when '${l}' then ${i}`).join(" ")} end`;

type HolderRow = {
  personId: number;
  nameHi: string;
  nameEn: string;
  unitId: number;
  level: Level;
  unitHi: string;
  unitEn: string;
  postId: number;
  titleHi: string;
  titleEn: string;
  bodyKey: string;
  bodyHi: string;
  bodyEn: string;
};

const holdersInSubtree = query<[string, string, string, string], HolderRow>(
  (d) => `select t.person_id as "personId", pe.name_hi as "nameHi", pe.name_en as "nameEn",
          u.id as "unitId", u.level, u.name_hi as "unitHi", u.name_en as "unitEn",
          po.id as "postId", po.title_hi as "titleHi", po.title_en as "titleEn", b.key as "bodyKey", b.name_hi as "bodyHi", b.name_en as "bodyEn"
   from units u
   join tenures t on t.unit_id = u.id and t.end_date is null
   join posts po on po.id = t.post_id
   join bodies b on b.id = po.body_id
   join people pe on pe.id = t.person_id
   where u.level in (${d.jsonTexts("?")}) and u.path >= ? and u.path < ?
     and t.post_id in (${d.jsonInts("?")})
   order by ${LEVEL_ORDER}, u.path, b.sort, po.sort, t.seat`,
);

const unitsPerLevel = query<[string, string, string], { level: Level; n: number }>(
  (d) => `select level, count(*) as n from units
   where level in (${d.jsonTexts("?")}) and path >= ? and path < ? group by level`,
);

/** A person's post as the meeting's papers name it, in both languages. */
export function labelsOf(place: PostPlace, ownUnit: boolean): { hi: string; en: string } {
  return { hi: postLabel("hi", place, ownUnit), en: postLabel("en", place, ownUnit) };
}

export function mergeLabels(lang: MeetingLang, labels: string[]): string {
  return joinPosts(lang, labels);
}

export async function expandInviteRules(unit: RulesUnit, rules: InviteRules): Promise<Expansion> {
  const catalogue = new Map((await invitablePosts(unit)).map((p) => [p.id, p]));
  const chosen = rules.posts.map((id) => catalogue.get(id)).filter((p): p is CataloguePost => p !== undefined);
  const levels = [...new Set(chosen.map((p) => p.level))];
  const end = subtreeEnd(unit.path);

  const byPerson = new Map<number, InviteeDraft & { hi: string[]; en: string[] }>();
  const add = (personId: number, nameHi: string, nameEn: string, unitId: number | null, reason: InviteeDraft["reason"], label: { hi: string; en: string }) => {
    const seen = byPerson.get(personId);
    if (seen) {
      seen.hi.push(label.hi);
      seen.en.push(label.en);
      return;
    }
    byPerson.set(personId, { personId, nameHi, nameEn, unitId, reason, postHi: "", postEn: "", hi: [label.hi], en: [label.en] });
  };

  const holders = new Map<number, number>();
  if (chosen.length > 0) {
    const rows = await holdersInSubtree().all(JSON.stringify(levels), unit.path, end, JSON.stringify(chosen.map((p) => p.id)));
    for (const r of rows) {
      holders.set(r.postId, (holders.get(r.postId) ?? 0) + 1);
      add(r.personId, r.nameHi, r.nameEn, r.unitId, "post", labelsOf(r, r.unitId === unit.id));
    }
  }
  const unitCounts = new Map(levels.length > 0 ? (await unitsPerLevel().all(JSON.stringify(levels), unit.path, end)).map((r) => [r.level, r.n]) : []);
  const perPost = chosen.map((p) => ({
    postId: p.id,
    level: p.level,
    bodyHi: p.bodyHi,
    bodyEn: p.bodyEn,
    titleHi: p.titleHi,
    titleEn: p.titleEn,
    holders: holders.get(p.id) ?? 0,
    seats: (unitCounts.get(p.level) ?? 0) * p.seats,
  }));

  let residents = 0;
  if (rules.residents) {
    const seen = new Set<number>();
    for (const r of await residentsOf(unit)) {
      seen.add(r.personId);
      add(r.personId, r.nameHi, r.nameEn, r.unitId, "resident", labelsOf({ ...r, unitHi: r.unitHi, unitEn: r.unitEn }, false));
    }
    residents = seen.size;
  }

  const invitees = [...byPerson.values()].map(({ hi, en, ...d }) => ({ ...d, postHi: joinPosts("hi", hi), postEn: joinPosts("en", en) }));
  return { invitees, perPost, residents };
}
