/**
 * The offline worker's rules, pure (no service-worker globals): what may be kept, whose it is,
 * and how a kept page, the offline page and an offline search are written. lib/offline/sw.ts
 * applies them; scripts/build-sw.ts bundles both into public/sw.js.
 */
import { IDLE_SECONDS, SESSION_MAX_AGE } from "../auth/limits";
import { formatClock } from "../i18n/names";

/** The name under which the page HTML carries its session's offline key (app/layout.tsx). */
export const KEY_META = "offline-key";

/** Offline copies outlive no session: a session lasts at most 12 hours (lib/auth/limits.ts). */
export const MAX_AGE_MS = SESSION_MAX_AGE * 1000;

/** Nor an idle phone: the server logs out a browser left alone this long (proxy.ts, IDLE_SECONDS). */
export const IDLE_MS = IDLE_SECONDS * 1000;

/**
 * Whether the copies saved for a session may still be read: not when the session began longer
 * ago than any session lives, nor when the last time this phone reached the server is longer ago
 * than the server's idle logout (the server has logged the phone out by then).
 */
export function copiesExpired(session: { since: number; lastActive?: number }, now: number, idleMs = IDLE_MS): boolean {
  if (now - session.since > MAX_AGE_MS) return true;
  const lastActive = session.lastActive ?? session.since;
  return now - lastActive > idleMs;
}

/** At most this many pages are kept for one account; the oldest go first. */
export const MAX_PAGES = 600;

// Only reading pages are kept: home, units, people. Edit forms, admin, audit, imports, exports,
// login and account pages live at other paths (and the proxy marks them `x-offline: no-store`).
const KEEPABLE = /^\/(?:|units\/\d{1,12}|people\/\d{1,12})$/;

export function isKeepable(url: URL, origin: string): boolean {
  return url.origin === origin && KEEPABLE.test(url.pathname);
}

/** Static files: content-hashed build output, the app's icons, manifest and fonts. */
export function isStatic(url: URL, origin: string): boolean {
  if (url.origin !== origin) return false;
  return (
    url.pathname.startsWith("/_next/static/") ||
    url.pathname.startsWith("/icons/") ||
    url.pathname === "/icon.svg" ||
    url.pathname === "/manifest.webmanifest" ||
    /\.(?:woff2?|ttf)$/.test(url.pathname)
  );
}

/** Build output under /_next/static/ never changes under its name: no need to ask again. */
export function isImmutable(url: URL): boolean {
  return url.pathname.startsWith("/_next/static/");
}

/** The offline-key meta's value on a page rendered for no session (app/layout.tsx): a sign of logout. */
export const NO_SESSION = "none";

/**
 * Whose session a page from the network was rendered for: a key; "none" only for a full page
 * (status 200) rendered by the app's layout for no session (the login page after logout or the
 * session's end); otherwise unknown (404 and error shells, 5xx, responses without the meta),
 * which must never forget the account.
 */
export type PageSession = { kind: "key"; key: string } | { kind: "none" } | { kind: "unknown" };

export function pageSession(html: string, status: number): PageSession {
  const key = readKey(html);
  if (key) return { kind: "key", key };
  if (status === 200 && new RegExp(`<meta\\s+name="${KEY_META}"\\s+content="${NO_SESSION}"`).test(html)) return { kind: "none" };
  return { kind: "unknown" };
}

/** The key for a kept page: its path and query (a sorted table is another copy of the same page). */
export function pageKey(url: URL): string {
  return url.origin + url.pathname + url.search;
}

/** The session's offline key in a page, or null when the page was rendered for no one. */
export function readKey(html: string): string | null {
  const match = /<meta\s+name="offline-key"\s+content="([A-Za-z0-9_-]{8,64})"/.exec(html);
  return match ? match[1] : null;
}

export function readLang(html: string): "hi" | "en" {
  return /<html[^>]*\slang="en"/.test(html) ? "en" : "hi";
}

/** "दोपहर 3:04" / "3:04 pm", in India's time, as the app writes times everywhere (lib/i18n/names.ts). */
export function formatTime(at: Date, lang: "hi" | "en"): string {
  return formatClock(lang, at);
}

/**
 * A kept page as shown offline: the banner the layout renders hidden (data-offline-banner) is
 * shown with the time it was saved. React leaves both as they are (suppressHydrationWarning).
 */
export function showOfflineBanner(html: string, savedAt: Date, lang: "hi" | "en"): string {
  return html
    .replace(/(<p[^>]*data-offline-banner="true"[^>]*?)\shidden=""/, "$1")
    .replace(/(<time[^>]*data-offline-time="true"[^>]*>)[^<]*(<\/time>)/, `$1${formatTime(savedAt, lang)}$2`);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * The worker serves the offline page (app/offline) without its scripts: it is plain HTML, so the
 * section for this moment can be shown and filled in without React putting it back.
 */
export function withoutScripts(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "").replace(/<link[^>]*\bas="script"[^>]*>/gi, "");
}

export type OfflineMode = "page" | "search" | "post" | "logout";

