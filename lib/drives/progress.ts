import "server-only";
import { query } from "@/db";
import { canWrite, unitVisibility } from "@/lib/auth/grants";
import type { Viewer } from "@/lib/auth/session";
import { nowInIndia } from "@/lib/roster/dates";
import { isWithin, LEVELS, levelDepth, pathIds, subtreeEnd, type Level } from "@/lib/tree";

/**
 * A drive's progress for the part of it a viewer may see. A unit at the drive's level counts as
 * done when (post) the post has a current holder there, (whatsapp) it carries a WhatsApp group
 * link, (meeting) it held a meeting on or after `since` (one only scheduled,
 * still ahead, does not count). Counts only: anyone who sees a part of
 * the drive's subtree in full sees that part's figures; nobody sees the drive above their grants.
 */

export type DriveKind = "post" | "whatsapp" | "meeting";

export type Drive = {
  id: number;
  name: string;
  kind: DriveKind;
  level: Level;
  postId: number | null;
  since: string | null;
  deadline: string;
  closedAt: string | null;
  unit: { id: number; level: Level; nameHi: string; nameEn: string; path: string };
  post: { titleHi: string; titleEn: string; bodyHi: string; bodyEn: string; bodyKey: string; bodyId: number; seats: number } | null;
};

export type PartUnit = { id: number; level: Level; nameHi: string; nameEn: string; code: string | null; path: string };
export type ChildProgress = { id: number; level: Level; nameHi: string; nameEn: string; code: string | null; done: number; total: number; action: "fill" | "whatsapp" | null };
export type DriveView = {
  drive: Drive;
  part: PartUnit;
  /** The part's ancestors from the drive's unit down, those the viewer may open (their figures). */
  trail: Array<{ id: number; level: Level; nameHi: string; nameEn: string }>;
  /** The other granted parts of the drive, when the viewer's grants cover several. */
  otherParts: Array<{ id: number; nameHi: string; nameEn: string }>;
  done: number;
  total: number;
  children: ChildProgress[];
  canClose: boolean;
};

type DriveRow = Omit<Drive, "unit" | "post"> & {
  unitId: number;
  unitLevel: Level;
  unitHi: string;
  unitEn: string;
  unitPath: string;
  titleHi: string | null;
  titleEn: string | null;
  bodyHi: string | null;
  bodyEn: string | null;
  bodyKey: string | null;
  bodyId: number | null;
  seats: number | null;
};

const DRIVE_COLUMNS = `d.id, d.name, d.kind, d.level, d.post_id as "postId", d.since, d.deadline, d.closed_at as "closedAt",
  u.id as "unitId", u.level as "unitLevel", u.name_hi as "unitHi", u.name_en as "unitEn", u.path as "unitPath",
  p.title_hi as "titleHi", p.title_en as "titleEn", b.name_hi as "bodyHi", b.name_en as "bodyEn", b.key as "bodyKey", b.id as "bodyId", p.seats
  from drives d join units u on u.id = d.unit_id left join posts p on p.id = d.post_id left join bodies b on b.id = p.body_id`;

const driveById = query<[number], DriveRow>(`select ${DRIVE_COLUMNS} where d.id = ?`);
// Open drives whose subtree meets the unit's: at the unit or above it (a prefix of its path), or below it.
const drivesMeeting = query<[string, string, string], DriveRow>(
  `select ${DRIVE_COLUMNS}
   where d.closed_at is null and ((u.path >= ? and u.path < ?) or substr(?, 1, length(u.path)) = u.path)
   order by d.deadline, d.id`,
);
// The same, open and closed alike (a unit's list of drives): open first by deadline, then the closed, latest closed first.
const drivesMeetingAll = query<[string, string, string], DriveRow>(
  `select ${DRIVE_COLUMNS}
   where (u.path >= ? and u.path < ?) or substr(?, 1, length(u.path)) = u.path
   order by d.closed_at is not null, d.closed_at desc, d.deadline, d.id`,
);
const unitById = query<[number], PartUnit>("select id, level, name_hi as \"nameHi\", name_en as \"nameEn\", code, path from units where id = ?");
const unitsByIds = query<[string], { id: number; level: Level; nameHi: string; nameEn: string; path: string }>(
  (d) => `select id, level, name_hi as "nameHi", name_en as "nameEn", path from units where id in (${d.jsonInts("?")})`,
);

type Scope = { kind: DriveKind; postId: number | null; since: string | null; now: string; level: Level; from: string; to: string };

// Is the unit `u` done for the drive? One condition for every read, so the figures cannot disagree.
const DONE = `(case @kind
  when 'post' then exists (select 1 from tenures t where t.unit_id = u.id and t.post_id = @postId and t.end_date is null)
  when 'whatsapp' then coalesce(trim(u.whatsapp_url), '') <> ''
  when 'meeting' then exists (select 1 from meetings m where m.unit_id = u.id and m.starts_at >= @since and m.starts_at <= @now)
  else false end)`;
// A condition counted: PostgreSQL has no sum() of booleans.
const DONE_COUNT = `sum(case when ${DONE} then 1 else 0 end)`;

