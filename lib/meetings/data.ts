import "server-only";
import { cache } from "react";
import { query, statement } from "@/db";
import { canWrite, unitVisibility } from "@/lib/auth/grants";
import { personVisibleInFull, visibleInFull } from "@/lib/auth/predicates";
import { scopeSql } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/session";
import { listBodies as catalogueBodies } from "@/lib/data/catalogue";
import { lookupPeople } from "@/lib/data/people-lookup";
import { queryWords, termsFor } from "@/lib/search/phonetic";
import { pathIds, subtreeEnd, type Level } from "@/lib/tree";
import type { InviteRules, MeetingListQuery } from "@/lib/validation/meetings";
import { defaultTitle } from "./press-note";
import { expandInviteRules, invitablePosts, type CataloguePost, type PostCount } from "./rules";
import { canEditMeeting, snapshotPerson } from "./service";
import type { MeetingLang, MeetingMode, MeetingRecord } from "./types";

/** Meeting reads: a meeting is seen by everyone who sees its unit in full; anyone else gets null (not found). */

type Named = { nameHi: string; nameEn: string };
export type MeetingUnit = Named & { id: number; level: Level; path: string };
export type MeetingPerson = {
  id: number;
  personId: number | null;
  role: "chair" | "guest" | "invitee" | "walk_in";
  nameHi: string;
  nameEn: string;
  postHi: string;
  postEn: string;
  attended: boolean | null;
  /** Only where the viewer may see the number (the unit page's rules); else null. */
  mobile: string | null;
  whatsapp: string | null;
};

export type MeetingView = {
  id: number;
  version: number;
  unit: MeetingUnit;
  breadcrumb: Array<Named & { id: number; level?: Level }>;
  bodies: Array<Named & { id: number }>;
  title: string;
  startsAt: string;
  durationMinutes: number;
  mode: MeetingMode;
  location: string;
  agenda: string;
  lang: MeetingLang;
  rules: InviteRules | null;
  minutes: string;
  decisions: string;
  pressNote: string | null;
  reconstructed: boolean;
  createdAt: string;
  editable: boolean;
  people: MeetingPerson[];
};

const meetingById = query<
  [number],
  {
    id: number; version: number; unitId: number; title: string; startsAt: string; durationMinutes: number; mode: MeetingMode; location: string;
    agenda: string; lang: MeetingLang; inviteRules: string | null; minutes: string; decisions: string; pressNote: string | null; reconstructed: number; createdAt: string;
    level: Level; path: string; unitHi: string; unitEn: string;
  }
>(
  `select m.id, m.version, m.unit_id as "unitId", m.title, m.starts_at as "startsAt", m.duration_minutes as "durationMinutes", m.mode, m.location,
          m.agenda, m.lang, m.invite_rules as "inviteRules", m.minutes, m.decisions, m.press_note as "pressNote", m.reconstructed, m.created_at as "createdAt",
          u.level, u.path, u.name_hi as "unitHi", u.name_en as "unitEn"
   from meetings m join units u on u.id = m.unit_id where m.id = ?`,
);
const bodiesOf = query<[number], Named & { id: number }>(
  `select b.id, b.name_hi as "nameHi", b.name_en as "nameEn" from meeting_bodies mb join bodies b on b.id = mb.body_id where mb.meeting_id = ? order by b.sort`,
);
const peopleOf = query<[number], Omit<MeetingPerson, "mobile" | "whatsapp" | "attended"> & { attended: number | null }>(
  `select id, person_id as "personId", role, name_hi as "nameHi", name_en as "nameEn", post_hi as "postHi", post_en as "postEn", attended
   from meeting_invitees where meeting_id = ?
   order by case role when 'chair' then 0 when 'guest' then 1 when 'invitee' then 2 else 3 end, sort, id`,
);
const unitsByIds = query<[string], Named & { id: number; level: Level }>(
  (d) => `select id, level, name_hi as "nameHi", name_en as "nameEn" from units where id in (${d.jsonInts("?")}) order by length(path)`,
);
const contactsOf = query<[string], { id: number; mobile: string | null; whatsapp: string | null; homePath: string | null }>(
  (d) => `select p.id, p.mobile, p.whatsapp, h.path as "homePath" from people p left join units h on h.id = p.home_unit_id
   where p.id in (${d.jsonInts("?")})`,
);
const placesOf = query<[string], { personId: number; path: string; current: number; reachableBelow: number }>(
  (d) => `select t.person_id as "personId", u.path, case when t.end_date is null then 1 else 0 end as current, t.reachable_below as "reachableBelow"
   from tenures t join units u on u.id = t.unit_id where t.person_id in (${d.jsonInts("?")})`,
);

