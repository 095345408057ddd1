import "server-only";
import { z } from "zod";
import { type Dialect, query } from "@/db";
import type { Level } from "@/db/schema";
import { unitVisibility } from "@/lib/auth/grants";
import { isRowId } from "@/lib/auth/guard";
import { subtreeEnd } from "@/lib/tree";
import type { Viewer } from "@/lib/auth/session";
import { normaliseMobile } from "@/lib/people/phone";
import { isoDateSchema } from "@/lib/validation/roster";
import { adminScope } from "./accounts";

export const AUDIT_PAGE_SIZE = 50;

// Search params arrive as string | string[] | undefined; a bad value drops the filter instead of failing the page.
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const optionalText = z.preprocess(
  first,
  z
    .string()
    .transform((s) => s.normalize("NFC").replace(/\s+/g, " ").trim().slice(0, 100))
    .transform((s) => (s === "" ? undefined : s))
    .optional()
    .catch(undefined),
);
const optionalDate = z.preprocess(first, isoDateSchema.optional().catch(undefined));

export const auditFilterSchema = z.object({
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).catch(1)),
  // Any positive integer: a unit no row can be (beyond MAX_ROW_ID) selects nothing below, rather than dropping the filter.
  unit: z.preprocess(first, z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined)),
  person: optionalText,
  actor: optionalText,
  from: optionalDate,
  to: optionalDate,
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export type ChangeLine = { field: string; before: string | null; after: string | null };

/** Stands in, in an entry's details, for a person or unit the viewer may not see. */
export const OUTSIDE_SCOPE = "\u2063outside-scope\u2063";

export type AuditRow = {
  id: number;
  at: string;
  action: string;
  outcome: "ok" | "denied" | "failed";
  /** "outside": an account whose person the viewer may not see. */
  actor: { nameHi: string; nameEn: string; login: string } | "outside" | null;
  unit: { id: number; level: Level; nameHi: string; nameEn: string } | null;
  target:
    | { kind: "person"; id: number; nameHi: string; nameEn: string }
    | { kind: "account"; name: string }
    | { kind: "unit"; id: number; nameHi: string; nameEn: string }
    | { kind: "other"; type: string; id: number | null }
    | { kind: "outside" };
  changes: ChangeLine[];
  /** The details as stored, with everything the viewer may not see replaced by OUTSIDE_SCOPE. */
  before: unknown;
  after: unknown;
  /** Names of the post, body and unit the details refer to by id, for the entry's sentence. */
  names: { post: Named | null; body: Named | null; unit: Named | null };
};

export type Named = { nameHi: string; nameEn: string };

export type AuditPage = { entries: AuditRow[]; page: number; hasNext: boolean };

type Params = {
  scopes: string;
  vis: string;
  root: 0 | 1;
  unitFrom: string | null;
  unitTo: string | null;
  personId: number | null;
  personLike: string | null;
  actorLogin: string | null;
  actorLike: string | null;
  fromAt: string | null;
  toAt: string | null;
  actions: string | null;
  skipVia: string | null;
  limit: number;
  offset: number;
};

type Row = {
  id: number;
  at: string;
  action: string;
  targetType: string;
  targetId: number | null;
  outcome: AuditRow["outcome"];
  before: string | null;
  after: string | null;
  actorHi: string | null;
  actorEn: string | null;
  actorLogin: string | null;
  unitId: number | null;
  unitLevel: Level | null;
  unitHi: string | null;
  unitEn: string | null;
  personId: number | null;
  personHi: string | null;
  personEn: string | null;
  accountName: string | null;
  targetUnitId: number | null;
  targetUnitHi: string | null;
  targetUnitEn: string | null;
  targetUnitPath: string | null;
  actorVisible: 0 | 1;
  targetVisible: 0 | 1;
};

// Who the viewer may see, by the rules of lib/data/people.ts (getPersonPage): a person whose home
// or any post (now or before) lies in one of the viewer's granted subtrees, or who holds a current
// post above them. @vis: the viewer's grants as JSON path ranges. An account without a person
// (made on the command line) only for an admin of the root.
const visCte = (d: Dialect) => `vis(p, e) as (select p, e from (${d.jsonGrantRows("@vis")}) g)`;
const personVisible = (id: string) => `(${id} is not null and (
    exists (select 1 from people vp join units vh on vh.id = vp.home_unit_id join vis on vh.path >= vis.p and vh.path < vis.e
            where vp.id = ${id})
    or exists (select 1 from tenures vt join units vu on vu.id = vt.unit_id
               join vis on (vu.path >= vis.p and vu.path < vis.e) or (vt.end_date is null and substr(vis.p, 1, length(vu.path)) = vu.path)
               where vt.person_id = ${id})))`;
