import "server-only";
import { type Dialect, query } from "@/db";
import type { Role } from "@/db/schema";
import { canWrite, topmostGrants } from "@/lib/auth/grants";
import { isRowId } from "@/lib/auth/guard";
import { LEVELS, levelDepth, pathIds, subtreeEnd, type Level } from "@/lib/tree";
import type { Viewer } from "@/lib/auth/session";

/**
 * Which accounts and people an admin manages. An admin acts within the subtrees of their admin
 * grants (a body-limited admin grant covers only grants of that body). An account is theirs when
 * every grant it holds lies inside; an account without grants when its person lives or holds a
 * current post inside. Bound as @scopes (JSON ranges) and @root (an unlimited admin of a root unit).
 */
export type AdminScope = { scopes: string; root: 0 | 1 };

export function adminScope(viewer: Viewer): AdminScope | null {
  const admin = viewer.grants.filter((g) => g.role === "admin");
  if (admin.length === 0) return null;
  const ranges = admin.map((g) => ({ p: g.unitPath, e: subtreeEnd(g.unitPath), b: g.bodyId }));
  const root = admin.some((g) => g.bodyId === null && pathIds(g.unitPath).length === 1);
  return { scopes: JSON.stringify(ranges), root: root ? 1 : 0 };
}

export function isAdmin(viewer: Viewer): boolean {
  return viewer.grants.some((g) => g.role === "admin");
}

const scopeCte = (d: Dialect) => `scope(p, e, b) as (${d.jsonGrantRows("@scopes")})`;

function personInScopeSql(personId: string) {
  return `(
    @root = 1
    or exists (select 1 from people pp join units h on h.id = pp.home_unit_id
               join scope s on h.path >= s.p and h.path < s.e where pp.id = ${personId})
    or exists (select 1 from tenures t join units u on u.id = t.unit_id join posts po on po.id = t.post_id
               join scope s on u.path >= s.p and u.path < s.e and (s.b is null or s.b = po.body_id)
               where t.person_id = ${personId} and t.end_date is null))`;
}

const MANAGEABLE = `(
  case when exists (select 1 from grants g where g.account_id = a.id) then
    not exists (
      select 1 from grants g join units u on u.id = g.unit_id
      where g.account_id = a.id
        and not exists (select 1 from scope s where u.path >= s.p and u.path < s.e and (s.b is null or s.b = g.body_id)))
  else ${personInScopeSql("a.person_id")}
  end)`;

type ScopeParams = AdminScope & { id: number };

const accountInScope = query<[ScopeParams], { ok: number }>(
  (d) => `with ${scopeCte(d)} select 1 as ok from accounts a where a.id = @id and ${MANAGEABLE}`,
);

const personInScope = query<[ScopeParams], { ok: number }>(
  (d) => `with ${scopeCte(d)} select 1 as ok from people where id = @id and ${personInScopeSql("@id")}`,
);

/** May the admin manage this account (reset, disable, change its grants)? */
export async function accountInAdminScope(viewer: Viewer, accountId: number): Promise<boolean> {
  const scope = adminScope(viewer);
  return scope !== null && isRowId(accountId) && (await accountInScope().get({ ...scope, id: accountId })) !== undefined;
}

/** May the admin give this person an account? */
export async function personInAdminScope(viewer: Viewer, personId: number): Promise<boolean> {
  const scope = adminScope(viewer);
  return scope !== null && isRowId(personId) && (await personInScope().get({ ...scope, id: personId })) !== undefined;
}

export type AccountGrant = {
  id: number;
  unitId: number;
  level: Level;
  unitHi: string;
  unitEn: string;
  role: Role;
  bodyId: number | null;
  bodyHi: string | null;
  bodyEn: string | null;
};

export type AccountListItem = {
  id: number;
  login: string;
  displayName: string;
  disabled: boolean;
  personId: number | null;
  nameHi: string | null;
  nameEn: string | null;
  grants: AccountGrant[];
};

type AccountRow = Omit<AccountListItem, "disabled" | "grants"> & { disabled: number };

const ACCOUNT_COLUMNS = `a.id, a.login, a.display_name as "displayName", a.disabled,
   a.person_id as "personId", pe.name_hi as "nameHi", pe.name_en as "nameEn"`;

const manageableAccounts = query<[AdminScope], AccountRow>(
  (d) => `with ${scopeCte(d)}
   select ${ACCOUNT_COLUMNS}
   from accounts a left join people pe on pe.id = a.person_id
   where ${MANAGEABLE}
   order by a.disabled, coalesce(pe.name_hi, a.display_name), a.id`,
);

const manageableAccount = query<[ScopeParams], AccountRow>(
  (d) => `with ${scopeCte(d)}
   select ${ACCOUNT_COLUMNS}
   from accounts a left join people pe on pe.id = a.person_id
   where a.id = @id and ${MANAGEABLE}`,
);

type GrantRow = AccountGrant & { accountId: number; unitPath: string };

