import "server-only";
import { query, transaction } from "@/db";
import { writeAudit } from "@/lib/audit/log";
import { LOGIN_WINDOW_MINUTES, MAX_FAILURES } from "@/lib/auth/limits";
import { hashPasswordSync, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import type { Viewer } from "@/lib/auth/session";
import { accountInAdminScope, isAdmin } from "@/lib/data/accounts";
import { normaliseMobile } from "@/lib/people/phone";

/**
 * Passwords as their holders handle them: changing one's own (the current password first, counted
 * like a login when wrong), and asking for a reset when it is forgotten (a request only the admins
 * who cover the account see; the answer is the same whether or not the number has an account).
 * Results carry codes; the actions turn them into sentences (account.errors.*).
 */
export type PasswordResult = { ok: true } | { ok: false; errors: Record<string, string[]>; message: "invalid" | "rate_limited" };

const rateLimited = { ok: false as const, errors: {}, message: "rate_limited" as const };

const accountById = query<[number], { id: number; login: string; hash: string; disabled: number }>(
  "select id, login, password_hash as hash, disabled from accounts where id = ?",
);
const failuresOf = query<[string, string], { n: number }>(
  "select count(*) as n from login_attempts where login = ? and ok = 0 and at > ?",
);
const recordAttempt = query<[string, string, number], never>("insert into login_attempts (login, address, ok) values (?, ?, ?)");
// A new password of one's own: must-change ends, and so does every other session (the epoch moves on;
// the action signs this browser in again with the new password).
const setOwnPassword = query<[string, number], never>(
  "update accounts set password_hash = ?, must_change_password = 0, session_epoch = session_epoch + 1 where id = ?",
);

/** The account's login (its mobile), to sign it in again after a change. */
export async function loginOf(accountId: number): Promise<string | null> {
  return (await accountById().get(accountId))?.login ?? null;
}

/** Changes the account's own password; `address` is the client's, as the login limits read it. */
export async function changeOwnPassword(
  accountId: number,
  input: { current: string; password: string },
  address: string,
): Promise<PasswordResult> {
  const action = "account.password_change";
  const account = await accountById().get(accountId);
  if (!account || account.disabled) return { ok: false, errors: { current: ["current_wrong"] }, message: "invalid" };
  if (input.password === input.current) return { ok: false, errors: { password: ["password_same"] }, message: "invalid" };
  const weak = passwordProblem(input.password, account.login);
  if (weak) return { ok: false, errors: { password: [weak] }, message: "invalid" };

  // Wrong current passwords share the login's budget (5 in 15 minutes): this form is no way around it.
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000).toISOString();
  if ((await failuresOf().get(account.login, since))!.n >= MAX_FAILURES) {
    await writeAudit({ actorAccountId: account.id, action, targetType: "account", targetId: account.id, after: { address, reason: "rate_limited" }, outcome: "failed" });
    return rateLimited;
  }
  if (!(await verifyPassword(input.current, account.hash))) {
    await transaction(async () => {
      await recordAttempt().run(account.login, address, 0);
      await writeAudit({ actorAccountId: account.id, action, targetType: "account", targetId: account.id, after: { address, reason: "current_wrong" }, outcome: "failed" });
    });
    return { ok: false, errors: { current: ["current_wrong"] }, message: "invalid" };
  }
  const hash = hashPasswordSync(input.password);
  await transaction(async () => {
    // Checked again under the write lock: a reset by an admin meanwhile wins over this change.
    if ((await accountById().get(account.id))?.hash !== account.hash) throw new Error("password changed meanwhile");
    await setOwnPassword().run(hash, account.id);
    await writeAudit({ actorAccountId: account.id, action, targetType: "account", targetId: account.id, after: { login: account.login } });
  });
  return { ok: true };
}

/** Requests from one address in an hour, known numbers or not, before it must wait. */
export const RESET_REQUESTS_PER_HOUR = 5;

const accountByLogin = query<[string], { id: number; disabled: number }>("select id, disabled from accounts where login = ?");
const requestsFrom = query<[string, string], { n: number }>(
  (d) => `select count(*) as n from audit_log where action = 'account.reset_request' and at > ? and ${d.jsonText("after", "address")} = ?`,
);
const openRequestOf = query<[number], { id: number }>(
  "select id from password_reset_requests where account_id = ? and resolved_at is null limit 1",
);
const insertRequest = query<[number], never>("insert into password_reset_requests (account_id) values (?)");
const accountUnit = query<[number, number], { unitId: number | null }>(
  `select coalesce(
     (select g.unit_id from grants g join units u on u.id = g.unit_id where g.account_id = ? order by length(u.path), u.path limit 1),
     (select p.home_unit_id from accounts a join people p on p.id = a.person_id where a.id = ?)
   ) as "unitId"`,
);

/**
 * "Forgot password" for a mobile number: a request for its account, if it has one and no request
 * is open yet. The answer is { ok: true } either way (no account oracle); only the address limit
 * answers otherwise, and it counts unknown numbers too. Every request is audited (the number is
 * not: an unknown one may be anybody's).
 */
export function requestPasswordReset(rawMobile: string, address: string): Promise<{ ok: true } | { ok: false; message: "rate_limited" }> {
  const login = normaliseMobile(rawMobile);
  return transaction(async () => {
    const since = new Date(Date.now() - 60 * 60_000).toISOString();
    if ((await requestsFrom().get(since, address))!.n >= RESET_REQUESTS_PER_HOUR) return { ok: false as const, message: "rate_limited" as const };
    const account = login ? await accountByLogin().get(login) : undefined;
    const stored = account && !account.disabled && !(await openRequestOf().get(account.id));
    if (stored) await insertRequest().run(account.id);
    await writeAudit({
      actorAccountId: null,
      action: "account.reset_request",
      targetType: "account",
      targetId: account?.id ?? null,
      unitId: account ? (await accountUnit().get(account.id, account.id))!.unitId : null,
      after: { address, stored: Boolean(stored) },
    });
    return { ok: true as const };
  });
}

export type ResetRequest = { requestId: number; accountId: number; login: string; name: string; createdAt: string };

const openRequests = query<[], ResetRequest>(
  `select r.id as "requestId", a.id as "accountId", a.login, coalesce(pe.name_hi, a.display_name) as name, r.created_at as "createdAt"
   from password_reset_requests r join accounts a on a.id = r.account_id left join people pe on pe.id = a.person_id
   where r.resolved_at is null and a.disabled = 0
   order by r.created_at, r.id`,
);

/**
 * The open reset requests of the accounts the admin manages (the accounts page's own rule), oldest
 * first; null for a non-admin. Open requests are few: one per account at most.
 */
export async function openResetRequests(viewer: Viewer): Promise<ResetRequest[] | null> {
  if (!isAdmin(viewer)) return null;
  const open: ResetRequest[] = [];
  for (const r of await openRequests().all()) if (await accountInAdminScope(viewer, r.accountId)) open.push(r);
  return open;
}
