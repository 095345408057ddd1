import type Database from "better-sqlite3";
import type { ScopedGrant } from "./grants";
import type { Viewer } from "./session";

/**
 * An account as a Viewer, read with a given connection: for tests and scripts that call the data
 * layer as a particular account without a browser session (the app itself uses getViewer).
 */
export function viewerFromDb(sqlite: Database.Database, login: string): Viewer {
  const account = sqlite.prepare("select id, person_id as \"personId\", display_name as name from accounts where login = ?").get(login) as
    | { id: number; personId: number | null; name: string }
    | undefined;
  if (!account) throw new Error(`no account ${login}`);
  const grants = sqlite
    .prepare(
      "select g.unit_id as \"unitId\", u.path as \"unitPath\", g.role, g.body_id as \"bodyId\" from grants g join units u on u.id = g.unit_id where g.account_id = ?",
    )
    .all(account.id) as ScopedGrant[];
  return { accountId: account.id, personId: account.personId, name: account.name, grants };
}