/**
 * Numbers the viewer may see, by the unit and person pages' rules: the person's home or a post (now
 * or before) inside the grants, or a current post above them that an admin made reachable from below.
 */
export async function visibleContacts(viewer: Viewer, personIds: number[]): Promise<Map<number, { mobile: string | null; whatsapp: string | null }>> {
  const out = new Map<number, { mobile: string | null; whatsapp: string | null }>();
  if (personIds.length === 0) return out;
  const ids = JSON.stringify(personIds);
  const places = new Map<number, Array<{ path: string; current: boolean; reachableBelow: boolean }>>();
  for (const p of await placesOf().all(ids)) {
    const list = places.get(p.personId) ?? [];
    list.push({ path: p.path, current: p.current === 1, reachableBelow: p.reachableBelow === 1 });
    places.set(p.personId, list);
  }
  for (const c of await contactsOf().all(ids)) {
    const posts = places.get(c.id) ?? [];
    const full = personVisibleInFull(viewer.grants, { homePath: c.homePath, posts });
    const reachable = posts.some((p) => p.current && p.reachableBelow && unitVisibility(viewer.grants, p.path) === "above");
    if (full || reachable) out.set(c.id, { mobile: c.mobile, whatsapp: c.whatsapp });
  }
  return out;
}

export const getMeeting = cache(async function getMeeting(viewer: Viewer, meetingId: number): Promise<MeetingView | null> {
  const m = await meetingById().get(meetingId);
  if (!m || !visibleInFull(viewer.grants, m.path)) return null;
  const bodies = await bodiesOf().all(m.id);
  const rows = await peopleOf().all(m.id);
  const contacts = await visibleContacts(viewer, rows.flatMap((r) => (r.personId === null ? [] : [r.personId])));
  let rules: InviteRules | null = null;
  try {
    rules = m.inviteRules ? (JSON.parse(m.inviteRules) as InviteRules) : null;
  } catch {
    rules = null;
  }
  return {
    id: m.id,
    version: m.version,
    unit: { id: m.unitId, level: m.level, path: m.path, nameHi: m.unitHi, nameEn: m.unitEn },
    breadcrumb: await unitsByIds().all(JSON.stringify(pathIds(m.path))),
    bodies,
    title: m.title,
    startsAt: m.startsAt,
    durationMinutes: m.durationMinutes,
    mode: m.mode,
    location: m.location,
    agenda: m.agenda,
    lang: m.lang,
    rules,
    minutes: m.minutes,
    decisions: m.decisions,
    pressNote: m.pressNote,
    reconstructed: m.reconstructed === 1,
    createdAt: m.createdAt,
    editable: canEditMeeting(viewer, m.path, bodies.map((b) => b.id)),
    people: rows.map((r) => {
      const c = r.personId === null ? undefined : contacts.get(r.personId);
      return { ...r, attended: r.attended === null ? null : r.attended === 1, mobile: c?.mobile ?? null, whatsapp: c?.whatsapp ?? null };
    }),
  };
});

const lines = (text: string) => text.split("\n").map((s) => s.trim()).filter(Boolean);
const bareEn = (s: string) => s.replace(/\s*\([^)]*\)\s*$/, "");

