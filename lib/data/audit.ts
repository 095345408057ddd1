import "server-only";
import { z } from "zod";
import { query } from "@/db";
import type { Level } from "@/db/schema";
import { subtreeEnd } from "@/lib/auth/grants";
import type { Viewer } from "@/lib/auth/session";
import { normaliseMobile } from "@/lib/people/phone";
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
const optionalDate = z.preprocess(
  first,
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
    })
    .optional()
    .catch(undefined),
);

export const auditFilterSchema = z.object({
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).catch(1)),
  unit: z.preprocess(first, z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined)),
  person: optionalText,
  actor: optionalText,
  from: optionalDate,
  to: optionalDate,
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export type ChangeLine = { field: string; before: string | null; after: string | null };

export type AuditRow = {
  id: number;
  at: string;
  action: string;
  outcome: "ok" | "denied" | "failed";
  actor: { nameHi: string; nameEn: string; login: string } | null;
  unit: { id: number; level: Level; nameHi: string; nameEn: string } | null;
  target:
    | { kind: "person"; id: number; nameHi: string; nameEn: string }
    | { kind: "account"; name: string }
    | { kind: "unit"; id: number; nameHi: string; nameEn: string }
    | { kind: "other"; type: string; id: number | null };
  changes: ChangeLine[];
};

export type AuditPage = { entries: AuditRow[]; page: number; hasNext: boolean };

type Params = {
  scopes: string;
  root: 0 | 1;
  unitFrom: string | null;
  unitTo: string | null;
  personId: number | null;
  personLike: string | null;
  actorLogin: string | null;
  actorLike: string | null;
  fromAt: string | null;
  toAt: string | null;
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
};

// Scope: rows filed under a unit inside one of the admin's admin subtrees (a path range, so the
// units index serves it); rows with no unit (failed logins, refusals) only for an admin of the root.
const auditEntries = query<[Params], Row>(
  `with scope(p, e) as (select value ->> 'p', value ->> 'e' from json_each(@scopes))
   select a.id, a.at, a.action, a.target_type as targetType, a.target_id as targetId, a.outcome, a.before, a.after,
          coalesce(ap.name_hi, act.display_name) as actorHi, coalesce(ap.name_en, act.display_name) as actorEn, act.login as actorLogin,
          u.id as unitId, u.level as unitLevel, u.name_hi as unitHi, u.name_en as unitEn,
          tp.id as personId, tp.name_hi as personHi, tp.name_en as personEn,
          ta.display_name as accountName, tu.id as targetUnitId, tu.name_hi as targetUnitHi, tu.name_en as targetUnitEn
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
     and (@unitFrom is null or (u.path >= @unitFrom and u.path < @unitTo))
     and (@personId is null or tp.id = @personId)
     and (@personLike is null or tp.name_hi like @personLike escape '\\' or tp.name_en like @personLike escape '\\')
     and (@actorLogin is null or act.login = @actorLogin)
     and (@actorLike is null or act.display_name like @actorLike escape '\\' or ap.name_en like @actorLike escape '\\'
          or act.login like @actorLike escape '\\')
     and (@fromAt is null or a.at >= @fromAt)
     and (@toAt is null or a.at < @toAt)
   order by a.at desc, a.id desc
   limit @limit offset @offset`,
);

const unitPath = query<[number], { path: string }>("select path from units where id = ?");

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The start of a day in India, as the UTC instant the audit log stores. */
function istDayStart(date: string, plusDays = 0): string {
  const start = new Date(`${date}T00:00:00+05:30`);
  start.setUTCDate(start.getUTCDate() + plusDays);
  return start.toISOString();
}

/** A page of the audit trail the viewer administers, newest first; null when the viewer is no admin. */
export function listAuditEntries(viewer: Viewer, filter: AuditFilter): AuditPage | null {
  const scope = adminScope(viewer);
  if (!scope) return null;
  let unitFrom: string | null = null;
  let unitTo: string | null = null;
  if (filter.unit !== undefined) {
    const path = unitPath().get(filter.unit)?.path;
    // An unknown unit selects nothing rather than dropping the filter.
    [unitFrom, unitTo] = path ? [path, subtreeEnd(path)] : ["", ""];
  }
  const personId = filter.person && /^\d{1,12}$/.test(filter.person) ? Number(filter.person) : null;
  const actorLogin = filter.actor ? normaliseMobile(filter.actor) : null;
  const rows = auditEntries().all({
    ...scope,
    unitFrom,
    unitTo,
    personId,
    personLike: filter.person && personId === null ? like(filter.person) : null,
    actorLogin,
    actorLike: filter.actor && !actorLogin ? like(filter.actor) : null,
    fromAt: filter.from ? istDayStart(filter.from) : null,
    toAt: filter.to ? istDayStart(filter.to, 1) : null,
    limit: AUDIT_PAGE_SIZE + 1,
    offset: (filter.page - 1) * AUDIT_PAGE_SIZE,
  });
  return {
    entries: rows.slice(0, AUDIT_PAGE_SIZE).map(toEntry),
    page: filter.page,
    hasNext: rows.length > AUDIT_PAGE_SIZE,
  };
}

function toEntry(r: Row): AuditRow {
  return {
    id: r.id,
    at: r.at,
    action: r.action,
    outcome: r.outcome,
    actor: r.actorLogin !== null ? { nameHi: r.actorHi!, nameEn: r.actorEn!, login: r.actorLogin } : null,
    unit: r.unitId !== null && r.unitLevel ? { id: r.unitId, level: r.unitLevel, nameHi: r.unitHi!, nameEn: r.unitEn! } : null,
    target:
      r.personId !== null
        ? { kind: "person", id: r.personId, nameHi: r.personHi!, nameEn: r.personEn! }
        : r.accountName !== null
          ? { kind: "account", name: r.accountName }
          : r.targetUnitId !== null
            ? { kind: "unit", id: r.targetUnitId, nameHi: r.targetUnitHi!, nameEn: r.targetUnitEn! }
            : { kind: "other", type: r.targetType, id: r.targetId },
    changes: describeChange(parse(r.before), parse(r.after)),
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
