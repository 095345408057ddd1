import "server-only";
import { cache } from "react";
import { query } from "@/db";
import { canWrite, unitVisibility, type Visibility } from "@/lib/auth/grants";
import { canImportInto } from "@/lib/auth/predicates";
import { LEVELS, levelDepth, pathIds, subtreeEnd, type Level } from "@/lib/tree";
import type { Viewer } from "@/lib/auth/session";

// Hot reads use prepared better-sqlite3 statements: one query per page section, no per-row ORM cost.

export type UnitSummary = { id: number; level: Level; nameHi: string; nameEn: string; code: string | null };

type UnitRow = UnitSummary & {
  parentId: number | null;
  reserved: string | null;
  whatsappUrl: string | null;
  isGenerated: number;
  path: string;
};

export type SeatRow = {
  key: string;
  bodyId: number;
  postId: number;
  titleHi: string;
  titleEn: string;
  seat: number;
  /** Vacant seats of one post are folded into one row; this counts them. */
  vacantSeats: number;
  sort: number;
  holder: null | {
    tenureId: number;
    personId: number;
    nameHi: string;
    nameEn: string;
    mobile: string | null;
    whatsapp: string | null;
    since: string;
    /** An admin let everyone below this unit see the holder's number. */
    reachableBelow: boolean;
  };
};

export type BodyGroup = { bodyId: number; nameHi: string; nameEn: string; seats: SeatRow[]; filled: number; total: number; editable: boolean };

export type ChildUnit = UnitSummary & { filled: number; total: number; booths: number | null };

export type Resident = {
  personId: number;
  bodyKey: string;
  nameHi: string;
  nameEn: string;
  titleHi: string;
  titleEn: string;
  bodyHi: string;
  bodyEn: string;
  unitId: number;
  unitHi: string;
  unitEn: string;
  level: Level;
};

export type UnitPage = {
  unit: UnitSummary & { reserved: string | null; whatsappUrl: string | null; isGenerated: boolean };
  visibility: Exclude<Visibility, "none">;
  manageable: boolean;
  /** The viewer edits somewhere in this subtree, so may upload a roster sheet for it. */
  importable: boolean;
  breadcrumb: UnitSummary[];
  bodies: BodyGroup[];
  filled: number;
  total: number;
  children: ChildUnit[];
  childLevel: Level | null;
  /** Office-bearers of higher levels whose home lies inside this unit (the report's meeting invited them). */
  residents: Resident[];
};

const unitById = query<[number], UnitRow>(
  `select id, parent_id as "parentId", level, name_hi as "nameHi", name_en as "nameEn", code, reserved,
          whatsapp_url as "whatsappUrl", is_generated as "isGenerated", path
   from units where id = ?`,
);

const unitsByIds = query<[string], UnitSummary & { path: string }>(
  (d) => `select id, level, name_hi as "nameHi", name_en as "nameEn", code, path
   from units where ${d.inJsonInts("id", "?")} order by length(path)`,
);

const seatsAt = query<
  [number, string],
  {
    postId: number;
    titleHi: string;
    titleEn: string;
    seats: number;
    postSort: number;
    bodyId: number;
    bodyHi: string;
    bodyEn: string;
    tenureId: number | null;
    seat: number | null;
    since: string | null;
    personId: number | null;
    nameHi: string | null;
    nameEn: string | null;
    mobile: string | null;
    whatsapp: string | null;
    reachableBelow: number | null;
  }
>(
  `select p.id as "postId", p.title_hi as "titleHi", p.title_en as "titleEn", p.seats, p.sort as "postSort",
          b.id as "bodyId", b.name_hi as "bodyHi", b.name_en as "bodyEn",
          t.id as "tenureId", t.seat, t.start_date as since, t.reachable_below as "reachableBelow",
          pe.id as "personId", pe.name_hi as "nameHi", pe.name_en as "nameEn", pe.mobile, pe.whatsapp
   from posts p
   join bodies b on b.id = p.body_id
   left join tenures t on t.post_id = p.id and t.unit_id = ? and t.end_date is null
   left join people pe on pe.id = t.person_id
   where p.level = ?
   order by b.sort, p.sort, t.seat`,
);