/**
 * The meeting as the text modules take it, in `lang` (the invitation in the meeting's language,
 * the press note in the reader's): present invitees and walk-ins as attendees; the chair and
 * chief guests unless marked absent.
 */
export async function meetingRecord(m: MeetingView, lang: MeetingLang): Promise<MeetingRecord> {
  const name = (x: Named) => (lang === "hi" ? x.nameHi : bareEn(x.nameEn));
  const named = (p: MeetingPerson) => ({ name: lang === "hi" ? p.nameHi : p.nameEn, post: lang === "hi" ? p.postHi : p.postEn });
  const unitName = name(m.unit);
  const bodies = m.bodies.map(name);
  // A title the form filled in follows the language; one someone wrote stays as written.
  const ownName = (x: Named) => (m.lang === "hi" ? x.nameHi : bareEn(x.nameEn));
  const suggested = defaultTitle(m.lang, ownName(m.unit), m.bodies.map(ownName));
  const chair = m.people.find((p) => p.role === "chair" && p.attended !== false);
  const district = m.breadcrumb.find((u) => u.level === "district");
  return {
    lang,
    unitName,
    bodies,
    title: m.title === suggested ? defaultTitle(lang, unitName, bodies) : m.title,
    startsAt: m.startsAt,
    durationMinutes: m.durationMinutes,
    mode: m.mode,
    location: m.location,
    agenda: lines(m.agenda),
    chair: chair ? named(chair) : null,
    guests: m.people.filter((p) => p.role === "guest" && p.attended !== false).map(named),
    attendees: m.people.filter((p) => (p.role === "invitee" || p.role === "walk_in") && p.attended === true).map(named),
    decisions: lines(m.decisions),
    ...(district ? { dateline: name(district) } : {}),
    invited: await invitedGroups(m, lang),
    minutes: lines(m.minutes),
  };
}

const LEVEL_WORDS: Record<Level, { hi: string; en: string }> = {
  state: { hi: "प्रदेश", en: "state" },
  district: { hi: "जिला", en: "district" },
  assembly: { hi: "विधानसभा", en: "assembly" },
  mandal: { hi: "मंडल", en: "mandal" },
  shakti_kendra: { hi: "शक्ति केंद्र", en: "shakti kendra" },
  booth: { hi: "बूथ", en: "booth" },
};

/**
 * Who the rules invited, as the report says it ("सभी आईटी सेल शक्ति केंद्र संयोजक एवं … निवास
 * करने वाले … पदाधिकारी"): one group a chosen post (body, level, title), then the residents.
 * English groups carry their own determiner ("every shakti kendra IT Cell convenor").
 */
async function invitedGroups(m: MeetingView, lang: MeetingLang): Promise<string[]> {
  if (!m.rules) return [];
  const catalogue = new Map((await invitablePosts(m.unit)).map((p) => [p.id, p]));
  const here = LEVEL_WORDS[m.unit.level][lang];
  const groups = m.rules.posts.flatMap((id) => {
    const p = catalogue.get(id);
    if (!p) return [];
    const level = LEVEL_WORDS[p.level][lang];
    const sangathan = p.bodyKey === "sangathan";
    if (lang === "hi") return [[sangathan ? "" : p.bodyHi, level, p.titleHi].filter(Boolean).join(" ")];
    const title = p.titleEn.charAt(0).toLocaleLowerCase() + p.titleEn.slice(1);
    return [`every ${[level, sangathan ? "" : bareEn(p.bodyEn), title].filter(Boolean).join(" ")}`];
  });
  if (m.rules.residents) groups.push(lang === "hi" ? `${here} में निवास करने वाले ऊपर की इकाइयों के पदाधिकारी` : `the office-bearers of higher units who live in the ${here}`);
  return groups;
}

