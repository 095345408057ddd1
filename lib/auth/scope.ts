import { subtreeEnd } from "@/lib/tree";
import type { ScopedGrant } from "./grants";

/**
 * The viewer's scope as SQL over a units alias: `(u.path >= ? and u.path < ?) or …`, one range
 * per grant, on bound parameters so the path index serves it. No grants: matches nothing (`false`,
 * which both engines read as a condition; PostgreSQL refuses `and 0`).
 */
export function scopeSql(alias: string, grants: readonly ScopedGrant[]): { sql: string; params: string[] } {
  if (grants.length === 0) return { sql: "false", params: [] };
  const params: string[] = [];
  const parts = grants.map((g) => {
    params.push(g.unitPath, subtreeEnd(g.unitPath));
    return `(${alias}.path >= ? and ${alias}.path < ?)`;
  });
  return { sql: `(${parts.join(" or ")})`, params };
}