// A unit's children with their counts, in one statement: on PostgreSQL every statement is a round
// trip, and a query per child (booths below each) made a district's page wait for dozens of them.
const childrenOf = query<[number], UnitSummary & { path: string; filled: number; total: number; booths: number | null }>(
  `select c.id, c.level, c.name_hi as "nameHi", c.name_en as "nameEn", c.code, c.path,
          (select count(*) from tenures t where t.unit_id = c.id and t.end_date is null) as filled,
          (select coalesce(sum(p.seats), 0) from posts p where p.level = c.level) as total,
          case when c.level = 'booth' then null
               else (select count(*) from units b
                     where b.level = 'booth' and b.path >= c.path and b.path < (substr(c.path, 1, length(c.path) - 1) || '0'))
          end as booths
   from units c where c.parent_id = ? order by c.id`,
);

const RESIDENT_COLUMNS = `pe.id as "personId", b.key as "bodyKey", pe.name_hi as "nameHi", pe.name_en as "nameEn", po.title_hi as "titleHi", po.title_en as "titleEn",
          b.name_hi as "bodyHi", b.name_en as "bodyEn", u.id as "unitId", u.name_hi as "unitHi", u.name_en as "unitEn", u.level`;

// Small subtrees (assembly and below): walk the homes inside, keep those holding a higher post.
// The post's level is its unit's (the tree rules hold it), so the level is checked on the post,
// before the unit is read: PostgreSQL then reads only the few higher units, not every holder's.
const residentsByHome = query<[string, string, string], Resident>(
  (d) => `select ${RESIDENT_COLUMNS}
   from units h
   join people pe on pe.home_unit_id = h.id
   join tenures t on t.person_id = pe.id and t.end_date is null
   join units u on u.id = t.unit_id
   join posts po on po.id = t.post_id
   join bodies b on b.id = po.body_id
   where h.path >= ? and h.path < ? and ${d.inJsonTexts("po.level", "?")}
   order by length(u.path), b.sort, po.sort, t.id
   limit 100`,
);
// A district holds tens of thousands of homes but only the state's few dozen posts lie above it.
const stateOfficeBearers = query<[], Resident & { homePath: string | null }>(
  `select ${RESIDENT_COLUMNS}, h.path as "homePath"
   from units u
   join tenures t on t.unit_id = u.id and t.end_date is null
   join people pe on pe.id = t.person_id
   left join units h on h.id = pe.home_unit_id
   join posts po on po.id = t.post_id
   join bodies b on b.id = po.body_id
   where u.level = 'state'
   order by b.sort, po.sort, t.seat`,
);

/** Office-bearers of higher levels whose home lies inside the unit (also a meeting's invite rule). */
export async function residentsOf(unit: { level: Level; path: string }): Promise<Resident[]> {
  if (unit.level === "state" || unit.level === "booth") return [];
  if (unit.level === "district") {
    return (await stateOfficeBearers().all())
      .filter((r) => r.homePath?.startsWith(unit.path))
      .map(({ homePath, ...r }) => r);
  }
  const above = LEVELS.slice(0, levelDepth(unit.level));
  return residentsByHome().all(unit.path, subtreeEnd(unit.path), JSON.stringify(above));
}


function toSeatRows(rows: Awaited<ReturnType<ReturnType<typeof seatsAt>["all"]>>): BodyGroup[] {
  const groups = new Map<number, BodyGroup>();
  const byPost = new Map<number, { rows: typeof rows; seats: number }>();
  for (const r of rows) {
    if (!groups.has(r.bodyId)) {
      groups.set(r.bodyId, { bodyId: r.bodyId, nameHi: r.bodyHi, nameEn: r.bodyEn, seats: [], filled: 0, total: 0, editable: false });
    }
    const entry = byPost.get(r.postId) ?? { rows: [], seats: r.seats };
    entry.rows.push(r);
    byPost.set(r.postId, entry);
  }
  for (const { rows: postRows, seats } of byPost.values()) {
    const first = postRows[0];
    const group = groups.get(first.bodyId)!;
    const held = postRows.filter((r) => r.tenureId !== null);
    for (const r of held) {
      group.seats.push({
        key: `t${r.tenureId}`,
        bodyId: r.bodyId,
        postId: r.postId,
        titleHi: r.titleHi,
        titleEn: r.titleEn,
        seat: r.seat!,
        vacantSeats: 0,
        sort: r.postSort * 1000 + r.seat!,
        holder: {
          tenureId: r.tenureId!,
          personId: r.personId!,
          nameHi: r.nameHi!,
          nameEn: r.nameEn!,
          mobile: r.mobile,
          whatsapp: r.whatsapp,
          since: r.since!,
          reachableBelow: r.reachableBelow === 1,
        },
      });
    }
    const taken = new Set(held.map((r) => r.seat));
    const vacant = Array.from({ length: seats }, (_, i) => i + 1).filter((s) => !taken.has(s));
    if (vacant.length > 0) {
      group.seats.push({
        key: `p${first.postId}v`,
        bodyId: first.bodyId,
        postId: first.postId,
        titleHi: first.titleHi,
        titleEn: first.titleEn,
        seat: vacant[0],
        vacantSeats: vacant.length,
        sort: first.postSort * 1000 + 999,
        holder: null,
      });
    }
    group.filled += held.length;
    group.total += seats;
  }
  return [...groups.values()];
}