// Conditions (every branch a truth value, as PostgreSQL requires); the select list shows them as 1/0.
const ACTOR_VISIBLE = `(case when act.id is null then true when act.person_id is null then @root = 1 else ${personVisible("act.person_id")} end)`;
const TARGET_PERSON_VISIBLE = `(case when tp.id is not null then ${personVisible("tp.id")} when ta.id is not null then @root = 1 else true end)`;
const asFlag = (condition: string) => `case when ${condition} then 1 else 0 end`;
// A name matches a filter in either case of ASCII letters, as SQLite's LIKE does (PostgreSQL's would not).
const likeFilter = (column: string, param: string) => `lower(${column}) like lower(${param}) escape '\\'`;

// Scope: rows filed under a unit inside one of the admin's admin subtrees (a path range, so the
// units index serves it); rows with no unit (failed logins, refusals) only for an admin of the root.
// An unused filter is bound as null; the casts tell PostgreSQL the type of such a parameter.
const auditEntries = query<[Params], Row>(
  (d) => `with scope(p, e) as (select p, e from (${d.jsonGrantRows("@scopes")}) g), ${visCte(d)}
   select a.id, a.at, a.action, a.target_type as "targetType", a.target_id as "targetId", a.outcome, a.before, a.after,
          coalesce(ap.name_hi, act.display_name) as "actorHi", coalesce(ap.name_en, act.display_name) as "actorEn", act.login as "actorLogin",
          u.id as "unitId", u.level as "unitLevel", u.name_hi as "unitHi", u.name_en as "unitEn",
          tp.id as "personId", tp.name_hi as "personHi", tp.name_en as "personEn",
          ta.display_name as "accountName", tu.id as "targetUnitId", tu.name_hi as "targetUnitHi", tu.name_en as "targetUnitEn",
          tu.path as "targetUnitPath", ${asFlag(ACTOR_VISIBLE)} as "actorVisible", ${asFlag(TARGET_PERSON_VISIBLE)} as "targetVisible"
   from audit_log a
   left join units u on u.id = a.unit_id
   left join accounts act on act.id = a.actor_account_id
   left join people ap on ap.id = act.person_id
   left join accounts ta on a.target_type = 'account' and ta.id = a.target_id
   left join tenures tt on a.target_type = 'tenure' and tt.id = a.target_id
   left join people tp on tp.id = case a.target_type when 'person' then a.target_id when 'account' then ta.person_id
                                                     when 'tenure' then tt.person_id end
   left join units tu on a.target_type = 'unit' and tu.id = a.target_id
   where (case when a.unit_id is null then @root = 1
               else exists (select 1 from scope s where u.path >= s.p and u.path < s.e) end)
     and (cast(@unitFrom as text) is null or (u.path >= @unitFrom and u.path < @unitTo))
     and (cast(@personId as integer) is null or (tp.id = @personId and ${TARGET_PERSON_VISIBLE}))
     and (cast(@personLike as text) is null or ((${likeFilter("tp.name_hi", "@personLike")} or ${likeFilter("tp.name_en", "@personLike")})
          and ${TARGET_PERSON_VISIBLE}))
     and (cast(@actorLogin as text) is null or (act.login = @actorLogin and ${ACTOR_VISIBLE}))
     and (cast(@actorLike as text) is null or ((${likeFilter("act.display_name", "@actorLike")} or ${likeFilter("ap.name_en", "@actorLike")}
          or ${likeFilter("act.login", "@actorLike")}) and ${ACTOR_VISIBLE}))
     and (cast(@fromAt as text) is null or a.at >= @fromAt)
     and (cast(@toAt as text) is null or a.at < @toAt)
     and (cast(@actions as text) is null or (a.outcome = 'ok' and a.action in (${d.jsonTexts("@actions")})))
     and (cast(@skipVia as text) is null or coalesce(${d.jsonText("a.after", "via")}, '') <> @skipVia)
   order by a.at desc, a.id desc
   limit @limit offset @offset`,
);

