import { COMMON_PASSWORDS_TEXT } from "./common-passwords";
import { MIN_PASSWORD_LENGTH } from "./password";

/**
 * What every place that sets a password asks of it (account creation, an admin's reset, one's own
 * change, admin:create): long enough, not absurdly long, not one of the commonest passwords (nor
 * one with digits or symbols stuck on its ends, "rahul@1987"), no run of one character or a plain
 * sequence, and not the account's own mobile number. Answers a code the caller translates.
 */
export const MAX_PASSWORD_LENGTH = 200;

export type PasswordProblem = "password_short" | "password_long" | "password_common" | "password_mobile";

const COMMON = new Set(
  COMMON_PASSWORDS_TEXT.split("\n")
    .map((line) => line.trim())
    .filter(Boolean),
);

const SEQUENCES = ["0123456789012345678901234567890", "9876543210987654321098765432109", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm"];

function isCommon(password: string): boolean {
  const plain = password.toLowerCase().normalize("NFC").replace(/\s+/g, "");
  if (COMMON.has(plain)) return true;
  // The same word with digits or symbols on either end: "India@2024", "#rahul1987".
  const core = plain.replace(/^[\d\W_]+|[\d\W_]+$/gu, "");
  if (core.length >= 3 && COMMON.has(core)) return true;
  if (new Set(plain).size <= 2) return true;
  return plain.length >= 6 && SEQUENCES.some((s) => s.includes(plain));
}

/** The password's first problem, or null. `mobile` is the account's login (E.164 or any digits). */
export function passwordProblem(password: string, mobile?: string | null): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return "password_short";
  if (password.length > MAX_PASSWORD_LENGTH) return "password_long";
  const tenDigits = (mobile ?? "").replace(/\D/g, "").slice(-10);
  if (tenDigits.length === 10 && password.replace(/\D/g, "").includes(tenDigits)) return "password_mobile";
  if (isCommon(password)) return "password_common";
  return null;
}