/**
 * A unit page as the viewer may see it, or null when the unit is outside every grant (the page
 * then answers "not found" and shows nothing of it). Above the grants only names and posts.
 */
export const getUnitPage = cache(async function getUnitPage(viewer: Viewer, unitId: number): Promise<UnitPage | null> {
  const unit = await unitById().get(unitId);
  if (!unit) return null;
  const visibility = unitVisibility(viewer.grants, unit.path);
  if (visibility === "none") return null;

  // The sections read independently: on PostgreSQL they run side by side on the pool.
  const [breadcrumbRows, seatRows, childRows, residents] = await Promise.all([
    unitsByIds().all(JSON.stringify(pathIds(unit.path))),
    seatsAt().all(unit.id, unit.level),
    childrenOf().all(unit.id),
    // Booths are skipped: every shakti kendra post would be "above" them, for little use.
    visibility === "full" ? residentsOf(unit) : Promise.resolve([]),
  ]);
  const breadcrumb = breadcrumbRows.map(stripPath);
  const bodies = toSeatRows(seatRows);
  for (const group of bodies) group.editable = canWrite(viewer.grants, unit.path, "editor", group.bodyId);
  if (visibility === "above") {
    for (const group of bodies) {
      // Names and posts only above a grant, unless an admin made this holder reachable from below.
      for (const seat of group.seats) if (seat.holder && !seat.holder.reachableBelow) seat.holder = { ...seat.holder, mobile: null, whatsapp: null };
    }
  }

  const children: ChildUnit[] = childRows.filter((c) => unitVisibility(viewer.grants, c.path) !== "none").map(stripPath);
  const childLevel = children[0]?.level ?? null;

  return {
    residents,
    unit: {
      id: unit.id,
      level: unit.level,
      nameHi: unit.nameHi,
      nameEn: unit.nameEn,
      code: unit.code,
      reserved: unit.reserved,
      whatsappUrl: visibility === "full" ? unit.whatsappUrl : null,
      isGenerated: unit.isGenerated === 1,
    },
    visibility,
    manageable: canWrite(viewer.grants, unit.path, "admin"),
    importable: canImportInto(viewer.grants, unit.path),
    breadcrumb,
    bodies,
    filled: bodies.reduce((n, b) => n + b.filled, 0),
    total: bodies.reduce((n, b) => n + b.total, 0),
    children,
    childLevel,
  };
});

function stripPath<T extends { path: string }>(row: T): Omit<T, "path"> {
  const { path, ...rest } = row;
  return rest;
}

const grantUnits = query<[string], UnitSummary & { path: string }>(
  (d) => `select id, level, name_hi as "nameHi", name_en as "nameEn", code, path
   from units where ${d.inJsonInts("id", "?")} order by path`,
);

const bodyById = query<[number], { nameHi: string; nameEn: string }>(
  "select name_hi as \"nameHi\", name_en as \"nameEn\" from bodies where id = ?",
);

/** The units the viewer's grants name, each with its breadcrumb of ancestors. */
export async function listGrantUnits(viewer: Viewer) {
  const units = await grantUnits().all(JSON.stringify(viewer.grants.map((g) => g.unitId)));
  const byId = new Map(units.map((u) => [u.id, u]));
  const listed = [];
  for (const g of viewer.grants) {
    const unit = byId.get(g.unitId);
    if (!unit) continue;
    const ancestors = (await unitsByIds().all(JSON.stringify(pathIds(unit.path).slice(0, -1)))).map(stripPath);
    const body = g.bodyId === null ? null : ((await bodyById().get(g.bodyId)) ?? null);
    listed.push({ grant: g, body, unit: stripPath(unit), ancestors });
  }
  return listed;
}