const unitPath = query<[number], { path: string }>("select path from units where id = ?");
const visiblePeople = query<[{ vis: string; ids: string }], { id: number }>(
  (d) => `with ${visCte(d)} select p.id from people p where p.id in (${d.jsonInts("@ids")}) and ${personVisible("p.id")}`,
);
const unitPaths = query<[string], { id: number; path: string }>((d) => `select id, path from units where id in (${d.jsonInts("?")})`);

const postNames = query<[string], { id: number; titleHi: string; titleEn: string; bodyKey: string; bodyHi: string; bodyEn: string }>(
  (d) => `select p.id, p.title_hi as "titleHi", p.title_en as "titleEn", b.key as "bodyKey", b.name_hi as "bodyHi", b.name_en as "bodyEn"
   from posts p join bodies b on b.id = p.body_id where p.id in (${d.jsonInts("?")})`,
);
const bodyNames = query<[], { id: number; nameHi: string; nameEn: string }>("select id, name_hi as \"nameHi\", name_en as \"nameEn\" from bodies");
const unitNames = query<[string], { id: number; nameHi: string; nameEn: string }>(
  (d) => `select id, name_hi as "nameHi", name_en as "nameEn" from units where id in (${d.jsonInts("?")})`,
);

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The start of a day in India, as the UTC instant the audit log stores. */
function istDayStart(date: string, plusDays = 0): string {
  const start = new Date(`${date}T00:00:00+05:30`);
  start.setUTCDate(start.getUTCDate() + plusDays);
  return start.toISOString();
}

/** A page of the audit trail the viewer administers, newest first; null when the viewer is no admin. */
export async function listAuditEntries(viewer: Viewer, filter: AuditFilter): Promise<AuditPage | null> {
  const scope = adminScope(viewer);
  if (!scope) return null;
  let unitFrom: string | null = null;
  let unitTo: string | null = null;
  if (filter.unit !== undefined) {
    const path = isRowId(filter.unit) ? (await unitPath().get(filter.unit))?.path : undefined;
    // An unknown unit selects nothing rather than dropping the filter.
    [unitFrom, unitTo] = path ? [path, subtreeEnd(path)] : ["", ""];
  }
  const personId = filter.person && /^\d{1,12}$/.test(filter.person) ? Number(filter.person) : null;
  // A person filter by an id no row can have selects nothing (never bound: see isRowId).
  if (personId !== null && !isRowId(personId)) return { entries: [], page: filter.page, hasNext: false };
  const actorLogin = filter.actor ? normaliseMobile(filter.actor) : null;
  const rows = await auditEntries().all({
    ...scope,
    vis: visOf(viewer),
    unitFrom,
    unitTo,
    personId,
    personLike: filter.person && personId === null ? like(filter.person) : null,
    actorLogin,
    actorLike: filter.actor && !actorLogin ? like(filter.actor) : null,
    fromAt: filter.from ? istDayStart(filter.from) : null,
    toAt: filter.to ? istDayStart(filter.to, 1) : null,
    actions: null,
    skipVia: null,
    limit: AUDIT_PAGE_SIZE + 1,
    offset: (filter.page - 1) * AUDIT_PAGE_SIZE,
  });
  return {
    entries: await redactedEntries(viewer, rows.slice(0, AUDIT_PAGE_SIZE)),
    page: filter.page,
    hasNext: rows.length > AUDIT_PAGE_SIZE,
  };
}

const visOf = (viewer: Viewer) => JSON.stringify(viewer.grants.map((g) => ({ p: g.unitPath, e: subtreeEnd(g.unitPath) })));

/**
 * The entries of some actions filed under one subtree since an instant, newest first, named and
 * redacted by the audit page's own rules (a person or unit outside the viewer's grants is
 * "someone outside your scope"). The caller checks the viewer may read that subtree; refusals and
 * failures are never among them; `skipVia` leaves out the rows a summary entry stands for.
 */
