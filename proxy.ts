import { NextResponse, type NextRequest } from "next/server";
import { IDLE_SECONDS, MAX_NEXT_LENGTH } from "@/lib/auth/limits";

/**
 * Runs before every page, server action and API route (not static files or /healthz), and decodes
 * nothing: every page and action checks the session and grants itself. It only
 * - sets a Content-Security-Policy with a fresh nonce, which Next reads from the request's CSP
 *   header and puts on its own scripts;
 * - redirects to /login when there is no session cookie, or when the browser has been idle;
 * - sends HSTS when the site is configured as HTTPS;
 * - gives the request an id (x-request-id, kept if a reverse proxy set one) for the logs.
 */

const SESSION_COOKIE = /^(?:__Secure-)?authjs\.session-token(?:\.\d+)?$/;
// Paths anyone may reach: the login page and its action, next-auth's own routes, the health check,
// the page the service worker shows for what it has not saved (it holds no account data).
const PUBLIC_PATH = /^\/(?:login|healthz|api\/auth|offline)(?:\/|$)/;
// Pages the service worker must never keep a copy of, whatever its own list says (public/sw.js
// keeps only unit, person and home pages): admin, audit, exports, imports, edit forms, login, account.
const NEVER_OFFLINE =
  /^\/(?:admin|login|account|api\/(?:export|import)(?:\/|$)|units\/\d+\/(?:seats|manage|import)(?:\/|$)|people\/\d+\/edit(?:\/|$))/;

// A session cookie lasts 12 hours (lib/auth/config.ts). A browser left alone for longer than this
// is logged out sooner: the last request's time rides in a plain cookie, re-set on every
// response (a few bytes, no JWT re-signing). It guards an unattended phone, not a stolen cookie:
// whoever holds the session cookie can also write this one. A client that never received it
// (curl, the benchmarks) is not subject to it.
const ACTIVITY_COOKIE = "last-active";

// Read at request time, not frozen into the build as next.config.ts headers() are: `npm start`
// does not rebuild when only the environment changes. Over plain http (local, e2e) it is left out.
const HSTS = "max-age=31536000";
const servedOverHttps = () => /^https:\/\//i.test(process.env.AUTH_URL ?? "");

function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': the nonced scripts Next writes may load the page's chunks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""}`,
    // React and Next write style attributes and <style> tags while streaming, which a nonce cannot
    // cover (attributes carry none); styles cannot run script, so inline styles stay allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The offline service worker (public/sw.js), and nothing else may run as a worker.
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

function withoutSessionCookies(cookieHeader: string): string {
  return cookieHeader
    .split(";")
    .filter((part) => !SESSION_COOKIE.test(part.split("=")[0].trim()))
    .join(";");
}

export function proxy(request: NextRequest) {
  const incoming = request.headers.get("x-request-id") ?? "";
  const requestId = /^[\w-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
  const csp = contentSecurityPolicy(Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64"));
  const now = Math.floor(Date.now() / 1000);
  const sessionCookies = request.cookies.getAll().filter((c) => SESSION_COOKIE.test(c.name));
  const lastActive = request.cookies.get(ACTIVITY_COOKIE)?.value ?? "";
  const idle = sessionCookies.length > 0 && /^\d{1,12}$/.test(lastActive) && now - Number(lastActive) > IDLE_SECONDS;
  const isPublic = PUBLIC_PATH.test(request.nextUrl.pathname);
  const safeMethod = request.method === "GET" || request.method === "HEAD";
  // A POST to a public path while idle is a fresh login: its new session cookie must not be cleared.
  const endSession = idle && (!isPublic || safeMethod);

  let response: NextResponse;
  if (!isPublic && (sessionCookies.length === 0 || idle)) {
    const url = request.nextUrl.clone();
    const next = request.nextUrl.pathname + request.nextUrl.search;
    url.pathname = "/login";
    // A page address longer than any of ours is not carried: the login form would refuse it, and
    // encoded once more it could outgrow the request line the login page is asked with (431).
    url.search = next && next !== "/" && next.length <= MAX_NEXT_LENGTH ? `?next=${encodeURIComponent(next)}` : "";
    response = NextResponse.redirect(url);
  } else {
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", csp);
    headers.set("x-request-id", requestId);
    if (endSession) headers.set("cookie", withoutSessionCookies(headers.get("cookie") ?? ""));
    response = NextResponse.next({ request: { headers } });
  }

  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("x-request-id", requestId);
  if (NEVER_OFFLINE.test(request.nextUrl.pathname)) response.headers.set("x-offline", "no-store");
  if (servedOverHttps()) response.headers.set("Strict-Transport-Security", HSTS);
  const secure = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  if (endSession) {
    for (const { name } of sessionCookies) {
      response.cookies.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: secure || name.startsWith("__Secure-") });
    }
  }
  // On every response, the login's own included (its redirect to the home page renders in the same
  // response, so no later request would start the clock).
  // Not for the offline worker's background saving after a login (lib/offline/sw.ts): a phone left
  // alone must still be logged out after two idle hours.
  if (request.headers.get("x-offline-background") !== "1") {
    response.cookies.set(ACTIVITY_COOKIE, String(now), { path: "/", maxAge: 7 * 24 * 60 * 60, httpOnly: true, sameSite: "lax", secure });
  }
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|healthz|sw\\.js|manifest\\.webmanifest|icons/).*)"],
};
