import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { query } from "@/db";
import type { Role } from "@/db/schema";
import { auth } from "./config";
import { isRevoked } from "./login";
import type { ScopedGrant } from "./grants";

export type Viewer = {
  accountId: number;
  personId: number | null;
  name: string;
  grants: ScopedGrant[];
};

const accountById = query<[number], { id: number; person_id: number | null; display_name: string; disabled: number; session_epoch: number }>(
  "select id, person_id, display_name, disabled, session_epoch from accounts where id = ?",
);
const grantsOf = query<[number], { unitId: number; unitPath: string; role: Role; bodyId: number | null }>(
  `select g.unit_id as unitId, u.path as unitPath, g.role, g.body_id as bodyId
   from grants g join units u on u.id = g.unit_id where g.account_id = ? order by u.path`,
);

/** The logged-in account and its grants, read once per request (React.cache), or null. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const account = accountById().get(id);
  const { epoch = 0, sid = "" } = (session ?? {}) as { epoch?: number; sid?: string };
  if (!account || account.disabled || account.session_epoch !== epoch || isRevoked(sid)) return null;
  return { accountId: account.id, personId: account.person_id, name: account.display_name, grants: grantsOf().all(id) };
});

export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  return viewer;
}