export async function listAuditEntriesUnder(
  viewer: Viewer,
  unitPath: string,
  options: { sinceAt: string; actions: readonly string[]; skipVia?: string; limit: number },
): Promise<AuditRow[]> {
  const rows = await auditEntries().all({
    scopes: JSON.stringify([{ p: unitPath, e: subtreeEnd(unitPath) }]),
    root: 0,
    vis: visOf(viewer),
    unitFrom: null,
    unitTo: null,
    personId: null,
    personLike: null,
    actorLogin: null,
    actorLike: null,
    fromAt: options.sinceAt,
    toAt: null,
    actions: JSON.stringify(options.actions),
    skipVia: options.skipVia ?? null,
    limit: options.limit,
    offset: 0,
  });
  return redactedEntries(viewer, rows);
}

async function redactedEntries(viewer: Viewer, rows: Row[]): Promise<AuditRow[]> {
  const shown = rows.map((r) => ({ row: r, before: parse(r.before), after: parse(r.after) }));
  const refs = { people: new Set<number>(), units: new Set<number>() };
  for (const e of shown) collectRefs([e.before, e.after], refs);
  const seenPeople = new Set((await visiblePeople().all({ vis: visOf(viewer), ids: JSON.stringify([...refs.people]) })).map((r) => Number(r.id)));
  const seenUnits = new Set(
    (await unitPaths().all(JSON.stringify([...refs.units])))
      .filter((u) => unitVisibility(viewer.grants, u.path) !== "none")
      .map((u) => u.id),
  );
  const hidden: Hidden = { person: (id) => !seenPeople.has(id), unit: (id) => !seenUnits.has(id) };
  const entries = shown.map((e) => toEntry(viewer, e.row, e.before, e.after, hidden));
  await nameReferences(entries);
  return entries;
}

const field = (v: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>((o, k) => (o !== null && typeof o === "object" && !Array.isArray(o) ? (o as Record<string, unknown>)[k] : undefined), v);

/**
 * Fills each entry's names from the ids its (already redacted) details hold: the post of a tenure,
 * the body an export or grant was limited to, the unit of a grant. A hidden id is OUTSIDE_SCOPE by
 * now and names nothing.
 */
async function nameReferences(entries: AuditRow[]) {
  const postIds = new Set<number>();
  const unitIds = new Set<number>();
  const ids = entries.map((e) => {
    const postId = asId(field(e.after, "postId") ?? field(e.before, "postId"));
    const unitId = asId(field(e.after, "grant", "unitId") ?? field(e.after, "unitId") ?? field(e.before, "unitId"));
    const bodyId = asId(field(e.after, "filters", "bodyId") ?? field(e.after, "bodyId") ?? field(e.before, "bodyId"));
    const bodyName = field(e.after, "grant", "body") ?? field(e.after, "body") ?? field(e.before, "body");
    if (postId !== null) postIds.add(postId);
    if (unitId !== null) unitIds.add(unitId);
    return { postId, unitId, bodyId, bodyName: typeof bodyName === "string" ? bodyName : null };
  });
  if (entries.length === 0) return;
  const posts = new Map((await postNames().all(JSON.stringify([...postIds]))).map((p) => [p.id, p]));
  const units = new Map((await unitNames().all(JSON.stringify([...unitIds]))).map((u) => [u.id, u]));
  const bodies = await bodyNames().all();
  entries.forEach((e, i) => {
    const { postId, unitId, bodyId, bodyName } = ids[i];
    const post = postId === null ? undefined : posts.get(postId);
    // The organisation's own posts are called by their title alone ("अध्यक्ष"); a wing's carry its name ("आईटी सेल संयोजक").
    if (post) e.names.post = post.bodyKey === "sangathan" ? { nameHi: post.titleHi, nameEn: post.titleEn } : { nameHi: `${post.bodyHi} ${post.titleHi}`, nameEn: `${post.bodyEn} ${post.titleEn}` };
    const unit = unitId === null ? undefined : units.get(unitId);
    if (unit) e.names.unit = { nameHi: unit.nameHi, nameEn: unit.nameEn };
    const body = bodies.find((b) => (bodyId !== null && b.id === bodyId) || (bodyName !== null && b.nameHi === bodyName));
    if (body) e.names.body = { nameHi: body.nameHi, nameEn: body.nameEn };
  });
}

type Hidden = { person: (id: number) => boolean; unit: (id: number) => boolean };

// Keys of an entry's details that hold a person's or unit's id, and those that name or reach a person.
const PERSON_KEY = /(^|[a-z])personId$/i;
const UNIT_KEY = /(^|[a-z])(unitId|parentId)$/i;
const IDENTIFYING = /^(name|nameHi|nameEn|displayName|mobile|whatsapp|email|login|code|whatsappUrl|homeUnitId|personId)$/;

const asId = (v: unknown): number | null =>
  typeof v === "number" && Number.isSafeInteger(v) ? v : typeof v === "string" && /^\d{1,15}$/.test(v) ? Number(v) : null;

function collectRefs(values: unknown[], refs: { people: Set<number>; units: Set<number> }) {
  for (const value of values) {
    if (Array.isArray(value)) collectRefs(value, refs);
    else if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        const id = asId(v);
        if (id !== null && PERSON_KEY.test(k)) refs.people.add(id);
        else if (id !== null && UNIT_KEY.test(k)) refs.units.add(id);
        else collectRefs([v], refs);
      }
    }
  }
}