const grantsOfAccounts = query<[string], GrantRow>(
  (d) => `select g.id, g.account_id as "accountId", g.unit_id as "unitId", u.level, u.name_hi as "unitHi", u.name_en as "unitEn",
          u.path as "unitPath", g.role, g.body_id as "bodyId", b.name_hi as "bodyHi", b.name_en as "bodyEn"
   from grants g join units u on u.id = g.unit_id left join bodies b on b.id = g.body_id
   where g.account_id in (${d.jsonInts("?")})
   order by u.path, g.id`,
);

async function grantsByAccount(accountIds: number[]): Promise<Map<number, GrantRow[]>> {
  const byAccount = new Map<number, GrantRow[]>(accountIds.map((id) => [id, []]));
  for (const g of await grantsOfAccounts().all(JSON.stringify(accountIds))) byAccount.get(g.accountId)?.push(g);
  return byAccount;
}

function toGrant({ accountId, unitPath, ...grant }: GrantRow): AccountGrant {
  return grant;
}

function toItem(row: AccountRow): Omit<AccountListItem, "grants"> {
  return { ...row, disabled: row.disabled === 1 };
}

/** The accounts the viewer may manage, with their grants; null when the viewer is no admin. */
export async function listManageableAccounts(viewer: Viewer): Promise<AccountListItem[] | null> {
  const scope = adminScope(viewer);
  if (!scope) return null;
  const rows = await manageableAccounts().all(scope);
  const grants = await grantsByAccount(rows.map((r) => r.id));
  return rows.map((r) => ({ ...toItem(r), grants: grants.get(r.id)!.map(toGrant) }));
}

export type ManagedAccount = Omit<AccountListItem, "grants"> & {
  isSelf: boolean;
  grants: Array<AccountGrant & { removable: boolean }>;
};

/** One account the viewer may manage, or null (unknown and out-of-scope accounts look the same). */
export async function getManagedAccount(viewer: Viewer, accountId: number): Promise<ManagedAccount | null> {
  const scope = adminScope(viewer);
  if (!scope || !isRowId(accountId)) return null;
  const row = await manageableAccount().get({ ...scope, id: accountId });
  if (!row) return null;
  const grants = (await grantsByAccount([row.id])).get(row.id)!;
  const isSelf = row.id === viewer.accountId;
  const ownAdminGrants = isSelf ? grants.filter((g) => g.role === "admin").length : 0;
  return {
    ...toItem(row),
    isSelf,
    grants: grants.map((g) => ({
      ...toGrant(g),
      // Mirrors the service's rules so the page offers only what the server will accept.
      removable: canWrite(viewer.grants, g.unitPath, "admin", g.bodyId) && !(isSelf && g.role === "admin" && ownAdminGrants <= 1),
    })),
  };
}

export type UnitOption = { id: number; level: Level; nameHi: string; nameEn: string; code: string | null; depth: number };

const unitsInRange = query<[string, string, string], Omit<UnitOption, "depth"> & { path: string }>(
  (d) => `select id, level, name_hi as "nameHi", name_en as "nameEn", code, path from units
   where level in (${d.jsonTexts("?")}) and path >= ? and path < ?`,
);

const levelOf = query<[number], { level: Level }>("select level from units where id = ?");

const MANDAL = levelDepth("mandal");

/**
 * Units an admin may pick for a grant, by name: each admin grant's unit and every level below it
 * down to mandal (at least one level below), so a state admin can pick any district, assembly or
 * mandal without knowing a number.
 */
export async function listAdminUnits(viewer: Viewer): Promise<UnitOption[] | null> {
  const admin = topmostGrants(viewer.grants.filter((g) => g.role === "admin"));
  if (admin.length === 0) return null;
  const seen = new Set<number>();
  const options: Array<UnitOption & { key: number[] }> = [];
  for (const grant of admin) {
    const level = (await levelOf().get(grant.unitId))?.level;
    if (!level) continue;
    const first = levelDepth(level);
    const last = Math.max(MANDAL, first + 1);
    const top = pathIds(grant.unitPath).length;
    for (const u of await unitsInRange().all(JSON.stringify(LEVELS.slice(first, last + 1)), grant.unitPath, subtreeEnd(grant.unitPath))) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      const key = pathIds(u.path);
      options.push({ id: u.id, level: u.level, nameHi: u.nameHi, nameEn: u.nameEn, code: u.code, depth: key.length - top, key });
    }
  }
  // Tree order with siblings by id: a parent comes right before its children.
  options.sort((a, b) => {
    for (let i = 0; i < Math.min(a.key.length, b.key.length); i++) if (a.key[i] !== b.key[i]) return a.key[i] - b.key[i];
    return a.key.length - b.key.length;
  });
  return options.map(({ key, ...o }) => o);
}

export type BodyOption = { id: number; nameHi: string; nameEn: string };

const allBodies = query<[], BodyOption>("select id, name_hi as \"nameHi\", name_en as \"nameEn\" from bodies order by sort, id");

/** The bodies an admin may limit a grant to; none for anyone else. */
export async function listGrantBodies(viewer: Viewer): Promise<BodyOption[]> {
  return isAdmin(viewer) ? allBodies().all() : [];
}
