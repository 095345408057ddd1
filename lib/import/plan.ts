import "server-only";
import { query, statement } from "@/db";
import { LEVELS, type Level } from "@/db/schema";
import { recordOutOfScopeMatch } from "@/lib/access/oracle";
import { canWrite, unitVisibility } from "@/lib/auth/grants";
import { subtreeEnd } from "@/lib/tree";
import type { Viewer } from "@/lib/auth/session";
import { normaliseMobile } from "@/lib/people/phone";
import { todayInIndia } from "@/lib/roster/dates";
import { isoDateSchema, personNameEnSchema, personNameHiSchema } from "@/lib/validation/roster";
import type { SheetRecord } from "./parse";

/**
 * The row matcher: what each row of a roster sheet would do, against the database as it is now.
 * Nothing is written here; apply.ts runs the same plan inside its transaction.
 */

export type RowError =
  | "unknown_unit"
  | "outside_grant"
  | "unknown_post"
  | "post_not_at_level"
  | "seat_invalid"
  | "seat_full"
  | "duplicate_seat"
  | "name_hi_invalid"
  | "name_en_invalid"
  | "mobile_invalid"
  | "whatsapp_invalid"
  | "number_unusable"
  | "date_invalid"
  | "date_before_current"
  | "needs_decision";

export type Fate =
  | { kind: "error"; errors: RowError[] }
  /** `leftAsIs`: a blank row for a seat that is filled now (an old sheet's vacancy, filled since); its holder stays. */
  | { kind: "unchanged"; leftAsIs?: true }
  | { kind: "blank" }
  | { kind: "new_tenure"; newPerson: boolean }
  | { kind: "replaces"; newPerson: boolean; holder: { nameHi: string; nameEn: string; tenureId: number } }
  /** The row is the current holder with a corrected mobile or name: the person is updated, nobody is replaced. */
  | { kind: "corrects"; mobile: boolean; name: boolean; holder: { nameHi: string; nameEn: string; tenureId: number; personId: number; version: number; whatsapp: string | null; homeUnitId: number | null } };

export type PlannedRow = {
  line: number;
  /** For an unknown place: the nearest unit name inside the imported unit (a typo, probably). */
  suggestion?: { nameHi: string; nameEn: string };
  record: SheetRecord;
  fate: Fate;
  unit?: { id: number; path: string; nameHi: string; nameEn: string; level: Level };
  post?: { id: number; bodyId: number; titleHi: string; titleEn: string; bodyHi: string; bodyEn: string; seats: number };
  seat?: number;
  personId?: number | null;
  mobile?: string;
  whatsapp?: string | null;
  startDate?: string;
  currentTenureId?: number | null;
};

type UnitNode = { id: number; level: Level; nameHi: string; nameEn: string; code: string | null; path: string; parentId: number | null };
type PostRow = { id: number; level: Level; bodyId: number; titleKey: string; titleHi: string; titleEn: string; bodyKey: string; bodyHi: string; bodyEn: string; seats: number };

// Children inside a subtree only (path >= ? and path < ?): a row is resolved within the imported
// unit, which lies inside the editor's scope, so a unit elsewhere is never even read.
const childrenWithin = query<[number, string, string], UnitNode>(
  "select id, level, name_hi as \"nameHi\", name_en as \"nameEn\", code, path, parent_id as \"parentId\" from units where parent_id = ? and path >= ? and path < ?",
);
const unitsByIds = async (ids: number[]): Promise<UnitNode[]> =>
  ids.length === 0
    ? []
    : statement<number[], UnitNode>(
        `select id, level, name_hi as "nameHi", name_en as "nameEn", code, path, parent_id as "parentId" from units where id in (${ids.map(() => "?").join(",")})`,
      ).all(...ids);