/**
 * The details with every person and unit the viewer may not see replaced by OUTSIDE_SCOPE: their
 * ids, and beside a hidden person's id (or at the top level of an entry about a hidden target) the
 * names, mobiles and logins that would tell who it was.
 */
function redact(value: unknown, hidden: Hidden, targetHidden: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => redact(v, hidden, false));
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value);
  const isHidden = (k: string, v: unknown) => {
    const id = asId(v);
    if (id === null) return false;
    return PERSON_KEY.test(k) ? hidden.person(id) : UNIT_KEY.test(k) ? hidden.unit(id) : false;
  };
  const aboutHiddenPerson = targetHidden || entries.some(([k, v]) => PERSON_KEY.test(k) && isHidden(k, v));
  const hiddenUnitNames = new Set(entries.filter(([k, v]) => UNIT_KEY.test(k) && isHidden(k, v)).map(([k]) => k.slice(0, -2)));
  return Object.fromEntries(
    entries.map(([k, v]) => [
      k,
      isHidden(k, v) || (aboutHiddenPerson && IDENTIFYING.test(k)) || hiddenUnitNames.has(k) ? OUTSIDE_SCOPE : redact(v, hidden, false),
    ]),
  );
}

function toEntry(viewer: Viewer, r: Row, before: unknown, after: unknown, hidden: Hidden): AuditRow {
  const targetUnitHidden = r.targetUnitPath !== null && unitVisibility(viewer.grants, r.targetUnitPath) === "none";
  const targetHidden = r.targetVisible !== 1 || targetUnitHidden;
  return {
    id: r.id,
    at: r.at,
    action: r.action,
    outcome: r.outcome,
    actor: r.actorLogin === null ? null : r.actorVisible === 1 ? { nameHi: r.actorHi!, nameEn: r.actorEn!, login: r.actorLogin } : "outside",
    unit: r.unitId !== null && r.unitLevel ? { id: r.unitId, level: r.unitLevel, nameHi: r.unitHi!, nameEn: r.unitEn! } : null,
    target: targetHidden
      ? { kind: "outside" }
      : r.personId !== null
        ? { kind: "person", id: r.personId, nameHi: r.personHi!, nameEn: r.personEn! }
        : r.accountName !== null
          ? { kind: "account", name: r.accountName }
          : r.targetUnitId !== null
            ? { kind: "unit", id: r.targetUnitId, nameHi: r.targetUnitHi!, nameEn: r.targetUnitEn! }
            : { kind: "other", type: r.targetType, id: r.targetId },
    ...(() => {
      const b = redact(before, hidden, targetHidden);
      const a = redact(after, hidden, targetHidden);
      return { changes: describeChange(b, a), before: b, after: a };
    })(),
    names: { post: null, body: null, unit: null },
  };
}

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

function flatten(value: unknown, prefix = "", out: Record<string, string | null> = {}): Record<string, string | null> {
  if (value === null || value === undefined) {
    if (prefix) out[prefix] = null;
  } else if (typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return out;
}

/**
 * Before and after as field lines: the fields that changed, or every field of a creation or removal.
 * Anything named like a password or hash is left out, whatever wrote the row.
 */
export function describeChange(before: unknown, after: unknown): ChangeLine[] {
  const b = flatten(before);
  const a = flatten(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !/password|hash/i.test(f));
  const changed = fields.filter((f) => (b[f] ?? null) !== (a[f] ?? null));
  return (changed.length > 0 ? changed : fields).map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}
