import "server-only";
import { query } from "@/db";
import { normaliseMobile } from "@/lib/people/phone";
import { LOGIN_WINDOW_MINUTES, MAX_FAILURES } from "./limits";
import { log } from "@/lib/log";
import { verifyPassword } from "./password";


type AuthResult =
  | { kind: "ok"; accountId: number; name: string; epoch: number }
  | { kind: "invalid" }
  | { kind: "rate_limited" };

const findAccount = query<[string], { id: number; display_name: string; password_hash: string; disabled: number; session_epoch: number }>(
  "select id, display_name, password_hash, disabled, session_epoch from accounts where login = ?",
);
const failuresFor = query<[string, string, string, string], { byLogin: number; byAddress: number }>(
  `select
     (select count(*) from login_attempts where login = ? and ok = 0 and at > ?) as byLogin,
     (select count(*) from login_attempts where address = ? and ok = 0 and at > ?) as byAddress`,
);
const recordAttempt = query("insert into login_attempts (login, address, ok) values (?, ?, ?)");
const auditFailure = query(
  `insert into audit_log (actor_account_id, action, target_type, target_id, after, outcome)
   values (null, ?, 'account', ?, ?, 'failed')`,
);

// A dummy hash keeps the time of a login for an unknown number close to that of a known one.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

/** Checks a login, limiting failures per account and per address (5 in 15 minutes, both logged). */
export async function authenticate(rawMobile: string, password: string, address: string): Promise<AuthResult> {
  const login = normaliseMobile(rawMobile) ?? rawMobile.slice(0, 40);
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000).toISOString();
  const failures = failuresFor().get(login, since, address, since)!;
  if (failures.byLogin >= MAX_FAILURES || failures.byAddress >= MAX_FAILURES * 4) {
    auditFailure().run("login.rate_limited", null, JSON.stringify({ address }));
    return { kind: "rate_limited" };
  }
  const account = findAccount().get(login);
  const ok = await verifyPassword(password, account?.password_hash ?? DUMMY_HASH);
  if (!account || !ok || account.disabled) {
    recordAttempt().run(login, address, 0);
    void log.info("login.failed", { accountId: account?.id ?? null });
    auditFailure().run("login.failed", account?.id ?? null, JSON.stringify({ address, reason: account ? (account.disabled ? "disabled" : "password") : "unknown_login" }));
    return { kind: "invalid" };
  }
  recordAttempt().run(login, address, 1);
  void log.info("login.ok", { accountId: account.id });
  return { kind: "ok", accountId: account.id, name: account.display_name, epoch: account.session_epoch };
}

const revoke = query<[string]>("insert or ignore into revoked_sessions (sid) values (?)");
const purgeRevoked = query<[string]>("delete from revoked_sessions where revoked_at < ?");
const revoked = query<[string], { sid: string }>("select sid from revoked_sessions where sid = ?");

/** Ends one session before its expiry (logout); entries older than any session are purged. */
export function revokeSession(sid: string) {
  if (!sid) return;
  revoke().run(sid);
  purgeRevoked().run(new Date(Date.now() - 13 * 60 * 60 * 1000).toISOString());
}

export function isRevoked(sid: string): boolean {
  return sid === "" || revoked().get(sid) !== undefined;
}
