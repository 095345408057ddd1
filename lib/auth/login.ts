import "server-only";
import { databaseTrouble, query, statement, transaction } from "@/db";
import { normaliseMobile } from "@/lib/people/phone";
import { LOGIN_WINDOW_MINUTES, MAX_FAILURES, MAX_FAILURES_PER_ADDRESS } from "./limits";
import { log } from "@/lib/log";
import { verifyPassword } from "./password";
import { purgeExpired } from "./retention";
import { safeAddress } from "./address";

type AuthResult =
  | { kind: "ok"; accountId: number; name: string; epoch: number }
  | { kind: "invalid" }
  | { kind: "rate_limited" };

const findAccount = query<[string], { id: number; display_name: string; password_hash: string; disabled: number; session_epoch: number }>(
  "select id, display_name, password_hash, disabled, session_epoch from accounts where login = ?",
);
const failuresFor = query<[string, string, string, string], { byLogin: number; byAddress: number }>(
  `select
     (select count(*) from login_attempts where login = ? and ok = 0 and at > ?) as "byLogin",
     (select count(*) from login_attempts where address = ? and ok = 0 and at > ?) as "byAddress"`,
);
const recordAttempt = query<[string, string], { id: number }>("insert into login_attempts (login, address, ok) values (?, ?, 0) returning id");
const markOk = query<[number]>("update login_attempts set ok = 1 where id = ?");
const auditFailure = query(
  `insert into audit_log (actor_account_id, action, target_type, target_id, after, outcome)
   values (null, ?, 'account', ?, ?, 'failed')`,
);
// One row per account (or unknown login) and address per window (from its first refusal) counts every refusal in it.
const refusalRow = query<[string, number | null, string], { id: number; after: string }>(
  (d) => `select id, after from audit_log
   where action = 'login.rate_limited' and at >= ? and target_id is not distinct from ? and ${d.jsonText("after", "address")} = ?
   order by id desc limit 1`,
);
// The row is read and rewritten in the same writing transaction, so no other refusal counts in between.
const countRefusal = query<[string, number]>("update audit_log set after = ? where id = ?");

// Expired login attempts, revoked session ids and stored uploads go now and then (and at startup).
const PURGE_EVERY_MS = 60 * 60 * 1000;
let lastPurge = 0;
async function purgeNowAndThen() {
  if (Date.now() - lastPurge < PURGE_EVERY_MS) return;
  lastPurge = Date.now();
  try {
    await purgeExpired({ statement, transaction }, lastPurge);
  } catch (error) {
    void log.error("retention.failed", error);
  }
}

// A dummy hash keeps the time of a login for an unknown number close to that of a known one.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

type Admission = { kind: "refused" } | { kind: "admitted"; attemptId: number; account: Awaited<ReturnType<ReturnType<typeof findAccount>["get"]>> };

type RefusalDetail = { address: string; count: number; firstAt: string; lastAt: string };

/** The refusal row's details with one more refusal, at `now`. */
function countedRefusal(after: string, now: string): RefusalDetail {
  const detail = JSON.parse(after) as RefusalDetail;
  return { ...detail, count: detail.count + 1, lastAt: now };
}

/**
 * Counts the window's failures and, when under the limits, records this attempt as a failure
 * before its password is checked, all in one writing transaction (it takes the write lock first):
 * attempts still being checked (scrypt is awaited) count against the limit, in this process and in any other.
 * It writes only login attempts and its own refusal rows, which no other writer changes, so on
 * PostgreSQL it takes the logins' lock, not the directory's: a login never waits behind an import.
 */
const admit = (login: string, address: string, since: string, now: string): Promise<Admission> =>
  transaction(async (): Promise<Admission> => {
    const failures = (await failuresFor().get(login, since, address, since))!;
    const account = await findAccount().get(login);
    if (failures.byLogin >= MAX_FAILURES || failures.byAddress >= MAX_FAILURES_PER_ADDRESS) {
      const targetId = account?.id ?? null;
      // The row started within the last window counts this refusal too; a new window, a new row.
      const row = await refusalRow().get(since, targetId, address);
      if (row) await countRefusal().run(JSON.stringify(countedRefusal(row.after, now)), row.id);
      else await auditFailure().run("login.rate_limited", targetId, JSON.stringify({ address, count: 1, firstAt: now, lastAt: now } satisfies RefusalDetail));
      return { kind: "refused" };
    }
    return { kind: "admitted", attemptId: (await recordAttempt().get(login, address))!.id, account };
  }, { lock: "logins" });

const WINDOW_MS = LOGIN_WINDOW_MINUTES * 60_000;

/** Checks a login, limiting failures per account and per address (both logged). */
export async function authenticate(rawMobile: string, password: string, rawAddress: string): Promise<AuthResult> {
  const login = normaliseMobile(rawMobile) ?? rawMobile.slice(0, 40);
  const address = safeAddress(rawAddress);
  const now = new Date().toISOString();
  const since = new Date(Date.now() - WINDOW_MS).toISOString();
  // Beside the login, not before it: the purge is a directory write and may wait behind an import.
  void purgeNowAndThen();
  const admission = await admit(login, address, since, now);
  if (admission.kind === "refused") {
    void log.info("login.rate_limited", {});
    return { kind: "rate_limited" };
  }
  const { account, attemptId } = admission;
  const ok = await verifyPassword(password, account?.password_hash ?? DUMMY_HASH);
  if (!account || !ok || account.disabled) {
    void log.info("login.failed", { accountId: account?.id ?? null });
    await auditFailure().run("login.failed", account?.id ?? null, JSON.stringify({ address, reason: account ? (account.disabled ? "disabled" : "password") : "unknown_login" }));
    return { kind: "invalid" };
  }
  await markOk().run(attemptId);
  void log.info("login.ok", { accountId: account.id });
  return { kind: "ok", accountId: account.id, name: account.display_name, epoch: account.session_epoch };
}

const revoke = query<[string]>("insert into revoked_sessions (sid) values (?) on conflict do nothing");
const revoked = query<[string], { sid: string }>("select sid from revoked_sessions where sid = ?");

/** Ends one session before its expiry (logout); lib/auth/retention.ts purges entries older than any session. */
export async function revokeSession(sid: string) {
  if (!sid) return;
  await revoke().run(sid);
}

export async function isRevoked(sid: string): Promise<boolean> {
  return sid === "" || (await revoked().get(sid)) !== undefined;
}

const liveAccount = query<[number], { disabled: number; session_epoch: number }>("select disabled, session_epoch from accounts where id = ?");

/** A session is live while its id is not revoked and its account exists, is enabled and has the same epoch. */
export async function sessionIsLive(accountId: number, epoch: unknown, sid: unknown): Promise<boolean> {
  if (!Number.isInteger(accountId) || accountId <= 0 || typeof sid !== "string" || (await isRevoked(sid))) return false;
  const account = await liveAccount().get(accountId);
  return !!account && !account.disabled && account.session_epoch === (typeof epoch === "number" ? epoch : 0);
}

/**
 * Whether next-auth may keep a session's cookie (its jwt callback, on every auth route). A database
 * that does not answer (or is busy) has not said "no": ending the session then would clear the
 * cookie and show a logged-out look for a database outage. The cookie is kept, and every page asks
 * the database again itself (lib/auth/session.ts), answering 503 until it is back.
 */
export async function sessionMayContinue(accountId: number, epoch: unknown, sid: unknown): Promise<boolean> {
  try {
    return await sessionIsLive(accountId, epoch, sid);
  } catch (error) {
    if (databaseTrouble(error)) return true;
    throw error;
  }
}
