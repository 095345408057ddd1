/**
 * The access predicates, pure, used by both the reads (what a page shows) and the writes (what a
 * service allows), so the two cannot drift apart. The database-backed forms are in
 * `person-access.ts`.
 */
import { isWithin } from "@/lib/tree";
import { canWrite, covers, roleAtLeast, unitVisibility, type ScopedGrant } from "./grants";

/** Where a person is: their home unit's path and the units of their posts, now and before. */
export type PersonPlaces = {
  homePath: string | null;
  posts: ReadonlyArray<{ path: string; bodyId: number; current: boolean }>;
};

/** The unit lies inside a granted subtree: its contacts are visible. */
export function visibleInFull(grants: readonly ScopedGrant[], unitPath: string): boolean {
  return unitVisibility(grants, unitPath) === "full";
}

/** The person's home or any of their posts, now or before, is visible in full. */
export function personVisibleInFull(grants: readonly ScopedGrant[], person: { homePath: string | null; posts: ReadonlyArray<{ path: string }> }): boolean {
  if (person.homePath !== null && visibleInFull(grants, person.homePath)) return true;
  return person.posts.some((p) => visibleInFull(grants, p.path));
}

/**
 * Editors may correct a person whose home they edit, or who holds a current post they edit; but
 * never someone who holds a post now outside their grants (a district office-bearer living in a
 * mandal is the district's to correct, not the mandal editor's).
 */
export function personEditable(grants: readonly ScopedGrant[], person: PersonPlaces): boolean {
  if (person.posts.some((p) => p.current && !grants.some((g) => covers(g, p.path)))) return false;
  if (person.homePath !== null && canWrite(grants, person.homePath, "editor")) return true;
  return person.posts.some((p) => p.current && canWrite(grants, p.path, "editor", p.bodyId));
}

/**
 * A sheet may be imported into a unit visible in full where the account edits the unit or
 * somewhere below it (each row is then checked against the grants on its own).
 */
export function canImportInto(grants: readonly ScopedGrant[], unitPath: string): boolean {
  return (
    visibleInFull(grants, unitPath) &&
    grants.some((g) => (covers(g, unitPath) || isWithin(g.unitPath, unitPath)) && roleAtLeast(g.role, "editor"))
  );
}
