/**
 * The address a meeting's calendar entry links to. AUTH_URL (README "Configuration": the public
 * URL behind a reverse proxy) when it is set; otherwise the request's Host header, which the app
 * already trusts for sign-in (lib/auth/config.ts, trustHost) — but only a real name: a loopback
 * host ("localhost", 127.x, [::1]) is the machine talking to itself and would send a phone
 * nowhere. Null when neither is known: the entry then has no link rather than a wrong one.
 */
export function meetingUrl(meetingId: number, authUrl: string | undefined, host: string | null, proto: string | null): string | null {
  const path = `/meetings/${meetingId}`;
  const configured = authUrl?.trim();
  if (configured) {
    try {
      const base = new URL(configured);
      if (base.protocol === "https:" || base.protocol === "http:") return new URL(path, base.origin).toString();
    } catch {
      // An unreadable AUTH_URL is treated as unset.
    }
  }
  const h = (host ?? "").trim().toLowerCase();
  if (!/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$/.test(h) && !/^\[[0-9a-f:.]+\](?::\d{1,5})?$/.test(h)) return null;
  const name = h.replace(/:\d+$/, "");
  if (name === "localhost" || name.endsWith(".localhost") || /^127\./.test(name) || name === "[::1]" || name === "0.0.0.0") return null;
  const scheme = proto?.split(",")[0].trim().toLowerCase() === "https" ? "https" : "http";
  return `${scheme}://${h}${path}`;
}
