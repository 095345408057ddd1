/**
 * Every action name the app writes to the audit log, and whether the action itself is a refusal
 * (its sentence already tells what was refused). lib/audit/actions.test.ts checks this list against
 * the source and the messages: a new action without a sentence fails the tests.
 */
export const AUDIT_ACTIONS = {
  "tenure.assign": {},
  "tenure.assign.person": { refusal: true },
  "tenure.replace": {},
  "tenure.vacate": {},
  "tenure.reachable": {},
  "person.create": {},
  "person.update": {},
  "person.out_of_scope_match": { refusal: true },
  "person.out_of_scope_limit": { refusal: true },
  "unit.add": {},
  "unit.rename": {},
  "unit.whatsapp": {},
  "unit.move": {},
  "unit.move.cycle": { refusal: true },
  export: {},
  "export.cancelled": {},
  import: { refusal: true },
  "import.apply": {},
  "login.failed": { refusal: true },
  "login.rate_limited": { refusal: true },
  "account.create": {},
  "account.create_cli": {},
  "account.password_reset": {},
  "account.disable": {},
  "account.enable": {},
  "account.password_change": {},
  "account.reset_request": {},
  "grant.add": {},
  "grant.remove": {},
  "access_request.accept": {},
  "access_request.decline": {},
  "drive.create": {},
  "drive.close": {},
  "drive.export": {},
  "meeting.create": {},
  "meeting.update": {},
  "meeting.attendance": {},
  "meeting.walk_in": {},
  "meeting.minutes": {},
  "meeting.press_note": {},
  "meeting.export": {},
  "meeting.export_cancelled": {},
} as const satisfies Record<string, { refusal?: boolean }>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** The message key of an action: dots are path separators in next-intl, so they become "_". */
export const actionKey = (action: string) => action.replace(/\./g, "_");

export function isRefusal(action: string): boolean {
  return (AUDIT_ACTIONS as Record<string, { refusal?: boolean }>)[action]?.refusal === true;
}
