import { z } from "zod";
import { ROLES } from "@/db/schema";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { MAX_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { normaliseMobile } from "@/lib/people/phone";
import { MAX_ROW_ID } from "@/lib/validation/row-id";

// Messages are codes; the action turns them into a sentence in the user's language (admin.errors.*).
export { MAX_PASSWORD_LENGTH };

const id = z.coerce.number("invalid").int("invalid").positive("required").max(MAX_ROW_ID, "invalid");
const optionalId = z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v), id.nullable());

export const passwordSchema = z
  .string("password_short")
  .min(MIN_PASSWORD_LENGTH, "password_short")
  .max(MAX_PASSWORD_LENGTH, "password_long");

/** An Indian mobile typed any common way, as E.164. */
export const mobileSchema = z
  .string("mobile_invalid")
  .max(40, "mobile_invalid")
  .transform((raw, ctx) => {
    const mobile = normaliseMobile(raw);
    if (mobile) return mobile;
    ctx.addIssue({ code: "custom", message: "mobile_invalid" });
    return z.NEVER;
  });

export const roleSchema = z.enum(ROLES, "invalid");

const grantFields = { unitId: id, role: roleSchema, bodyId: optionalId };

// Forms offer units down to mandal in a select; a deeper unit is typed by number, and then wins.
function preferTypedUnit(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null || !("otherUnitId" in raw)) return raw;
  const { otherUnitId, ...rest } = raw as Record<string, unknown>;
  const typed = typeof otherUnitId === "string" ? otherUnitId.trim() : "";
  return typed === "" ? rest : { ...rest, unitId: typed };
}

export const createAccountSchema = z.preprocess(
  preferTypedUnit,
  z.object({ mobile: mobileSchema, password: passwordSchema, ...grantFields }),
);
export type CreateAccount = z.infer<typeof createAccountSchema>;

export const addGrantSchema = z.preprocess(preferTypedUnit, z.object({ accountId: id, ...grantFields }));
export type AddGrant = z.infer<typeof addGrantSchema>;

export const removeGrantSchema = z.object({ grantId: id });
export type RemoveGrant = z.infer<typeof removeGrantSchema>;

export const resetPasswordSchema = z.object({ accountId: id, password: passwordSchema });
export type ResetPassword = z.infer<typeof resetPasswordSchema>;

export const setAccountDisabledSchema = z.object({
  accountId: id,
  disabled: z.enum(["true", "false"], "invalid").transform((v) => v === "true"),
});
export type SetAccountDisabled = z.infer<typeof setAccountDisabledSchema>;

/** One's own change: the current password (checked on the server), the new one typed twice. */
export const changePasswordSchema = z
  .object({
    current: z.string("current_required").min(1, "current_required").max(MAX_PASSWORD_LENGTH, "current_wrong"),
    password: passwordSchema,
    repeat: z.string("repeat_differs"),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.repeat) ctx.addIssue({ code: "custom", path: ["repeat"], message: "repeat_differs" });
  });
export type ChangePassword = z.infer<typeof changePasswordSchema>;

/** "Forgot password": the mobile number alone. */
export const resetRequestSchema = z.object({ mobile: mobileSchema });
