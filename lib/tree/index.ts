/**
 * The organisation's tree, pure (no database, no server-only) so schema, seed, data, services and
 * UI share one definition.
 *
 * Levels: state › district › assembly › mandal › shakti_kendra › booth.
 * Paths: every unit has a materialised path of its ancestors' ids and its own ("/1/17/257/"), so a
 * subtree is one string range and an ancestor test is a prefix test.
 */
export const LEVELS = ["state", "district", "assembly", "mandal", "shakti_kendra", "booth"] as const;
export type Level = (typeof LEVELS)[number];

/** 0 for the state, 5 for a booth. */
export function levelDepth(level: Level): number {
  return LEVELS.indexOf(level);
}

/** The level of a unit's children, or null for a booth. */
export function childLevel(level: Level): Level | null {
  const i = levelDepth(level);
  return i >= 0 && i < LEVELS.length - 1 ? LEVELS[i + 1] : null;
}

/** The unit ids along a path, root first, the unit itself last. */
export function pathIds(path: string): number[] {
  return path.split("/").filter(Boolean).map(Number);
}

/** The end of a path's subtree range: every descendant path p satisfies path <= p < end. */
export function subtreeEnd(path: string): string {
  // '/' is 0x2F and '0' is 0x30: replacing the trailing slash bounds every extension of the prefix.
  return path.slice(0, -1) + "0";
}

/** Is the unit at `path` the unit at `rootPath` or below it? */
export function isWithin(path: string, rootPath: string): boolean {
  return path.startsWith(rootPath);
}

/** Is the unit at `ancestorPath` strictly above the unit at `path`? */
export function isAncestor(ancestorPath: string, path: string): boolean {
  return path.length > ancestorPath.length && path.startsWith(ancestorPath);
}