export type MeetingListRow = {
  id: number;
  title: string;
  startsAt: string;
  mode: MeetingMode;
  reconstructed: boolean;
  unitId: number;
  unitHi: string;
  unitEn: string;
  level: Level;
  bodiesHi: string;
  bodiesEn: string;
  invited: number;
  present: number;
};

export const PAGE_SIZE = 20;

function listWhere(viewer: Viewer, unitPath: string, q: Partial<MeetingListQuery>) {
  const scope = scopeSql("u", viewer.grants);
  const where = ["u.path >= ?", "u.path < ?", scope.sql];
  const params: unknown[] = [unitPath, subtreeEnd(unitPath), ...scope.params];
  if (q.body) {
    where.push("exists (select 1 from meeting_bodies mb where mb.meeting_id = m.id and mb.body_id = ?)");
    params.push(q.body);
  }
  if (q.from) {
    where.push("m.starts_at >= ?");
    params.push(q.from);
  }
  if (q.to) {
    // Through the whole day: "2026-11-30T23:59" < "2026-11-30U".
    where.push("m.starts_at < ?");
    params.push(`${q.to}U`);
  }
  return { sql: where.join(" and "), params };
}

/**
 * Meetings of a unit and of the units below it that the viewer sees in full, latest first; the
 * list and its count share one where. Null when the unit itself is not visible at all.
 */
export async function listMeetings(viewer: Viewer, unitId: number, q: Partial<MeetingListQuery>, limit = PAGE_SIZE) {
  const unit = await unitForList(unitId);
  if (!unit || unitVisibility(viewer.grants, unit.path) === "none") return null;
  const { sql, params } = listWhere(viewer, unit.path, q);
  const page = q.page ?? 1;
  const full = visibleInFull(viewer.grants, unit.path);
  // The page, its count and the viewer's bodies read side by side (on PostgreSQL, round trips in parallel).
  const [rows, counted, bodies] = await Promise.all([
    statement<unknown[], Omit<MeetingListRow, "reconstructed"> & { reconstructed: number }>(
      `select m.id, m.title, m.starts_at as "startsAt", m.mode, m.reconstructed, u.id as "unitId", u.name_hi as "unitHi", u.name_en as "unitEn", u.level,
                (select string_agg(b.name_hi, ', ' order by b.sort, b.id) from meeting_bodies mb join bodies b on b.id = mb.body_id where mb.meeting_id = m.id) as "bodiesHi",
                (select string_agg(b.name_en, ', ' order by b.sort, b.id) from meeting_bodies mb join bodies b on b.id = mb.body_id where mb.meeting_id = m.id) as "bodiesEn",
                (select count(*) from meeting_invitees i where i.meeting_id = m.id and i.role <> 'walk_in') as invited,
                (select count(*) from meeting_invitees i where i.meeting_id = m.id and i.role <> 'walk_in' and i.attended = 1) as present
         from meetings m join units u on u.id = m.unit_id
         where ${sql}
         order by m.starts_at desc, m.id desc limit ? offset ?`,
    ).all(...params, limit, (page - 1) * limit),
    statement<unknown[], { n: number }>(`select count(*) as n from meetings m join units u on u.id = m.unit_id where ${sql}`).get(...params),
    full ? editableBodies(viewer, unit.path) : Promise.resolve([]),
  ]);
  return {
    unit: { id: unit.id, level: unit.level, nameHi: unit.nameHi, nameEn: unit.nameEn },
    visibleInFull: full,
    canCreate: full && bodies.length > 0,
    rows: rows.map((r) => ({ ...r, reconstructed: r.reconstructed === 1 })),
    total: counted!.n,
    page,
  };
}

const unitForListRow = query<[number], MeetingUnit>("select id, level, path, name_hi as \"nameHi\", name_en as \"nameEn\" from units where id = ?");
// Read once per request (React.cache): the unit page's meeting links and list both ask. The bodies
// are the catalogue's, read once per request too (the unit page's export form lists them).
const unitForList = cache((unitId: number) => unitForListRow().get(unitId));