const catalogue = query<[], PostRow>(
  `select p.id, p.level, p.body_id as "bodyId", p.title_key as "titleKey", p.title_hi as "titleHi", p.title_en as "titleEn",
          b.key as "bodyKey", b.name_hi as "bodyHi", b.name_en as "bodyEn", p.seats
   from posts p join bodies b on b.id = p.body_id`,
);
type HolderRow = {
  tenureId: number;
  seat: number;
  personId: number;
  nameHi: string;
  nameEn: string;
  mobile: string | null;
  whatsapp: string | null;
  homeUnitId: number | null;
  version: number;
  startDate: string;
};
const holdersAt = query<[number, number], HolderRow>(
  `select t.id as "tenureId", t.seat, t.person_id as "personId", p.name_hi as "nameHi", p.name_en as "nameEn", p.mobile, p.whatsapp,
          p.home_unit_id as "homeUnitId", p.version, t.start_date as "startDate"
   from tenures t join people p on p.id = t.person_id where t.unit_id = ? and t.post_id = ? and t.end_date is null`,
);
// The number as anyone's mobile first, else as anyone's WhatsApp: the person form's own rule, so a
// number the person write would refuse is refused (and counted) in the preview, not at apply.
// A CASE, not `p.mobile = ?`: that is NULL for someone without a mobile, which PostgreSQL sorts
// first in a descending order (SQLite last). Mobiles are unique; among WhatsApp matches, the lowest id.
const personByMobile = query<[string, string, string], { id: number; homePath: string | null }>(
  `select p.id, h.path as "homePath" from people p left join units h on h.id = p.home_unit_id
   where p.id in (select id from people where mobile = ? union all select id from people where whatsapp = ?)
   order by case when p.mobile = ? then 1 else 0 end desc, p.id limit 1`,
);
const personPaths = query<[number], { path: string }>(
  "select u.path from tenures t join units u on u.id = t.unit_id where t.person_id = ?",
);

const norm = (s: string) => s.normalize("NFC").replace(/[\u200B-\u200D\uFEFF]/g, "").replace(/\s+/g, " ").trim().toLowerCase();

/** Edit distance, for telling a respelling from another name. */
function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) next[j] = Math.min(prev[j] + 1, next[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = next;
  }
  return prev[y.length];
}

/** A name close to the holder's in either script, but not the same. */
function looksAlike(holder: { nameHi: string; nameEn: string }, record: { nameHi: string; nameEn: string }): boolean {
  const close = (a: string, b: string) => {
    const [p, q] = [norm(a), norm(b)];
    if (!p || !q) return false;
    // A letter apart (प्रसाद/प्रशाद), or one name the other plus a word (उमेश प्रसाद/उमेश प्रसाद सिंह).
    const words = (x: string) => ` ${x} `;
    return distance(p, q) <= Math.max(1, Math.floor(Math.min(p.length, q.length) / 10)) || words(p).includes(words(q)) || words(q).includes(words(p));
  };
  return close(holder.nameHi, record.nameHi) || close(holder.nameEn, record.nameEn);
}

/** Dates as people type them: 2024-03-15, 15-03-2024, 15/03/2024, 15.03.2024. */
export function parseDate(raw: string): string | null {
  const s = raw.trim();
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  const iso = dmy ? `${dmy[3]}-${dmy[2].padStart(2, "0")}-${dmy[1].padStart(2, "0")}` : s;
  return isoDateSchema.safeParse(iso).success ? iso : null;
}

/** "preview" counts out-of-scope number matches against the daily limit; "apply" re-plans rows already previewed. */
export type PlanMode = "preview" | "apply";

/** The unit whose Hindi or English name is closest to what was typed, when close enough to be a typo. */
function nearestName<U extends { nameHi: string; nameEn: string }>(options: U[], typed: string): U | null {
  const t = norm(typed);
  let best: U | null = null;
  let bestDistance = Infinity;
  for (const u of options) {
    const d = Math.min(distance(norm(u.nameHi), t), distance(norm(u.nameEn), t));
    if (d < bestDistance) {
      best = u;
      bestDistance = d;
    }
  }
  return best && bestDistance <= Math.max(2, Math.floor(t.length / 3)) ? best : null;
}

