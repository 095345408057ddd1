/**
 * The offline service worker (bundled into public/sw.js by scripts/build-sw.ts; the rules it
 * applies are in ./worker-rules.ts, with tests).
 *
 * - Static files (build output, fonts, icons): from the cache first; build output never changes
 *   under its name, the rest is asked again in the background.
 * - Pages: from the network; when it fails or is slower than NETWORK_WAIT_MS, the copy saved for
 *   this session, with the "offline — saved at" banner; never opened: the offline page.
 * - Saved pages belong to one session: every page the server renders names its session's offline
 *   key (<meta name="offline-key">, and the layout's client component posts it); another key, or
 *   a full page rendered for no session (logged out, session ended: content="none") deletes every
 *   copy before anything else is kept or served. A 404 or error shell, a 5xx, a page without the
 *   meta tells nothing and forgets nothing. Only home, unit and person pages are kept; never a
 *   response marked `x-offline: no-store`.
 * - Copies are read for no longer than a session lives, nor after the server's idle logout counted
 *   from the last time this phone reached the server (worker-rules.ts, copiesExpired).
 * - A logout sent offline deletes every copy on the spot; the session is refused here until a page
 *   from the server says it ended (the client sends the logout again once online).
 * - A form sent offline is answered "nothing was saved", never queued. After a form was sent, pages
 *   wait for the network however slow it is: a copy saved before the change would mislead.
 */
import {
  MAX_PAGES,
  copiesExpired,
  isImmutable,
  isKeepable,
  isStatic,
  offlinePage,
  pageKey,
  pageSession,
  readKey,
  readLang,
  renderHits,
  searchSaved,
  showOfflineBanner,
  type OfflineMode,
  type SavedPage,
} from "./worker-rules";

