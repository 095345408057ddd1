import type Database from "better-sqlite3";
import { statement } from "@/db";
import type { ScopedGrant } from "./grants";
import type { Viewer } from "./session";

const ACCOUNT = "select id, person_id as \"personId\", display_name as name from accounts where login = ?";
const GRANTS =
  "select g.unit_id as \"unitId\", u.path as \"unitPath\", g.role, g.body_id as \"bodyId\" from grants g join units u on u.id = g.unit_id where g.account_id = ? order by u.path, g.id";

type AccountRow = { id: number; personId: number | null; name: string };

/**
 * An account as a Viewer, read with a given SQLite connection: for scripts (and SQLite-only tests)
 * that call the data layer as a particular account without a browser session (the app itself uses getViewer).
 */
export function viewerFromDb(sqlite: Database.Database, login: string): Viewer {
  const account = sqlite.prepare(ACCOUNT).get(login) as AccountRow | undefined;
  if (!account) throw new Error(`no account ${login}`);
  const grants = sqlite.prepare(GRANTS).all(account.id) as ScopedGrant[];
  return { accountId: account.id, personId: account.personId, name: account.name, grants };
}

/** The same, read through the data layer ("@/db"), on whichever engine DATABASE_URL names: for tests that run on both. */
export async function viewerByLogin(login: string): Promise<Viewer> {
  const account = await statement<[string], AccountRow>(ACCOUNT).get(login);
  if (!account) throw new Error(`no account ${login}`);
  const grants = await statement<[number], ScopedGrant>(GRANTS).all(account.id);
  return { accountId: account.id, personId: account.personId, name: account.name, grants };
}
