import "server-only";
import { query } from "@/db";
import type { Role } from "@/db/schema";
import type { ScopedGrant } from "./grants";
import { isRevoked } from "./login";

export type Viewer = {
  accountId: number;
  personId: number | null;
  name: string;
  grants: ScopedGrant[];
};

const accountById = query<
  [number],
  { id: number; person_id: number | null; display_name: string; disabled: number; session_epoch: number; must_change_password: number }
>("select id, person_id, display_name, disabled, session_epoch, must_change_password from accounts where id = ?");
const grantsOf = query<[number], { unitId: number; unitPath: string; role: Role; bodyId: number | null }>(
  `select g.unit_id as "unitId", u.path as "unitPath", g.role, g.body_id as "bodyId"
   from grants g join units u on u.id = g.unit_id where g.account_id = ? order by u.path`,
);

export type SessionAccount = { viewer: Viewer; mustChangePassword: boolean; sid: string };

/**
 * A decoded session's account, if the session is live now (its account exists and is enabled, the
 * epoch matches, the id is not revoked), or null. When the database does not answer, this throws
 * (DatabaseUnreachable) rather than answer null: an unanswered question is not "logged out", and
 * the page says the database is unreachable instead of showing the login (app/layout.tsx).
 */
export async function sessionAccount({ id, epoch, sid }: { id: number; epoch: number; sid: string }): Promise<SessionAccount | null> {
  // Three independent reads, side by side: on PostgreSQL each is a round trip, and every request waits for them.
  const [account, revoked, grants] = await Promise.all([accountById().get(id), isRevoked(sid), grantsOf().all(id)]);
  if (!account || account.disabled || account.session_epoch !== epoch || revoked) return null;
  const viewer = { accountId: account.id, personId: account.person_id, name: account.display_name, grants };
  return { viewer, mustChangePassword: account.must_change_password === 1, sid };
}