export async function createPlanner(viewer: Viewer, importUnit: { id: number; path: string; level: Level }, mode: PlanMode = "apply") {
  const children = new Map<number, UnitNode[]>();
  const importEnd = subtreeEnd(importUnit.path);
  const kids = async (parentId: number) => {
    let list = children.get(parentId);
    if (!list) {
      list = await childrenWithin().all(parentId, importUnit.path, importEnd);
      children.set(parentId, list);
    }
    return list;
  };
  const posts = await catalogue().all();
  const claimed = new Map<string, number>(); // "unit:post:seat" → line that took it
  const importDepth = LEVELS.indexOf(importUnit.level);
  const importAncestors = importUnit.path.split("/").filter(Boolean).map(Number);

  // The imported unit and its ancestors, as nodes (state first).
  const ancestorNodes = new Map((await unitsByIds(importAncestors)).map((u) => [u.id, u]));
  const chain: UnitNode[] = importAncestors.map((id) => ancestorNodes.get(id)).filter((u): u is UnitNode => !!u);
  const matchesName = (u: UnitNode, wanted: string) => norm(u.nameHi) === norm(wanted) || norm(u.nameEn) === norm(wanted);

  /**
   * The row's unit: its deepest named level, found by walking names down the tree from the
   * imported unit. The levels down to the imported unit may be repeated (or left blank) but must
   * name it; below it only its own subtree is searched. A unit anywhere else, however exactly
   * named or coded, is "unknown", as a made-up one is: the preview never confirms or names a unit
   * outside the editor's scope.
   */
  // The nearest name to a row's unknown place, among the units inside the imported unit only.
  let nearest: UnitNode | null = null;

  async function resolveUnit(record: SheetRecord): Promise<UnitNode | "unknown"> {
    nearest = null;
    const present = LEVELS.filter((l) => record.levels[l]);
    if (present.length === 0) return "unknown";
    const deepestDepth = LEVELS.indexOf(present[present.length - 1]);
    for (let d = 0; d <= importDepth; d++) {
      const wanted = record.levels[LEVELS[d]];
      if (wanted && !(chain[d] && matchesName(chain[d], wanted))) return "unknown";
    }
    // A row for the imported unit's ancestor (names the editor sees anyway) is refused later as outside the grant.
    if (deepestDepth < importDepth) return chain[deepestDepth] ?? "unknown";
    const top = chain[importDepth];
    if (!top) return "unknown";
    let current: UnitNode = top;
    for (let depth = importDepth + 1; depth <= deepestDepth; depth++) {
      const level = LEVELS[depth];
      const wanted = record.levels[level];
      if (!wanted) return "unknown";
      const options: UnitNode[] = (await kids(current.id)).filter((u) => u.level === level);
      let matches = options.filter((u) => matchesName(u, wanted));
      if (depth === deepestDepth && record.code) {
        const byCode = (matches.length ? matches : options).filter((u) => u.code === record.code.trim());
        if (byCode.length > 0) matches = byCode;
      }
      if (matches.length === 0) nearest = nearestName(options, wanted);
      if (matches.length !== 1) return "unknown";
      current = matches[0];
    }
    return current;
  }

  function resolvePost(record: SheetRecord, level: Level): PostRow | RowError {
    const body = norm(record.body);
    const title = norm(record.post);
    const candidates = posts.filter(
      (p) => [p.bodyKey, p.bodyHi, p.bodyEn].some((b) => norm(b) === body) && [p.titleKey, p.titleHi, p.titleEn].some((t) => norm(t) === title),
    );
    if (candidates.length === 0) return "unknown_post";
    return candidates.find((p) => p.level === level) ?? "post_not_at_level";
  }

  // Rows are planned one after another (never two at once): `nearest` and `claimed` are the planner's own.
  async function plan(record: SheetRecord): Promise<PlannedRow> {
    const errors: RowError[] = [];
    const row: PlannedRow = { line: record.line, record, fate: { kind: "error", errors } };
    // A vacant seat's row as the editable sheet lists it: no name, no number. It changes nothing;
    // it never empties a seat filled since the sheet was made (vacating is done on the seat's page, with its reason).
    const blank = ![record.nameHi, record.nameEn, record.mobile, record.whatsapp].some((v) => v.trim() !== "");
    if (blank) return planBlank(record, row, errors);

    const hi = personNameHiSchema.safeParse(record.nameHi);
    const en = personNameEnSchema.safeParse(record.nameEn);
    if (!hi.success) errors.push("name_hi_invalid");
    if (!en.success) errors.push("name_en_invalid");
    const mobile = normaliseMobile(record.mobile);
    if (!mobile) errors.push("mobile_invalid");
    const whatsapp = record.whatsapp ? normaliseMobile(record.whatsapp) : null;
    if (record.whatsapp && !whatsapp) errors.push("whatsapp_invalid");
    const startDate = record.since ? parseDate(record.since) : todayInIndia();
    if (!startDate) errors.push("date_invalid");

    const place = await placeOf(record, row, errors);
    if (!place) return row;
    const { unit, post } = place;
    if (!canWrite(viewer.grants, unit.path, "editor", post.bodyId)) {
      errors.push("outside_grant");
      return row;
    }

    let personId: number | null = null;
    if (mobile) {
      const existing = await personByMobile().get(mobile, mobile, mobile);
      if (existing) {
        const inScope = (path: string | null) => !!path && unitVisibility(viewer.grants, path) === "full";
        if (!inScope(existing.homePath) && !(await personPaths().all(existing.id)).some((p) => inScope(p.path))) {
          // Someone outside the editor's scope: the one generic answer, never whose or where. A
          // preview records the match (and hands it to an admin); past the daily limit it throws
          // OutOfScopeLimit and the whole preview is refused. Apply re-plans the saved rows
          // without counting them again.
          errors.push("number_unusable");
          if (mode === "preview") {
            const seat = /^\d{1,4}$/.test(record.seat) && Number(record.seat) >= 1 && Number(record.seat) <= post.seats ? Number(record.seat) : null;
            await recordOutOfScopeMatch(viewer, { unitId: unit.id, postId: post.id, seat, personId: existing.id }, "import");
          }
          return row;
        }
        personId = existing.id;
      }
    }

    const holders = await holdersAt().all(unit.id, post.id);
    let seat: number | null = null;
    if (record.seat) {
      seat = /^\d{1,4}$/.test(record.seat) ? Number(record.seat) : NaN;
      if (!Number.isInteger(seat) || seat < 1 || seat > post.seats) {
        errors.push("seat_invalid");
        return row;
      }
    } else {
      const own = personId !== null ? holders.find((h) => h.personId === personId) : undefined;
      seat = own?.seat ?? null;
      for (let s = 1; seat === null && s <= post.seats; s++) {
        if (!holders.some((h) => h.seat === s) && !claimed.has(`${unit.id}:${post.id}:${s}`)) seat = s;
      }
      if (seat === null) {
        errors.push("seat_full");
        return row;
      }
    }
    const key = `${unit.id}:${post.id}:${seat}`;
    if (claimed.has(key)) {
      errors.push("duplicate_seat");
      return row;
    }
    claimed.set(key, record.line);
    row.seat = seat;
    row.personId = personId;
    row.mobile = mobile ?? undefined;
    row.whatsapp = whatsapp;
    row.startDate = startDate ?? undefined;

    const holder = holders.find((h) => h.seat === seat);
    // The current holder, written again with a corrected mobile (same name) or a corrected
    // spelling (same mobile): a correction of that person, not a new one in his place.
    const sameName = !!holder && (norm(holder.nameHi) === norm(record.nameHi) || norm(holder.nameEn) === norm(record.nameEn));
    const nameChanged = !!holder && (norm(holder.nameHi) !== norm(record.nameHi) || norm(holder.nameEn) !== norm(record.nameEn));
    const correction = !!holder && ((holder.personId === personId && nameChanged) || (personId === null && sameName));
    if (holder && startDate && holder.personId !== personId && !correction && startDate < holder.startDate) errors.push("date_before_current");
    // A new number and a name close to the holder's but not his: perhaps him, perhaps someone
    // else. The preview asks rather than guesses; the row is held back.
    if (holder && personId === null && !sameName && looksAlike(holder, record)) errors.push("needs_decision");
    if (errors.length > 0) return row;
    row.currentTenureId = holder?.tenureId ?? null;
    if (holder && correction) {
      row.fate = {
        kind: "corrects",
        mobile: holder.personId !== personId,
        name: nameChanged,
        holder: { nameHi: holder.nameHi, nameEn: holder.nameEn, tenureId: holder.tenureId, personId: holder.personId, version: holder.version, whatsapp: holder.whatsapp, homeUnitId: holder.homeUnitId },
      };
    } else if (holder && holder.personId === personId) row.fate = { kind: "unchanged" };
    else if (holder) row.fate = { kind: "replaces", newPerson: personId === null, holder: { nameHi: holder.nameHi, nameEn: holder.nameEn, tenureId: holder.tenureId } };
    else row.fate = { kind: "new_tenure", newPerson: personId === null };
    return row;
  }

  /** The row's unit and post, inside the imported unit; else the row's error, recorded. */
  async function placeOf(record: SheetRecord, row: PlannedRow, errors: RowError[]): Promise<{ unit: UnitNode; post: PostRow } | null> {
    const unit = await resolveUnit(record);
    if (unit === "unknown") {
      errors.push("unknown_unit");
      if (nearest) row.suggestion = { nameHi: nearest.nameHi, nameEn: nearest.nameEn };
      return null;
    }
    row.unit = { id: unit.id, path: unit.path, nameHi: unit.nameHi, nameEn: unit.nameEn, level: unit.level };
    const post = resolvePost(record, unit.level);
    if (typeof post === "string") {
      errors.push(post);
      return null;
    }
    row.post = { id: post.id, bodyId: post.bodyId, titleHi: post.titleHi, titleEn: post.titleEn, bodyHi: post.bodyHi, bodyEn: post.bodyEn, seats: post.seats };
    if (!unit.path.startsWith(importUnit.path)) {
      errors.push("outside_grant");
      return null;
    }
    return { unit, post };
  }

  async function planBlank(record: SheetRecord, row: PlannedRow, errors: RowError[]): Promise<PlannedRow> {
    const place = await placeOf(record, row, errors);
    if (!place) return row;
    const { unit, post } = place;
    const seat = /^\d{1,4}$/.test(record.seat) ? Number(record.seat) : NaN;
    if (!Number.isInteger(seat) || seat < 1 || seat > post.seats) {
      errors.push("seat_invalid");
      return row;
    }
    row.seat = seat;
    const filled = (await holdersAt().all(unit.id, post.id)).some((h) => h.seat === seat);
    row.fate = filled ? { kind: "unchanged", leftAsIs: true } : { kind: "blank" };
    return row;
  }

  return { plan };
}

export async function planImport(
  viewer: Viewer,
  importUnit: { id: number; path: string; level: Level },
  records: SheetRecord[],
  mode: PlanMode = "apply",
): Promise<PlannedRow[]> {
  const planner = await createPlanner(viewer, importUnit, mode);
  const planned: PlannedRow[] = [];
  for (const r of records) planned.push(await planner.plan(r));
  return planned;
}

export function summarise(rows: PlannedRow[]) {
  const count = (k: Fate["kind"]) => rows.filter((r) => r.fate.kind === k).length;
  return {
    total: rows.length,
    errors: count("error"),
    unchanged: count("unchanged"),
    blank: count("blank"),
    newTenures: count("new_tenure"),
    replaces: count("replaces"),
    corrects: count("corrects"),
    decisions: rows.filter((r) => r.fate.kind === "error" && r.fate.errors.includes("needs_decision")).length,
  };
}
