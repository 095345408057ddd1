import "server-only";
import { query, transaction } from "@/db";
import type { Role } from "@/db/schema";
import { writeAudit, type AuditEntry } from "@/lib/audit/log";
import { canWrite } from "@/lib/auth/grants";
import { deny, isRowId, loadUnit } from "@/lib/auth/guard";
import { hashPasswordSync } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import type { Viewer } from "@/lib/auth/session";
import { accountInAdminScope, isAdmin, personInAdminScope } from "@/lib/data/accounts";
import { normaliseMobile } from "@/lib/people/phone";
import {
  type AddGrant,
  type CreateAccount,
  type RemoveGrant,
  type ResetPassword,
  type SetAccountDisabled,
} from "@/lib/validation/accounts";

/**
 * Accounts and grants, as an admin changes them. Scope violations throw Denied (logged with outcome
 * "denied"); bad input comes back as error codes the action translates. Every change and its audit
 * row commit together.
 */
export type ServiceFailure = { ok: false; errors: Record<string, string[]>; message: string };
export type ServiceResult<T extends object = object> = ({ ok: true } & T) | ServiceFailure;

type TargetType = "account" | "person" | "unit" | "grant";
type Refusal = { denied: { targetType: TargetType; targetId: number | null; detail: Record<string, unknown> } };

const invalid = (errors: Record<string, string[]>): ServiceFailure => ({ ok: false, errors, message: "invalid" });
const refuse = (targetType: TargetType, targetId: number | null, detail: Record<string, unknown>): Refusal => ({
  denied: { targetType, targetId, detail },
});

/**
 * Runs checks and writes in one immediate transaction (the write lock is taken first, so the checks
 * still hold at commit). A refusal writes nothing there: its audit row is written after, as
 * throwing inside would roll the row back with the rest.
 */
async function transact<T extends object>(viewer: Viewer, action: string, work: () => Promise<T | Refusal>): Promise<T> {
  const outcome = await transaction(work);
  if ("denied" in outcome) {
    const { targetType, targetId, detail } = outcome.denied;
    return deny(viewer, action, targetType, targetId, detail);
  }
  return outcome;
}

async function requireAdmin(viewer: Viewer, action: string, targetId: number | null): Promise<void> {
  if (!isAdmin(viewer)) return deny(viewer, action, "account", targetId, { reason: "not_admin" });
}

/**
 * A grant the admin may give or take: on a unit inside one of their admin grants, never more than
 * they hold there (every role is ≤ admin), and within their body when that admin grant names one.
 */
function mayGrant(viewer: Viewer, unitPath: string, bodyId: number | null): boolean {
  return canWrite(viewer.grants, unitPath, "admin", bodyId);
}

const personByMobile = query<[string], { id: number; nameHi: string; mobile: string }>(
  "select id, name_hi as \"nameHi\", mobile from people where mobile = ?",
);
const accountClash = query<[string, number], { id: number }>(
  "select id from accounts where login = ? or person_id = ? limit 1",
);
const accountById = query<[number], { id: number; login: string; disabled: number }>(
  "select id, login, disabled from accounts where id = ?",
);
const bodyById = query<[number], { id: number; nameHi: string }>("select id, name_hi as \"nameHi\" from bodies where id = ?");
const grantById = query<
  [number],
  { id: number; accountId: number; unitId: number; unitPath: string; unitHi: string; role: Role; bodyId: number | null }
>(
  `select g.id, g.account_id as "accountId", g.unit_id as "unitId", u.path as "unitPath", u.name_hi as "unitHi", g.role, g.body_id as "bodyId"
   from grants g join units u on u.id = g.unit_id where g.id = ?`,
);
const sameGrant = query<[number, number, Role, number | null], { id: number }>(
  "select id from grants where account_id = ? and unit_id = ? and role = ? and body_id is not distinct from ?",
);
const adminGrantCount = query<[number], { n: number }>(
  "select count(*) as n from grants where account_id = ? and role = 'admin'",
);
// The unit an account-wide change is filed under, so the audit page shows it to the admins of that part.
const accountUnit = query<[number, number], { unitId: number | null }>(
  `select coalesce(
     (select g.unit_id from grants g join units u on u.id = g.unit_id where g.account_id = ? order by length(u.path), u.path limit 1),
     (select p.home_unit_id from accounts a join people p on p.id = a.person_id where a.id = ?)
   ) as "unitId"`,
);
const insertAccount = query<[number, string, string, string], { id: number }>(
  "insert into accounts (person_id, login, display_name, password_hash) values (?, ?, ?, ?) returning id",
);
const insertGrant = query<[number, number, Role, number | null], { id: number }>(
  "insert into grants (account_id, unit_id, role, body_id) values (?, ?, ?, ?) returning id",
);
const deleteGrant = query<[number], never>("delete from grants where id = ?");
// Both end the account's sessions everywhere (lib/auth/session.ts compares the epoch). A password an
// admin set is known to two people: its holder must choose their own at the next login.
const updatePassword = query<[string, number], never>(
  "update accounts set password_hash = ?, must_change_password = 1, session_epoch = session_epoch + 1 where id = ?",
);
const resolveResetRequests = query<[string, number], never>(
  "update password_reset_requests set resolved_at = ? where account_id = ? and resolved_at is null",
);
const updateDisabled = query<[number, number], never>("update accounts set disabled = ?, session_epoch = session_epoch + 1 where id = ?");

