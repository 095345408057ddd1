import "server-only";
import { createHash } from "node:crypto";
import { cache } from "react";
import { cookies } from "next/headers";
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

const accountById = query<
  [number],
  { id: number; person_id: number | null; display_name: string; disabled: number; session_epoch: number; must_change_password: number }
>("select id, person_id, display_name, disabled, session_epoch, must_change_password from accounts where id = ?");
const grantsOf = query<[number], { unitId: number; unitPath: string; role: Role; bodyId: number | null }>(
  `select g.unit_id as "unitId", u.path as "unitPath", g.role, g.body_id as "bodyId"
   from grants g join units u on u.id = g.unit_id where g.account_id = ? order by u.path`,
);

type Decoded = { id: number; epoch: number; sid: string; expiresAt: number };

const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];
const decoded = new Map<string, Decoded>();
const DECODED_MAX = 5_000;

/**
 * Decrypting the session JWT (HKDF + AES) costs more than the rest of a search request, so a
 * token's decoded claims are kept for a minute, keyed by the token itself. Everything that can
 * end a session early (revocation, epoch, disabling) is still checked against the database on
 * every request below; only the cryptography is skipped.
 */
async function decodeSession(): Promise<Decoded | null> {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((n) => jar.get(n)?.value).find(Boolean);
  if (!token) return null;
  const now = Date.now();
  const hit = decoded.get(token);
  if (hit && hit.expiresAt > now) return hit;
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!session || !Number.isInteger(id) || id <= 0) return null;
  const { epoch = 0, sid = "" } = session as { epoch?: number; sid?: string };
  const entry = { id, epoch, sid, expiresAt: Math.min(now + 60_000, Date.parse(session.expires)) };
  if (decoded.size >= DECODED_MAX) decoded.clear();
  decoded.set(token, entry);
  return entry;
}

/** The session's account, valid now, and whether it must choose a new password first. */
const getSessionAccount = cache(async (): Promise<{ viewer: Viewer; mustChangePassword: boolean; sid: string } | null> => {
  const session = await decodeSession();
  if (!session) return null;
  const { id, epoch, sid } = session;
  // Three independent reads, side by side: on PostgreSQL each is a round trip, and every request waits for them.
  const [account, revoked, grants] = await Promise.all([accountById().get(id), isRevoked(sid), grantsOf().all(id)]);
  if (!account || account.disabled || account.session_epoch !== epoch || revoked) return null;
  const viewer = { accountId: account.id, personId: account.person_id, name: account.display_name, grants };
  return { viewer, mustChangePassword: account.must_change_password === 1, sid };
});

/**
 * The logged-in account and its grants, read once per request (React.cache), or null. An account
 * whose password an admin reset gets null here (no page, read or write) until it has chosen its
 * own at /account/password.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const current = await getSessionAccount();
  return current && !current.mustChangePassword ? current.viewer : null;
});

/** The logged-in account even while it must change its password: for that page alone. */
export async function getAccountForPasswordChange(): Promise<{ viewer: Viewer; mustChangePassword: boolean } | null> {
  return getSessionAccount();
}

/**
 * The name under which the service worker keeps this session's offline copies (public/sw.js):
 * a hash of the session id, so it is new at every login, differs between accounts, and says
 * nothing about the session itself. Null when no account may read pages now.
 */
export const getOfflineKey = cache(async (): Promise<string | null> => {
  const current = await getSessionAccount();
  if (!current || current.mustChangePassword) return null;
  return createHash("sha256").update(`offline:${current.sid}`).digest("base64url").slice(0, 22);
});

export async function requireViewer(): Promise<Viewer> {
  const current = await getSessionAccount();
  if (!current) redirect("/login");
  if (current.mustChangePassword) redirect("/account/password");
  return current.viewer;
}