export function offlinePage(html: string, mode: OfflineMode, fill: { query?: string; results?: string } = {}): string {
  let out = withoutScripts(html).replace(new RegExp(`(<section[^>]*data-offline-mode="${mode}"[^>]*?)\\shidden=""`), "$1");
  if (fill.query !== undefined) out = out.split("{q}").join(escapeHtml(fill.query));
  if (fill.results !== undefined) out = out.replace(/(<div[^>]*data-offline-results="true"[^>]*>)(<\/div>)/, `$1${fill.results}$2`);
  return out;
}

export type SavedPage = { url: string; html: string; savedAt: Date };
export type Hit = { url: string; title: string; snippet: string };

function pageTitle(html: string): string {
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1];
  const title = h1 ?? /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? "";
  // The level tag beside a unit's name repeats it ("… मंडल मंडल").
  return decode(title.replace(/<span[^>]*class="level-tag"[^>]*>[\s\S]*?<\/span>/g, "").replace(/<[^>]+>/g, " "))
    .replace(/\s+/g, " ")
    .trim();
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The text a reader sees in a page's main part (no scripts, no tags). */
export function mainText(html: string): string {
  const main = /<main[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? html;
  return decode(
    main
      .replace(/<(script|style|textarea|template|thead)\b[\s\S]*?<\/\1>/gi, " ")
      .replace(/<[^>]+>/g, " "),
  )
    .replace(/\s+/g, " ")
    .trim();
}

const DEVANAGARI_ZERO = 0x0966;

/**
 * Text as offline search compares it, with where each character came from in the original:
 * any case; Devanagari digits as ASCII; a digit run read whole ("90000 00003", "90000-00003");
 * a mobile without its +91, 91 or 0 prefix. So "9000000003", "+91 90000 00003" and "९०००००००००३"
 * find the page showing "+91 90000 00003".
 */
export function foldWithMap(text: string): { folded: string; map: number[] } {
  const source = text.normalize("NFC");
  let chars: string[] = [];
  let map: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    const c = code >= DEVANAGARI_ZERO && code <= DEVANAGARI_ZERO + 9 ? String(code - DEVANAGARI_ZERO) : source[i].toLowerCase();
    for (const part of c) {
      chars.push(part);
      map.push(i);
    }
  }
  // Spaces and hyphens between two digits go.
  const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
  const keep: boolean[] = chars.map(() => true);
  for (let i = 0; i < chars.length; i++) {
    if (!/[\s\u00a0-]/.test(chars[i]) || !isDigit(chars[i - 1])) continue;
    let j = i;
    while (j < chars.length && /[\s\u00a0-]/.test(chars[j])) j++;
    if (isDigit(chars[j])) for (let k = i; k < j; k++) keep[k] = false;
    i = j - 1;
  }
  chars = chars.filter((_, i) => keep[i]);
  map = map.filter((_, i) => keep[i]);
  // A mobile's country or trunk prefix goes: +91, 91 or 0 before exactly ten digits.
  const joined = chars.join("");
  const drop = new Set<number>();
  for (const m of joined.matchAll(/(?:\+91|(?<!\d)91|(?<![\d+])0)(?=\d{10}(?!\d))/g)) {
    for (let k = m.index!; k < m.index! + m[0].length; k++) drop.add(k);
  }
  return { folded: chars.filter((_, i) => !drop.has(i)).join(""), map: map.filter((_, i) => !drop.has(i)) };
}

export const fold = (s: string) => foldWithMap(s).folded;

/**
 * Offline search: the saved pages whose text holds every word of the query (any case, either
 * script as typed), with the words around the first hit. Names and mobiles are on the pages.
 */
export function searchSaved(pages: SavedPage[], query: string, limit = 30): Hit[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits: Hit[] = [];
  for (const page of pages) {
    const text = mainText(page.html).normalize("NFC");
    const { folded, map } = foldWithMap(text);
    if (!words.every((w) => folded.includes(w))) continue;
    const foundAt = folded.indexOf(words[0]);
    // Where the first word is in the text as shown (a folded mobile is shorter than shown).
    const at = map[foundAt];
    const hitEnd = map[foundAt + words[0].length - 1] + 1;
    // From a word's start, so no letter is cut from its vowel signs.
    const start = at <= 40 ? 0 : text.indexOf(" ", at - 40) + 1;
    const end = text.indexOf(" ", hitEnd + 60);
    const snippet = (start > 0 ? "…" : "") + text.slice(start, end < 0 ? undefined : end) + (end < 0 ? "" : "…");
    hits.push({ url: page.url, title: pageTitle(page.html), snippet });
    if (hits.length >= limit) break;
  }
  return hits;
}

export function renderHits(hits: Hit[], origin: string): string {
  if (hits.length === 0) return "";
  return `<ul class="result-list">${hits
    .map((h) => {
      const path = h.url.startsWith(origin) ? h.url.slice(origin.length) : h.url;
      return `<li class="card"><a href="${escapeHtml(path)}">${escapeHtml(h.title || path)}</a><p class="small muted">${escapeHtml(h.snippet)}</p></li>`;
    })
    .join("")}</ul>`;
}
