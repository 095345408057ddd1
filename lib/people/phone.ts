import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/**
 * An Indian mobile typed any common way ("98765 43210", "+91-98765-43210", "09876543210",
 * "919876543210") → E.164 ("+919876543210"); null when it is not a valid Indian mobile.
 * The full metadata ("/max") is needed: the default one takes landlines such as 5876543210.
 */
export function normaliseMobile(input: string): string | null {
  // Phones with a Hindi keyboard type Devanagari digits (९८७६५…).
  const cleaned = input
    .normalize("NFKC")
    .replace(/[\u0966-\u096F]/g, (d) => String(d.charCodeAt(0) - 0x0966))
    .replace(/[\s\-().\u200B-\u200D\uFEFF]/g, "");
  if (!/^\+?\d{10,13}$/.test(cleaned)) return null;
  const phone = parsePhoneNumberFromString(cleaned, "IN");
  if (!phone || phone.country !== "IN" || !phone.isValid()) return null;
  const type = phone.getType();
  if (type !== "MOBILE" && type !== "FIXED_LINE_OR_MOBILE") return null;
  return phone.number;
}

/** "+919000000001" → "90000 00001", the way Indians write a mobile. */
export function formatMobile(e164: string): string {
  const national = e164.startsWith("+91") ? e164.slice(3) : e164;
  return national.length === 10 ? `${national.slice(0, 5)} ${national.slice(5)}` : national;
}
