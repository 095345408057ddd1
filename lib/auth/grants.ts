/**
 * Grant rules, pure so they can be tested without a database.
 * A grant gives a role on a unit's subtree, optionally limited to one body's posts. Paths are the
 * units' materialised paths ("/1/17/230/"): unit X is inside a grant on G when X.path starts with
 * G.path; X is above the grant when G.path starts with X.path.
 */
import type { Role } from "@/db/schema";
import { isWithin } from "@/lib/tree";

export type ScopedGrant = { unitId: number; unitPath: string; role: Role; bodyId: number | null };

export type Visibility = "full" | "above" | "none";

const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

export function roleAtLeast(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

export function covers(grant: ScopedGrant, unitPath: string): boolean {
  return isWithin(unitPath, grant.unitPath);
}

/**
 * "full": the unit lies in a granted subtree (contacts visible). "above": the unit is an ancestor
 * of a granted unit (its office-bearers' names and posts are visible, not their contacts).
 */
export function unitVisibility(grants: readonly ScopedGrant[], unitPath: string): Visibility {
  if (grants.some((g) => covers(g, unitPath))) return "full";
  if (grants.some((g) => isWithin(g.unitPath, unitPath))) return "above";
  return "none";
}

/** Can the account make this kind of change to a post of `bodyId` at the unit? */
export function canWrite(
  grants: readonly ScopedGrant[],
  unitPath: string,
  needed: Role,
  bodyId: number | null = null,
): boolean {
  return grants.some(
    (g) =>
      covers(g, unitPath) &&
      roleAtLeast(g.role, needed) &&
      (g.bodyId === null || (bodyId !== null && g.bodyId === bodyId)),
  );
}

/** Grants whose subtrees are not inside another grant's subtree (for listing "your units"). */
export function topmostGrants<G extends ScopedGrant>(grants: readonly G[]): G[] {
  return grants.filter(
    (g) => !grants.some((o) => o !== g && g.unitPath.startsWith(o.unitPath) && (o.unitPath !== g.unitPath || o.unitId < g.unitId)),
  );
}