const totals = query<[Scope], { done: number | null; total: number }>(
  `select ${DONE_COUNT} as done, count(*) as total from units u where u.level = @level and u.path >= @from and u.path < @to`,
);
// The part's children, each with the units at the drive's level in its subtree (itself included).
const byChild = query<[Scope & { partId: number }], PartUnit & { done: number; total: number }>(
  `select c.id, c.level, c.name_hi as "nameHi", c.name_en as "nameEn", c.code, c.path, ${DONE_COUNT} as done, count(*) as total
   from units c join units u on u.path >= c.path and u.path < (substr(c.path, 1, length(c.path) - 1) || '0')
   where c.parent_id = @partId and u.level = @level group by c.id`,
);
const missingUnits = query<[Scope], { id: number; level: Level; nameHi: string; nameEn: string; code: string | null; path: string }>(
  `select u.id, u.level, u.name_hi as "nameHi", u.name_en as "nameEn", u.code, u.path
   from units u where u.level = @level and u.path >= @from and u.path < @to and not ${DONE} order by u.path`,
);

function toDrive(r: DriveRow): Drive {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    level: r.level,
    postId: r.postId,
    since: r.since,
    deadline: r.deadline,
    closedAt: r.closedAt,
    unit: { id: r.unitId, level: r.unitLevel, nameHi: r.unitHi, nameEn: r.unitEn, path: r.unitPath },
    post:
      r.titleHi !== null && r.bodyId !== null
        ? { titleHi: r.titleHi, titleEn: r.titleEn!, bodyHi: r.bodyHi!, bodyEn: r.bodyEn!, bodyKey: r.bodyKey!, bodyId: r.bodyId, seats: r.seats ?? 1 }
        : null,
  };
}

function scopeOf(drive: Drive, path: string): Scope {
  return { kind: drive.kind, postId: drive.postId, since: drive.since, now: nowInIndia(), level: drive.level, from: path, to: subtreeEnd(path) };
}

/** Done / total for the units at the drive's level under `path`. */
async function progressUnder(drive: Drive, path: string): Promise<{ done: number; total: number }> {
  const r = (await totals().get(scopeOf(drive, path)))!;
  return { done: r.done ?? 0, total: r.total };
}

/**
 * The viewer's parts of a drive: the drive's unit when a grant covers it, otherwise the topmost
 * granted units inside its subtree (a mandal editor's mandal inside a district's drive). Empty:
 * the drive is none of the viewer's business.
 */
function partsOf(viewer: Viewer, drive: Drive): string[] {
  if (unitVisibility(viewer.grants, drive.unit.path) === "full") return [drive.unit.path];
  // A path's length is its level's depth plus one: the tree has one level per step, the state at the root.
  const inside = viewer.grants.map((g) => g.unitPath).filter((p) => isWithin(p, drive.unit.path) && pathIds(p).length - 1 <= levelDepth(drive.level));
  return [...new Set(inside)].filter((p, _, all) => !all.some((o) => o !== p && isWithin(p, o))).sort();
}

/** May the viewer see the drive at `unit`: inside the drive, at or above its level, and seen in full. */
function viewable(viewer: Viewer, drive: Drive, unit: { path: string; level: Level }): boolean {
  return isWithin(unit.path, drive.unit.path) && levelDepth(unit.level) <= levelDepth(drive.level) && unitVisibility(viewer.grants, unit.path) === "full";
}

/**
 * A drive's page for the viewer at `unitId` (default: the viewer's widest part), or null when the
 * drive does not exist, the unit is outside the drive, or the viewer may not see it there.
 */
export async function getDriveView(viewer: Viewer, driveId: number, unitId?: number): Promise<DriveView | null> {
  const row = await driveById().get(driveId);
  if (!row) return null;
  const drive = toDrive(row);
  const parts = partsOf(viewer, drive);
  if (parts.length === 0) return null;
  let part: PartUnit | undefined;
  if (unitId === undefined) {
    part = parts[0] === drive.unit.path ? await unitById().get(drive.unit.id) : await unitById().get(pathIds(parts[0]).at(-1)!);
  } else {
    part = await unitById().get(unitId);
  }
  if (!part || !viewable(viewer, drive, part)) return null;

  const { done, total } = await progressUnder(drive, part.path);
  const children = levelDepth(part.level) < levelDepth(drive.level) ? await rankChildren(viewer, drive, part) : [];
  const trailIds = pathIds(part.path).slice(pathIds(drive.unit.path).length - 1, -1);
  const trailUnits = new Map((await unitsByIds().all(JSON.stringify(trailIds))).map((u) => [u.id, u]));
  const trail = trailIds
    .map((id) => trailUnits.get(id))
    .filter((u): u is NonNullable<typeof u> => u !== undefined && unitVisibility(viewer.grants, u.path) === "full")
    .map(({ id, level, nameHi, nameEn }) => ({ id, level, nameHi, nameEn }));
  const others = parts.filter((p) => p !== part.path && !isWithin(part.path, p));
  const otherUnits = await unitsByIds().all(JSON.stringify(others.map((p) => pathIds(p).at(-1)!)));
  return {
    drive,
    part,
    trail,
    otherParts: otherUnits.map(({ id, nameHi, nameEn }) => ({ id, nameHi, nameEn })),
    done,
    total,
    children,
    canClose: drive.closedAt === null && canWrite(viewer.grants, drive.unit.path, "admin"),
  };
}

