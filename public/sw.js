// Generated from lib/offline/sw.ts by `npx tsx scripts/build-sw.ts`: edit the source, not this file.
"use strict";
(() => {
  // lib/auth/limits.ts
  var MAX_FAILURES = 5;
  var MAX_FAILURES_PER_ADDRESS = MAX_FAILURES * 4;
  var SESSION_MAX_AGE = 12 * 60 * 60;
  var IDLE_SECONDS = 2 * 60 * 60;

  // lib/i18n/names.ts
  var HINDI_DAY_PARTS = [
    [4, "रात"],
    [12, "सुबह"],
    [16, "दोपहर"],
    [20, "शाम"],
    [24, "रात"]
  ];
  function clockOf(locale, hour, minute) {
    const clock = `${hour % 12 === 0 ? 12 : hour % 12}:${minute}`;
    return locale === "hi" ? `${HINDI_DAY_PARTS.find(([until]) => hour < until)[1]} ${clock}` : `${clock} ${hour < 12 ? "am" : "pm"}`;
  }
  function formatClock(locale, at) {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Kolkata", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at).map((p) => [p.type, p.value])
    );
    return clockOf(locale, Number(parts.hour), parts.minute);
  }

  // lib/offline/worker-rules.ts
  var KEY_META = "offline-key";
  var MAX_AGE_MS = SESSION_MAX_AGE * 1e3;
  var IDLE_MS = IDLE_SECONDS * 1e3;
  function copiesExpired(session, now, idleMs = IDLE_MS) {
    if (now - session.since > MAX_AGE_MS) return true;
    const lastActive = session.lastActive ?? session.since;
    return now - lastActive > idleMs;
  }
  var MAX_PAGES = 600;
  var KEEPABLE = /^\/(?:|units\/\d{1,12}|people\/\d{1,12})$/;
  function isKeepable(url, origin) {
    return url.origin === origin && KEEPABLE.test(url.pathname);
  }
  function isStatic(url, origin) {
    if (url.origin !== origin) return false;
    return url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/") || url.pathname === "/icon.svg" || url.pathname === "/manifest.webmanifest" || /\.(?:woff2?|ttf)$/.test(url.pathname);
  }
  function isImmutable(url) {
    return url.pathname.startsWith("/_next/static/");
  }
  var NO_SESSION = "none";
  function pageSession(html, status) {
    const key = readKey(html);
    if (key) return { kind: "key", key };
    if (status === 200 && new RegExp(`<meta\\s+name="${KEY_META}"\\s+content="${NO_SESSION}"`).test(html)) return { kind: "none" };
    return { kind: "unknown" };
  }
  function pageKey(url) {
    return url.origin + url.pathname + url.search;
  }
  function readKey(html) {
    const match = /<meta\s+name="offline-key"\s+content="([A-Za-z0-9_-]{8,64})"/.exec(html);
    return match ? match[1] : null;
  }
  function readLang(html) {
    return /<html[^>]*\slang="en"/.test(html) ? "en" : "hi";
  }
  function formatTime(at, lang) {
    return formatClock(lang, at);
  }
  function showOfflineBanner(html, savedAt, lang) {
    return html.replace(/(<p[^>]*data-offline-banner="true"[^>]*?)\shidden=""/, "$1").replace(/(<time[^>]*data-offline-time="true"[^>]*>)[^<]*(<\/time>)/, `$1${formatTime(savedAt, lang)}$2`);
  }
  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }
  function withoutScripts(html) {
    return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "").replace(/<link[^>]*\bas="script"[^>]*>/gi, "");
  }
  function offlinePage(html, mode, fill = {}) {
    let out = withoutScripts(html).replace(new RegExp(`(<section[^>]*data-offline-mode="${mode}"[^>]*?)\\shidden=""`), "$1");
    if (fill.query !== void 0) out = out.split("{q}").join(escapeHtml(fill.query));
    if (fill.results !== void 0) out = out.replace(/(<div[^>]*data-offline-results="true"[^>]*>)(<\/div>)/, `$1${fill.results}$2`);
    return out;
  }
  function pageTitle(html) {
    const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1];
    const title = h1 ?? /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? "";
    return decode(title.replace(/<span[^>]*class="level-tag"[^>]*>[\s\S]*?<\/span>/g, "").replace(/<[^>]+>/g, " ")).replace(/\s+/g, " ").trim();
  }
  function decode(text) {
    return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, "&");
  }
  function mainText(html) {
    const main = /<main[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? html;
    return decode(
      main.replace(/<(script|style|textarea|template|thead)\b[\s\S]*?<\/\1>/gi, " ").replace(/<[^>]+>/g, " ")
    ).replace(/\s+/g, " ").trim();
  }
  var DEVANAGARI_ZERO = 2406;
  function foldWithMap(text) {
    const source = text.normalize("NFC");
    let chars = [];
    let map = [];
    for (let i = 0; i < source.length; i++) {
      const code = source.charCodeAt(i);
      const c = code >= DEVANAGARI_ZERO && code <= DEVANAGARI_ZERO + 9 ? String(code - DEVANAGARI_ZERO) : source[i].toLowerCase();
      for (const part of c) {
        chars.push(part);
        map.push(i);
      }
    }
    const isDigit = (c) => c !== void 0 && c >= "0" && c <= "9";
    const keep2 = chars.map(() => true);
    for (let i = 0; i < chars.length; i++) {
      if (!/[\s\u00a0-]/.test(chars[i]) || !isDigit(chars[i - 1])) continue;
      let j = i;
      while (j < chars.length && /[\s\u00a0-]/.test(chars[j])) j++;
      if (isDigit(chars[j])) for (let k = i; k < j; k++) keep2[k] = false;
      i = j - 1;
    }
    chars = chars.filter((_, i) => keep2[i]);
    map = map.filter((_, i) => keep2[i]);
    const joined = chars.join("");
    const drop = /* @__PURE__ */ new Set();
    for (const m of joined.matchAll(/(?:\+91|(?<!\d)91|(?<![\d+])0)(?=\d{10}(?!\d))/g)) {
      for (let k = m.index; k < m.index + m[0].length; k++) drop.add(k);
    }
    return { folded: chars.filter((_, i) => !drop.has(i)).join(""), map: map.filter((_, i) => !drop.has(i)) };
  }
  var fold = (s) => foldWithMap(s).folded;
  function searchSaved(pages, query, limit = 30) {
    const words = fold(query).split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    const hits = [];
    for (const page2 of pages) {
      const text = mainText(page2.html).normalize("NFC");
      const { folded, map } = foldWithMap(text);
      if (!words.every((w) => folded.includes(w))) continue;
      const foundAt = folded.indexOf(words[0]);
      const at = map[foundAt];
      const hitEnd = map[foundAt + words[0].length - 1] + 1;
      const start = at <= 40 ? 0 : text.indexOf(" ", at - 40) + 1;
      const end = text.indexOf(" ", hitEnd + 60);
      const snippet = (start > 0 ? "…" : "") + text.slice(start, end < 0 ? void 0 : end) + (end < 0 ? "" : "…");
      hits.push({ url: page2.url, title: pageTitle(page2.html), snippet });
      if (hits.length >= limit) break;
    }
    return hits;
  }
  function renderHits(hits, origin) {
    if (hits.length === 0) return "";
    return `<ul class="result-list">${hits.map((h) => {
      const path = h.url.startsWith(origin) ? h.url.slice(origin.length) : h.url;
      return `<li class="card"><a href="${escapeHtml(path)}">${escapeHtml(h.title || path)}</a><p class="small muted">${escapeHtml(h.snippet)}</p></li>`;
    }).join("")}</ul>`;
  }

  // lib/offline/sw.ts
  var sw = self;
  var VERSION = "v1";
  var STATIC_CACHE = `static-${VERSION}`;
  var SHELL_CACHE = `shell-${VERSION}`;
  var STATE_CACHE = "offline-state";
  var STATE_URL = "/__offline-state";
  var PAGES_PREFIX = "pages-";
  var STATIC_MAX = 300;
  var NETWORK_WAIT_MS = 4e3;
  var AFTER_WRITE_MS = 5 * 60 * 1e3;
  var lastWriteAt = 0;
  var ORIGIN = sw.location.origin;
  var LOGOUT_FIELD = "offline-logout";
  var SHELL = { hi: "/offline?lang=hi", en: "/offline?lang=en" };
  var state = null;
  async function loadState() {
    if (state) return state;
    const saved = await (await caches.open(STATE_CACHE)).match(STATE_URL);
    state = saved ? await saved.json() : { key: null, lang: "hi", since: 0 };
    return state;
  }
  async function storeState(next) {
    state = next;
    await (await caches.open(STATE_CACHE)).put(STATE_URL, new Response(JSON.stringify(next)));
  }
  var queue = Promise.resolve();
  function serially(work) {
    const next = queue.then(work, work);
    queue = next.catch(() => void 0);
    return next;
  }
  async function wipeExcept(key) {
    for (const name of await caches.keys()) {
      if (name.startsWith(PAGES_PREFIX) && name !== PAGES_PREFIX + key) await caches.delete(name);
    }
  }
  function learnAccount(key, lang, active = false) {
    return serially(async () => {
      const current = await loadState();
      const now = Date.now();
      if (key !== null && key === current.loggedOut) return false;
      if (current.key === key) {
        const lastActive = active && key ? now : current.lastActive;
        const loggedOut = key === null ? null : current.loggedOut;
        if (lang && lang !== current.lang || lastActive !== current.lastActive || (loggedOut ?? null) !== (current.loggedOut ?? null)) {
          await storeState({ ...current, lang: lang ?? current.lang, lastActive, loggedOut });
        }
        return false;
      }
      await wipeExcept(key);
      await storeState({ key, lang: lang ?? current.lang, since: now, lastActive: now, loggedOut: key === null ? null : current.loggedOut });
      return true;
    });
  }
  function forgetOffline() {
    return serially(async () => {
      const current = await loadState();
      await wipeExcept(null);
      await storeState({ key: null, lang: current.lang, since: Date.now(), loggedOut: current.key ?? current.loggedOut ?? null });
    });
  }
  async function pagesOf(current) {
    if (!current.key) return null;
    if (copiesExpired(current, Date.now())) {
      await learnAccount(null);
      return null;
    }
    return caches.open(PAGES_PREFIX + current.key);
  }
  async function keep(url, html, response, key) {
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
  async function learnFrom(url, response) {
    if (!(response.headers.get("content-type") ?? "").includes("text/html")) return;
    const html = await response.text();
    const session = pageSession(html, response.status);
    if (session.kind === "unknown") return;
    const key = session.kind === "key" ? session.key : null;
    const isNew = await learnAccount(key, readLang(html), true);
    if (key) await keep(url, html, response, key);
    if (isNew && key) await precacheOwnUnits(key);
  }
  async function savedCopy(url) {
    const current = await loadState();
    const cache = await pagesOf(current);
    if (!cache) return null;
    const hit = await cache.match(pageKey(url)) ?? await cache.match(url.origin + url.pathname, { ignoreSearch: true });
    if (!hit) return null;
    const savedAt = new Date(Number(hit.headers.get("x-offline-saved-at")) || Date.parse(hit.headers.get("date") ?? "") || Date.now());
    const html = showOfflineBanner(await hit.text(), savedAt, current.lang);
    return new Response(html, { status: 200, headers: hit.headers });
  }
  var FALLBACK = `<!doctype html><html lang="hi"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>ऑफ़लाइन · Offline</title><main style="font-family:sans-serif;padding:1rem"><h1>आप ऑफ़लाइन हैं · You are offline</h1><p><a href="/">/</a></p></main></html>`;
  async function offline(mode, fill = {}, status = 503) {
    const current = await loadState();
    const shell = await (await caches.open(SHELL_CACHE)).match(SHELL[current.lang]);
    const headers = { "content-type": "text/html; charset=utf-8", "content-security-policy": "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:" };
    if (!shell) return new Response(FALLBACK, { status, headers });
    return new Response(offlinePage(await shell.text(), mode, fill), { status, headers });
  }
  async function offlineSearch(url) {
    const query = (url.searchParams.get("q") ?? "").slice(0, 100);
    const cache = await pagesOf(await loadState());
    const pages = [];
    if (cache) {
      for (const request of await cache.keys()) {
        const hit = await cache.match(request);
        if (hit) pages.push({ url: request.url, html: await hit.text(), savedAt: new Date(Number(hit.headers.get("x-offline-saved-at"))) });
      }
    }
    return offline("search", { query, results: renderHits(searchSaved(pages, query), ORIGIN) }, 200);
  }
  var sleep = (ms) => new Promise((resolve) => setTimeout(() => resolve("slow"), ms));
  async function page(event) {
    const url = new URL(event.request.url);
    const network = fetch(event.request).then((response) => {
      if (response.type !== "opaqueredirect") event.waitUntil(learnFrom(url, response.clone()));
      return response;
    });
    try {
      if (Date.now() - lastWriteAt < AFTER_WRITE_MS) return await network;
      const first = await Promise.race([network, sleep(NETWORK_WAIT_MS)]);
      if (first !== "slow") return first;
      event.waitUntil(network.catch(() => void 0));
      return await savedCopy(url) ?? await network;
    } catch {
      if (url.pathname === "/search") return offlineSearch(url);
      return await savedCopy(url) ?? offline("page");
    }
  }
  async function formPost(request) {
    const body = request.clone();
    try {
      return await fetch(request);
    } catch {
      const isLogout = await body.formData().then((data) => data.has(LOGOUT_FIELD)).catch(() => false);
      if (!isLogout) return offline("post");
      await forgetOffline();
      return offline("logout");
    }
  }
  async function saveForOffline(url) {
    const current = await loadState();
    let saved = false;
    if (current.key && isKeepable(url, ORIGIN)) {
      const response = await fetch(url.href, { credentials: "same-origin" });
      const html = await response.text();
      saved = await keep(url, html, response, current.key);
    }
    return new Response(JSON.stringify({ saved }), { headers: { "content-type": "application/json", "x-offline-saved": saved ? "1" : "0" } });
  }
  async function precacheOwnUnits(key) {
    try {
      const background = { credentials: "same-origin", headers: { "x-offline-background": "1" } };
      const response = await fetch("/api/offline/own", background);
      if (!response.ok) return;
      const { key: listedFor, urls } = await response.json();
      if (listedFor !== key) return;
      for (const path of urls) {
        if ((await loadState()).key !== key) return;
        const url = new URL(path, ORIGIN);
        const page2 = await fetch(url.href, background);
        await keep(url, await page2.text(), page2, key);
      }
    } catch {
    }
  }
  async function fromCacheFirst(event, url) {
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
      if (!isImmutable(url)) event.waitUntil(refresh.catch(() => void 0));
      return hit;
    }
    return refresh;
  }
  sw.addEventListener("install", (event) => {
    event.waitUntil(
      (async () => {
        const shell = await caches.open(SHELL_CACHE);
        await Promise.all(Object.values(SHELL).map(async (path) => shell.put(path, await fetch(path, { credentials: "omit" }))));
        await sw.skipWaiting();
      })()
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
      })()
    );
  });
  sw.addEventListener("message", (event) => {
    const data = event.data;
    if (data?.type === "logout") return event.waitUntil(forgetOffline());
    if (data?.type !== "account") return;
    const key = typeof data.key === "string" && /^[A-Za-z0-9_-]{8,64}$/.test(data.key) ? data.key : null;
    event.waitUntil(
      learnAccount(key, data.lang === "en" ? "en" : "hi", data.active === true).then((isNew) => isNew && key ? precacheOwnUnits(key) : void 0)
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
})();