type ExtendableEvent = Event & { waitUntil(p: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & { request: Request; respondWith(r: Response | Promise<Response>): void };
type MessageEvent = ExtendableEvent & { data: unknown };
type Worker = {
  location: Location;
  addEventListener(type: "install" | "activate", fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", fn: (e: FetchEvent) => void): void;
  addEventListener(type: "message", fn: (e: MessageEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
};
const sw = self as unknown as Worker;

const VERSION = "v1";
const STATIC_CACHE = `static-${VERSION}`;
const SHELL_CACHE = `shell-${VERSION}`;
const STATE_CACHE = "offline-state";
// Also read by the page (components/offline/offline-client.tsx) to finish a logout sent offline.
const STATE_URL = "/__offline-state";
const PAGES_PREFIX = "pages-";
const STATIC_MAX = 300;
// A page from the network wins when it comes within this; a slower one loses to the saved copy.
const NETWORK_WAIT_MS = 4000;
// After this browser sent a change, a slow network is waited for: the saved copy predates the change.
const AFTER_WRITE_MS = 5 * 60 * 1000;
let lastWriteAt = 0;
const ORIGIN = sw.location.origin;
const LOGOUT_FIELD = "offline-logout";
const SHELL = { hi: "/offline?lang=hi", en: "/offline?lang=en" } as const;

/**
 * key: the session whose copies are kept; since: when it was first seen here; lastActive: when this
 * phone last reached the server in it; loggedOut: a session logged out offline, not kept again
 * until the server says it ended (its logout is sent again once online, offline-client.tsx).
 */
type State = { key: string | null; lang: "hi" | "en"; since: number; lastActive?: number; loggedOut?: string | null };
let state: State | null = null;

async function loadState(): Promise<State> {
  if (state) return state;
  const saved = await (await caches.open(STATE_CACHE)).match(STATE_URL);
  state = saved ? ((await saved.json()) as State) : { key: null, lang: "hi", since: 0 };
  return state;
}

async function storeState(next: State) {
  state = next;
  await (await caches.open(STATE_CACHE)).put(STATE_URL, new Response(JSON.stringify(next)));
}

// Account changes and page writes run one at a time, so no copy lands in a cache being wiped.
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

async function wipeExcept(key: string | null) {
  for (const name of await caches.keys()) {
    if (name.startsWith(PAGES_PREFIX) && name !== PAGES_PREFIX + key) await caches.delete(name);
  }
}

/**
 * The session seen now: another one (or none) deletes every saved page first. True when the
 * session is new here: its own units are then saved (precacheOwnUnits), within the same event.
 * `active`: the server answered just now, in this session (the idle window starts again).
 */
function learnAccount(key: string | null, lang?: "hi" | "en", active = false): Promise<boolean> {
  return serially(async () => {
    const current = await loadState();
    const now = Date.now();
    // Logged out offline: this session is not kept again; "no session" from the server ends the wait.
    if (key !== null && key === current.loggedOut) return false;
    if (current.key === key) {
      const lastActive = active && key ? now : current.lastActive;
      // No session from the server: a logout sent offline is complete.
      const loggedOut = key === null ? null : current.loggedOut;
      if ((lang && lang !== current.lang) || lastActive !== current.lastActive || (loggedOut ?? null) !== (current.loggedOut ?? null)) {
        await storeState({ ...current, lang: lang ?? current.lang, lastActive, loggedOut });
      }
      return false;
    }
    await wipeExcept(key);
    await storeState({ key, lang: lang ?? current.lang, since: now, lastActive: now, loggedOut: key === null ? null : current.loggedOut });
    return true;
  });
}

/** Logout sent while offline: every copy goes now, and the session is not kept again. */
function forgetOffline(): Promise<void> {
  return serially(async () => {
    const current = await loadState();
    await wipeExcept(null);
    await storeState({ key: null, lang: current.lang, since: Date.now(), loggedOut: current.key ?? current.loggedOut ?? null });
  });
}

/** The session's pages, or null when there is none, or it is older than any session lives, or idle. */
async function pagesOf(current: State): Promise<Cache | null> {
  if (!current.key) return null;
  if (copiesExpired(current, Date.now())) {
    await learnAccount(null);
    return null;
  }
  return caches.open(PAGES_PREFIX + current.key);
}

/** Keeps a page rendered for `key` if it may be kept; returns whether it was. */
async function keep(url: URL, html: string, response: Response, key: string): Promise<boolean> {
  if (!isKeepable(url, ORIGIN) || response.status !== 200 || response.headers.get("x-offline") === "no-store") return false;
  if (readKey(html) !== key) return false;
  return serially(async () => {
    const current = await loadState();
    if (current.key !== key) return false;
    const cache = await caches.open(PAGES_PREFIX + key);
    const headers = new Headers({ "content-type": response.headers.get("content-type") ?? "text/html; charset=utf-8" });
    const csp = response.headers.get("content-security-policy");
    if (csp) headers.set("content-security-policy", csp);
    headers.set("x-offline-saved-at", String(Date.now()));
    await cache.put(pageKey(url), new Response(html, { headers }));
    const keys = await cache.keys();
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) await cache.delete(old);
    return true;
  });
}

/** What a page from the network tells: whose session it was rendered for, and a copy to keep. */
async function learnFrom(url: URL, response: Response) {
  if (!(response.headers.get("content-type") ?? "").includes("text/html")) return;
  const html = await response.text();
  const session = pageSession(html, response.status);
  // A 404 or error shell, a 5xx: nothing learnt, nothing forgotten.
  if (session.kind === "unknown") return;
  const key = session.kind === "key" ? session.key : null;
  const isNew = await learnAccount(key, readLang(html), true);
  if (key) await keep(url, html, response, key);
  if (isNew && key) await precacheOwnUnits(key);
}

async function savedCopy(url: URL): Promise<Response | null> {
  const current = await loadState();
  const cache = await pagesOf(current);
  if (!cache) return null;
  const hit = (await cache.match(pageKey(url))) ?? (await cache.match(url.origin + url.pathname, { ignoreSearch: true }));
  if (!hit) return null;
  const savedAt = new Date(Number(hit.headers.get("x-offline-saved-at")) || Date.parse(hit.headers.get("date") ?? "") || Date.now());
  const html = showOfflineBanner(await hit.text(), savedAt, current.lang);
  return new Response(html, { status: 200, headers: hit.headers });
}

const FALLBACK = `<!doctype html><html lang="hi"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>ऑफ़लाइन · Offline</title><main style="font-family:sans-serif;padding:1rem"><h1>आप ऑफ़लाइन हैं · You are offline</h1><p><a href="/">/</a></p></main></html>`;

async function offline(mode: OfflineMode, fill: { query?: string; results?: string } = {}, status = 503): Promise<Response> {
  const current = await loadState();
  const shell = await (await caches.open(SHELL_CACHE)).match(SHELL[current.lang]);
  const headers = { "content-type": "text/html; charset=utf-8", "content-security-policy": "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:" };
  if (!shell) return new Response(FALLBACK, { status, headers });
  return new Response(offlinePage(await shell.text(), mode, fill), { status, headers });
}

async function offlineSearch(url: URL): Promise<Response> {
  const query = (url.searchParams.get("q") ?? "").slice(0, 100);
  const cache = await pagesOf(await loadState());
  const pages: SavedPage[] = [];
  if (cache) {
    for (const request of await cache.keys()) {
      const hit = await cache.match(request);
      if (hit) pages.push({ url: request.url, html: await hit.text(), savedAt: new Date(Number(hit.headers.get("x-offline-saved-at"))) });
    }
  }
  return offline("search", { query, results: renderHits(searchSaved(pages, query), ORIGIN) }, 200);
}

const sleep = (ms: number) => new Promise<"slow">((resolve) => setTimeout(() => resolve("slow"), ms));

async function page(event: FetchEvent): Promise<Response> {
  const url = new URL(event.request.url);
  const network = fetch(event.request).then((response) => {
    if (response.type !== "opaqueredirect") event.waitUntil(learnFrom(url, response.clone()));
    return response;
  });
  try {
    if (Date.now() - lastWriteAt < AFTER_WRITE_MS) return await network;
    const first = await Promise.race([network, sleep(NETWORK_WAIT_MS)]);
    if (first !== "slow") return first;
    // Slow: the saved copy if there is one, else keep waiting (the copy is refreshed either way).
    event.waitUntil(network.catch(() => undefined));
    return (await savedCopy(url)) ?? (await network);
  } catch {
    if (url.pathname === "/search") return offlineSearch(url);
    return (await savedCopy(url)) ?? offline("page");
  }
}

/**
 * A form sent as a page (before the scripts run): the server's answer, or "nothing was saved". A
 * logout (its form carries `offline-logout`, components/site-header.tsx) deletes the copies anyway.
 */
async function formPost(request: Request): Promise<Response> {
  const body = request.clone();
  try {
    return await fetch(request);
  } catch {
    const isLogout = await body
      .formData()
      .then((data) => data.has(LOGOUT_FIELD))
      .catch(() => false);
    if (!isLogout) return offline("post");
    await forgetOffline();
    return offline("logout");
  }
}

/** "Save for offline" (components/offline/save-offline.tsx): fetch a page now and keep it. */
async function saveForOffline(url: URL): Promise<Response> {
  const current = await loadState();
  let saved = false;
  if (current.key && isKeepable(url, ORIGIN)) {
    const response = await fetch(url.href, { credentials: "same-origin" });
    const html = await response.text();
    saved = await keep(url, html, response, current.key);
  }
  return new Response(JSON.stringify({ saved }), { headers: { "content-type": "application/json", "x-offline-saved": saved ? "1" : "0" } });
}

async function precacheOwnUnits(key: string) {
  try {
    // Background work, not the person's: marked so it does not count as activity (the idle logout).
    const background = { credentials: "same-origin", headers: { "x-offline-background": "1" } } as const;
    const response = await fetch("/api/offline/own", background);
    if (!response.ok) return;
    const { key: listedFor, urls } = (await response.json()) as { key: string | null; urls: string[] };
    if (listedFor !== key) return;
    for (const path of urls) {
      if ((await loadState()).key !== key) return;
      const url = new URL(path, ORIGIN);
      const page = await fetch(url.href, background);
      await keep(url, await page.text(), page, key);
    }
  } catch {
    // Offline or logged out halfway: what was kept stays until the session changes.
  }
}

async function fromCacheFirst(event: FetchEvent, url: URL): Promise<Response> {
  const cache = await caches.open(STATIC_CACHE);
  const hit = await cache.match(event.request, { ignoreVary: true });
  const refresh = fetch(event.request).then(async (response) => {
    if (response.ok && response.type === "basic") {
      await cache.put(event.request, response.clone());
      const keys = await cache.keys();
      for (const old of keys.slice(0, Math.max(0, keys.length - STATIC_MAX))) await cache.delete(old);
    }
    return response;
  });
  if (hit) {
    if (!isImmutable(url)) event.waitUntil(refresh.catch(() => undefined));
    return hit;
  }
  return refresh;
}

sw.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL_CACHE);
      // Without cookies: the offline page holds no account's name or data.
      await Promise.all(Object.values(SHELL).map(async (path) => shell.put(path, await fetch(path, { credentials: "omit" }))));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const current = [STATIC_CACHE, SHELL_CACHE, STATE_CACHE];
      for (const name of await caches.keys()) {
        if (!current.includes(name) && !name.startsWith(PAGES_PREFIX)) await caches.delete(name);
      }
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener("message", (event) => {
  const data = event.data as { type?: string; key?: unknown; lang?: unknown; active?: unknown } | null;
  if (data?.type === "logout") return event.waitUntil(forgetOffline());
  if (data?.type !== "account") return;
  const key = typeof data.key === "string" && /^[A-Za-z0-9_-]{8,64}$/.test(data.key) ? data.key : null;
  event.waitUntil(
    learnAccount(key, data.lang === "en" ? "en" : "hi", data.active === true).then((isNew) => (isNew && key ? precacheOwnUnits(key) : undefined)),
  );
});

sw.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== ORIGIN) return;
  if (request.method !== "GET" && request.method !== "HEAD" && !/^\/(?:login|api\/auth)(?:\/|$)/.test(url.pathname)) lastWriteAt = Date.now();
  if (request.method === "POST" && request.mode === "navigate") return event.respondWith(formPost(request));
  if (request.method !== "GET") return;
  if (request.headers.get("x-offline-save") === "1") return event.respondWith(saveForOffline(url));
  if (isStatic(url, ORIGIN)) return event.respondWith(fromCacheFirst(event, url));
  if (request.mode === "navigate") return event.respondWith(page(event));
});