// Ids from a form: one that can name no row is unknown (never bound: see isRowId).
const findAccount = async (id: number) => (isRowId(id) ? accountById().get(id) : undefined);
const findBody = async (id: number) => (isRowId(id) ? bodyById().get(id) : undefined);
const findGrant = async (id: number) => (isRowId(id) ? grantById().get(id) : undefined);

async function grantRecord(grantId: number, unit: { id: number; nameHi: string }, role: Role, bodyId: number | null) {
  return { grantId, unitId: unit.id, unit: unit.nameHi, role, body: bodyId === null ? null : ((await findBody(bodyId))?.nameHi ?? bodyId) };
}

/** The audit row of a change to an account (in the change's own transaction), on the unit it concerns. */
async function auditAccount(viewer: Viewer, action: string, accountId: number, unitId: number | null, change: Pick<AuditEntry, "before" | "after">) {
  await writeAudit({ actorAccountId: viewer.accountId, action, targetType: "account", targetId: accountId, unitId, ...change });
}

/** A new account for a person in the admin's scope, logging in with the person's mobile, with a first grant. */
export async function createAccount(viewer: Viewer, input: CreateAccount): Promise<ServiceResult<{ accountId: number }>> {
  const action = "account.create";
  await requireAdmin(viewer, action, null);
  const errors: Record<string, string[]> = {};
  const mobile = normaliseMobile(input.mobile);
  if (!mobile) errors.mobile = ["mobile_invalid"];
  const weak = passwordProblem(input.password, mobile ?? input.mobile);
  if (weak) errors.password = [weak];
  if (!mobile || weak) return invalid(errors);
  // scrypt is the costly part: only for a request whose refusal is not certain already (checked
  // again under the write lock below).
  const likely = await personByMobile().get(mobile);
  const likelyUnit = await loadUnit(input.unitId);
  const mayProceed = likely && (await personInAdminScope(viewer, likely.id)) && likelyUnit && mayGrant(viewer, likelyUnit.path, input.bodyId) &&
    (input.bodyId === null || (await findBody(input.bodyId))) && !(await accountClash().get(mobile, likely.id));
  const passwordHash = mayProceed ? hashPasswordSync(input.password) : null;

  return transact(viewer, action, async () => {
    const person = await personByMobile().get(mobile);
    // An unknown number is refused like an out-of-scope one, so guessing numbers tells nothing.
    if (!person || !(await personInAdminScope(viewer, person.id))) {
      return refuse("person", person?.id ?? null, { reason: "person_out_of_scope", mobile });
    }
    const unit = await loadUnit(input.unitId);
    if (!unit || !mayGrant(viewer, unit.path, input.bodyId)) {
      return refuse("unit", input.unitId, { reason: "grant_out_of_scope", role: input.role, bodyId: input.bodyId });
    }
    if (input.bodyId !== null && !(await findBody(input.bodyId))) return invalid({ bodyId: ["invalid"] });
    if (await accountClash().get(mobile, person.id)) return invalid({ mobile: ["account_exists"] });
    if (!passwordHash) return refuse("person", person.id, { reason: "scope_changed" });

    const accountId = (await insertAccount().get(person.id, mobile, person.nameHi, passwordHash))!.id;
    const grantId = (await insertGrant().get(accountId, unit.id, input.role, input.bodyId))!.id;
    await auditAccount(viewer, action, accountId, unit.id, {
      after: { login: mobile, name: person.nameHi, personId: person.id, grant: await grantRecord(grantId, unit, input.role, input.bodyId) },
    });
    return { ok: true as const, accountId };
  });
}