export function listBodies() {
  return catalogueBodies();
}

/** May the viewer call a meeting (of some body) at the unit? */
export async function canCallMeetings(viewer: Viewer, unitId: number): Promise<boolean> {
  const unit = await unitForList(unitId);
  return !!unit && visibleInFull(viewer.grants, unit.path) && (await editableBodies(viewer, unit.path)).length > 0;
}

/** The bodies whose meetings the viewer may call at the unit. */
export async function editableBodies(viewer: Viewer, unitPath: string) {
  return (await catalogueBodies()).filter((b) => canWrite(viewer.grants, unitPath, "editor", b.id));
}

const myInvitations = query<
  [number, string],
  { id: number; title: string; startsAt: string; mode: MeetingMode; location: string; role: MeetingPerson["role"]; unitHi: string; unitEn: string; path: string }
>(
  `select m.id, m.title, m.starts_at as "startsAt", m.mode, m.location, i.role, u.name_hi as "unitHi", u.name_en as "unitEn", u.path
   from meeting_invitees i join meetings m on m.id = i.meeting_id join units u on u.id = m.unit_id
   where i.person_id = ? and m.starts_at >= ?
   order by m.starts_at, m.id limit 5`,
);

/** The coming meetings (and those of the last week) the account's person is asked to. */
export async function myMeetings(viewer: Viewer, today: string) {
  if (viewer.personId === null) return [];
  const since = new Date(`${today}T00:00:00Z`);
  since.setUTCDate(since.getUTCDate() - 7);
  return (await myInvitations().all(viewer.personId, since.toISOString().slice(0, 10))).map(({ path, ...m }) => ({ ...m, open: visibleInFull(viewer.grants, path) }));
}

const holdersAt = query<[number], { personId: number; nameHi: string; nameEn: string; titleHi: string; titleEn: string; bodyHi: string; bodyEn: string }>(
  `select pe.id as "personId", pe.name_hi as "nameHi", pe.name_en as "nameEn", po.title_hi as "titleHi", po.title_en as "titleEn", b.name_hi as "bodyHi", b.name_en as "bodyEn"
   from tenures t join people pe on pe.id = t.person_id join posts po on po.id = t.post_id join bodies b on b.id = po.body_id
   where t.unit_id = ? and t.end_date is null order by b.sort, po.sort, t.seat`,
);

export type MeetingFormData = {
  unit: MeetingUnit;
  breadcrumb: Array<Named & { id: number }>;
  bodies: Array<Named & { id: number }>;
  posts: CataloguePost[];
  chairChoices: Array<{ personId: number; label: string; labelEn: string }>;
};

/** What the meeting form offers at a unit, or null when the viewer may call no meeting there. */
export async function meetingFormData(viewer: Viewer, unitId: number): Promise<MeetingFormData | null> {
  const unit = await unitForList(unitId);
  if (!unit || !visibleInFull(viewer.grants, unit.path)) return null;
  const bodies = await editableBodies(viewer, unit.path);
  if (bodies.length === 0) return null;
  const seen = new Set<number>();
  const chairChoices = (await holdersAt().all(unit.id))
    .filter((h) => !seen.has(h.personId) && (seen.add(h.personId), true))
    .map((h) => ({ personId: h.personId, label: `${h.nameHi} — ${h.bodyHi} ${h.titleHi}`, labelEn: `${h.nameEn} — ${bareEn(h.bodyEn)} ${h.titleEn}` }));
  return {
    unit,
    breadcrumb: await unitsByIds().all(JSON.stringify(pathIds(unit.path))),
    bodies,
    posts: await invitablePosts(unit),
    chairChoices,
  };
}

export type GuestMatch = { id: number; nameHi: string; nameEn: string; postHi: string; postEn: string };