/** The part's children, worst first (share done, then fewest done, then tree order). */
async function rankChildren(viewer: Viewer, drive: Drive, part: PartUnit): Promise<ChildProgress[]> {
  return (await byChild().all({ ...scopeOf(drive, part.path), partId: part.id }))
    .map((u) => {
      const atLevel = u.level === drive.level;
      const action: ChildProgress["action"] =
        !atLevel || u.done > 0
          ? null
          : drive.kind === "post" && drive.post && drive.post.seats === 1 && canWrite(viewer.grants, u.path, "editor", drive.post.bodyId)
            ? "fill"
            : drive.kind === "whatsapp" && canWrite(viewer.grants, u.path, "admin")
              ? "whatsapp"
              : null;
      return { id: u.id, level: u.level, nameHi: u.nameHi, nameEn: u.nameEn, code: u.code, done: u.done, total: u.total, action };
    })
    .sort((a, b) => a.done / a.total - b.done / b.total || a.done - b.done || a.id - b.id);
}

export type DriveSummary = { drive: Drive; part: { id: number; nameHi: string; nameEn: string }; done: number; total: number };

/**
 * The open drives that touch a unit the viewer sees in full (its home panel), each with the
 * progress of the part that is the viewer's there: the whole drive when it lies inside the unit,
 * the unit's share of it when the drive is set above the unit.
 */
export async function listDrivesTouching(viewer: Viewer, unitId: number, { closed = false }: { closed?: boolean } = {}): Promise<DriveSummary[]> {
  const unit = await unitById().get(unitId);
  if (!unit || unitVisibility(viewer.grants, unit.path) !== "full") return [];
  const drives = (await (closed ? drivesMeetingAll() : drivesMeeting()).all(unit.path, subtreeEnd(unit.path), unit.path))
    .map(toDrive)
    .filter((d) => levelDepth(d.level) >= levelDepth(unit.level));
  const summaries: DriveSummary[] = [];
  for (const drive of drives) {
    const part = isWithin(drive.unit.path, unit.path) ? drive.unit : unit;
    summaries.push({ drive, part: { id: part.id, nameHi: part.nameHi, nameEn: part.nameEn }, ...(await progressUnder(drive, part.path)) });
  }
  return summaries.filter((s) => s.total > 0);
}

export type MissingUnit = { id: number; level: Level; nameHi: string; nameEn: string; code: string | null; path: string };

/**
 * The units at the drive's level still missing what it counts, inside the viewer's part at
 * `unitId` (same rules as the page), in tree order, with the names of every unit on their paths.
 */
export async function listMissing(
  viewer: Viewer,
  driveId: number,
  unitId?: number,
): Promise<{ view: DriveView; units: MissingUnit[]; names: Map<number, { nameHi: string; nameEn: string }> } | null> {
  const view = await getDriveView(viewer, driveId, unitId);
  if (!view) return null;
  const units = await missingUnits().all(scopeOf(view.drive, view.part.path));
  const ids = new Set<number>();
  for (const u of units) for (const id of pathIds(u.path)) ids.add(id);
  const names = new Map((await unitsByIds().all(JSON.stringify([...ids]))).map((u) => [u.id, { nameHi: u.nameHi, nameEn: u.nameEn }]));
  return { view, units, names };
}

/** A unit's home-panel drives, and whether the viewer may start one there (admins of the unit). */
export async function getDrivePanel(viewer: Viewer, unitId: number): Promise<{ drives: DriveSummary[]; canCreate: boolean } | null> {
  const unit = await unitById().get(unitId);
  if (!unit || unitVisibility(viewer.grants, unit.path) !== "full") return null;
  return { drives: await listDrivesTouching(viewer, unitId), canCreate: unit.level !== "booth" && canWrite(viewer.grants, unit.path, "admin") };
}

/** The unit a new drive is for, when the viewer administers it, with the levels below it. */
export async function getNewDriveUnit(viewer: Viewer, unitId: number): Promise<{ unit: PartUnit; levels: Level[] } | null> {
  const unit = await unitById().get(unitId);
  if (!unit || !canWrite(viewer.grants, unit.path, "admin")) return null;
  const levels = LEVELS.filter((l) => levelDepth(l) > levelDepth(unit.level));
  return levels.length > 0 ? { unit, levels } : null;
}

/**
 * Every drive touching a unit the viewer sees in full, open and closed (the unit's "अभियान" page),
 * each with the viewer's part there; null when the unit is not the viewer's to see in full.
 */
export async function listUnitDrives(viewer: Viewer, unitId: number): Promise<{ unit: PartUnit; drives: DriveSummary[] } | null> {
  const unit = await unitById().get(unitId);
  if (!unit || unitVisibility(viewer.grants, unit.path) !== "full") return null;
  return { unit, drives: await listDrivesTouching(viewer, unitId, { closed: true }) };
}
