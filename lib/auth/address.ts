import { isIP } from "node:net";

/** An address as stored and counted: a valid IPv4/IPv6 address, else "unknown" (never free text). */
export function safeAddress(address: string | null | undefined): string {
  let a = (address ?? "").trim();
  if (a.length > 64) return "unknown";
  // An IPv4 client on a dual-stack socket shows as ::ffff:192.0.2.1.
  if (a.toLowerCase().startsWith("::ffff:") && isIP(a.slice(7)) === 4) a = a.slice(7);
  return isIP(a) ? a.toLowerCase() : "unknown";
}
