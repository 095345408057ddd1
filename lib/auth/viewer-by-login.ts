import { statement } from "@/db";
import type { ScopedGrant } from "./grants";
import type { Viewer } from "./session";

/**
 * An account as a Viewer, read through the door on either engine: for tests and scripts (the
 * benchmarks) that call the data layer as a particular account without a browser session (the app
 * itself uses getViewer).
 */
export async function viewerByLogin(login: string): Promise<Viewer> {
  const account = await statement<[string], { id: number; personId: number | null; name: string }>(
    "select id, person_id as \"personId\", display_name as name from accounts where login = ?",
  ).get(login);
  if (!account) throw new Error(`no account ${login}`);
  const grants = await statement<[number], ScopedGrant>(
    `select g.unit_id as "unitId", u.path as "unitPath", g.role, g.body_id as "bodyId"
     from grants g join units u on u.id = g.unit_id where g.account_id = ? order by g.id`,
  ).all(account.id);
  return { accountId: account.id, personId: account.personId, name: account.name, grants };
}
