import "server-only";
import { createHash } from "node:crypto";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "./config";
import { sessionAccount, type SessionAccount, type Viewer } from "./session-account";

export type { Viewer } from "./session-account";

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
const getSessionAccount = cache(async (): Promise<SessionAccount | null> => {
  const session = await decodeSession();
  return session ? sessionAccount(session) : null;
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