const holdersAtUnits = query<[string], { personId: number; nameHi: string; nameEn: string }>(
  (d) => `select distinct pe.id as "personId", pe.name_hi as "nameHi", pe.name_en as "nameEn"
   from tenures t join people pe on pe.id = t.person_id where t.end_date is null and t.unit_id in (${d.jsonInts("?")})
   order by pe.id`,
);

/**
 * People the viewer may name as chief guests or walk-ins: the directory's search (inside the
 * grants) and the office-bearers of the units above the grants (names and posts only, as the
 * unit pages show them), matched by the same spelling-tolerant words.
 */
export async function findPeopleForMeeting(viewer: Viewer, unit: { id: number }, raw: string, limit = 8): Promise<GuestMatch[]> {
  const q = raw.trim();
  if (q.length < 2) return [];
  const words = queryWords(q).filter((w) => !/^\d+$/.test(w.plain));
  const above = new Set<number>();
  for (const g of viewer.grants) for (const id of pathIds(g.unitPath).slice(0, -1)) above.add(id);
  const aboveMatches =
    words.length === 0
      ? []
      : (await holdersAtUnits().all(JSON.stringify([...above])))
          .filter((p) => {
            const terms = termsFor(p.nameHi, p.nameEn);
            return words.every((w) => terms.some((t) => t.startsWith(w.plain) || (w.skeleton !== null && w.skeleton.length > 2 && t.startsWith(w.skeleton))));
          })
          .map((p) => p.personId);
  const ids = [...new Set([...aboveMatches, ...(await lookupPeople(viewer, q, limit)).map((p) => p.id)])].slice(0, limit);
  const matches: GuestMatch[] = [];
  for (const id of ids) {
    const s = await snapshotPerson(viewer, unit, id);
    if (s) matches.push({ id, nameHi: s.nameHi, nameEn: s.nameEn, postHi: s.postHi, postEn: s.postEn });
  }
  return matches;
}

/** How many names the preview shows (the form's answer carries only these, with the counts). */
export const PREVIEW_SHOWN = 60;

export type InvitePreview = {
  perPost: PostCount[];
  residents: number;
  chair: GuestMatch | null;
  guests: GuestMatch[];
  people: Array<{ personId: number; nameHi: string; nameEn: string; postHi: string; postEn: string; role: "chair" | "guest" | "invitee" }>;
  total: number;
};

/** The list a save would write, with its counts, before anything is written. */
export async function previewInvitees(viewer: Viewer, unit: MeetingUnit, rules: InviteRules, chairId: number | null, guestIds: number[]): Promise<InvitePreview> {
  const asMatch = async (id: number): Promise<GuestMatch | null> => {
    const s = await snapshotPerson(viewer, unit, id);
    return s ? { id, nameHi: s.nameHi, nameEn: s.nameEn, postHi: s.postHi, postEn: s.postEn } : null;
  };
  const chair = chairId === null ? null : await asMatch(chairId);
  const guests: GuestMatch[] = [];
  for (const g of guestIds.filter((g) => g !== chairId)) {
    const match = await asMatch(g);
    if (match) guests.push(match);
  }
  const expansion = await expandInviteRules(unit, rules);
  const people: InvitePreview["people"] = [];
  const seen = new Set<number>();
  const push = (p: GuestMatch, role: "chair" | "guest" | "invitee") => {
    if (seen.has(p.id)) return;
    seen.add(p.id);
    people.push({ personId: p.id, nameHi: p.nameHi, nameEn: p.nameEn, postHi: p.postHi, postEn: p.postEn, role });
  };
  if (chair) push(chair, "chair");
  for (const g of guests) push(g, "guest");
  for (const i of expansion.invitees) push({ id: i.personId, nameHi: i.nameHi, nameEn: i.nameEn, postHi: i.postHi, postEn: i.postEn }, "invitee");
  // The whole list would be megabytes in the form's answer for a district's thousands: counts, and the first names.
  return { perPost: expansion.perPost, residents: expansion.residents, chair, guests, people: people.slice(0, PREVIEW_SHOWN), total: people.length };
}