export async function addGrant(viewer: Viewer, input: AddGrant): Promise<ServiceResult> {
  const action = "grant.add";
  await requireAdmin(viewer, action, input.accountId);
  return transact(viewer, action, async () => {
    if (!(await findAccount(input.accountId)) || !(await accountInAdminScope(viewer, input.accountId))) {
      return refuse("account", input.accountId, { reason: "account_out_of_scope" });
    }
    const unit = await loadUnit(input.unitId);
    if (!unit || !mayGrant(viewer, unit.path, input.bodyId)) {
      return refuse("account", input.accountId, { reason: "grant_out_of_scope", unitId: input.unitId, role: input.role, bodyId: input.bodyId });
    }
    if (input.bodyId !== null && !(await findBody(input.bodyId))) return invalid({ bodyId: ["invalid"] });
    if (await sameGrant().get(input.accountId, unit.id, input.role, input.bodyId)) return invalid({ unitId: ["grant_exists"] });

    const grantId = (await insertGrant().get(input.accountId, unit.id, input.role, input.bodyId))!.id;
    await auditAccount(viewer, action, input.accountId, unit.id, { after: await grantRecord(grantId, unit, input.role, input.bodyId) });
    return { ok: true as const };
  });
}

export async function removeGrant(viewer: Viewer, input: RemoveGrant): Promise<ServiceResult> {
  const action = "grant.remove";
  await requireAdmin(viewer, action, null);
  return transact(viewer, action, async () => {
    const grant = await findGrant(input.grantId);
    if (!grant || !(await accountInAdminScope(viewer, grant.accountId)) || !mayGrant(viewer, grant.unitPath, grant.bodyId)) {
      return refuse("account", grant?.accountId ?? null, { reason: "grant_out_of_scope", grantId: input.grantId });
    }
    // An admin who removed their own last admin grant would lock themselves (and maybe everyone) out.
    if (grant.accountId === viewer.accountId && grant.role === "admin" && (await adminGrantCount().get(viewer.accountId))!.n <= 1) {
      return refuse("account", grant.accountId, { reason: "own_last_admin", grantId: grant.id });
    }
    await deleteGrant().run(grant.id);
    await auditAccount(viewer, action, grant.accountId, grant.unitId, { before: await grantRecord(grant.id, { id: grant.unitId, nameHi: grant.unitHi }, grant.role, grant.bodyId) });
    return { ok: true as const };
  });
}

export async function resetPassword(viewer: Viewer, input: ResetPassword): Promise<ServiceResult> {
  const action = "account.password_reset";
  await requireAdmin(viewer, action, input.accountId);
  const target = await findAccount(input.accountId);
  const weak = passwordProblem(input.password, target?.login);
  if (weak) return invalid({ password: [weak] });
  const passwordHash = target && (await accountInAdminScope(viewer, target.id)) ? hashPasswordSync(input.password) : null;
  return transact(viewer, action, async () => {
    const account = await findAccount(input.accountId);
    if (!account || !(await accountInAdminScope(viewer, account.id)) || !passwordHash) {
      return refuse("account", input.accountId, { reason: "account_out_of_scope" });
    }
    await updatePassword().run(passwordHash, account.id);
    const resolved = (await resolveResetRequests().run(new Date().toISOString(), account.id)).changes;
    await auditAccount(viewer, action, account.id, (await accountUnit().get(account.id, account.id))!.unitId, {
      after: { login: account.login, mustChangePassword: true, ...(resolved > 0 ? { resolvedRequests: resolved } : {}) },
    });
    return { ok: true as const };
  });
}

export async function setAccountDisabled(viewer: Viewer, input: SetAccountDisabled): Promise<ServiceResult> {
  const action = input.disabled ? "account.disable" : "account.enable";
  await requireAdmin(viewer, action, input.accountId);
  return transact(viewer, action, async () => {
    const account = await findAccount(input.accountId);
    if (!account || !(await accountInAdminScope(viewer, account.id))) {
      return refuse("account", input.accountId, { reason: "account_out_of_scope" });
    }
    if (input.disabled && account.id === viewer.accountId) return refuse("account", account.id, { reason: "self" });
    if ((account.disabled === 1) === input.disabled) return { ok: true as const };
    await updateDisabled().run(input.disabled ? 1 : 0, account.id);
    await auditAccount(viewer, action, account.id, (await accountUnit().get(account.id, account.id))!.unitId, {
      before: { login: account.login, disabled: account.disabled === 1 },
      after: { login: account.login, disabled: input.disabled },
    });
    return { ok: true as const };
  });
}
