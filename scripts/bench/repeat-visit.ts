/**
 * A unit page's first and repeat visit in Chromium on an emulated slow mobile network (CDP
 * Network.emulateNetworkConditions: 400 kbps each way, 400 ms round trip), with the offline
 * worker (public/sw.js) doing what it does for a real phone. "Content shown" is when the page's
 * heading and first office-bearer's name are in the DOM and painted (first animation frame after
 * they appear), from the navigation's start. Each run is a fresh browser profile: first visit
 * with empty caches, then the worker's saved copies settle, then the same page again.
 *
 * In `npm run bench`; alone: npx tsx scripts/bench/repeat-visit.ts --url=http://127.0.0.1:3000 --path=/units/462 [--runs=5]
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { chromium, type Browser, type CDPSession, type Page } from "@playwright/test";
import { login } from "./http";

export const SLOW_NETWORK = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };

export type Visit = { contentMs: number; fcpMs: number };
export type RepeatVisitResult = { runs: number; first: Visit; repeat: Visit; firstRuns: Visit[]; repeatRuns: Visit[] };

// Records when the heading and a holder's name (or a child-unit table) are painted. A string:
// tsx would wrap a function's inner names in a helper the page does not have.
const MARK_CONTENT = `(() => {
  const check = () => {
    if (window.__contentAt) return;
    if (document.querySelector("main h1") && document.querySelector("main .holder-name, main .children-table")) {
      requestAnimationFrame(() => { window.__contentAt = performance.now(); });
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

async function visit(page: Page, url: string): Promise<Visit> {
  await page.goto(url, { waitUntil: "load", timeout: 120_000 });
  await page.waitForFunction(() => (window as unknown as { __contentAt?: number }).__contentAt !== undefined, null, { timeout: 120_000 });
  return page.evaluate(() => ({
    contentMs: (window as unknown as { __contentAt: number }).__contentAt,
    fcpMs: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
  }));
}

/** Waits until the worker's saved pages stop growing (the account's own units are saved after the first page). */
async function settle(page: Page) {
  let last = -1;
  for (let i = 0; i < 120; i++) {
    const count = await page.evaluate(async () => {
      let n = 0;
      for (const name of (await caches.keys()).filter((k) => k.startsWith("pages-"))) n += (await (await caches.open(name)).keys()).length;
      return n;
    });
    if (count === last && count > 0) return;
    last = count;
    await page.waitForTimeout(1000);
  }
}

/**
 * The page's CDP emulation does not reach the worker's own fetches (the page's HTML comes through
 * it), so the worker's target gets the same conditions, through the browser session.
 */
async function slowWorker(browser: Browser, base: string): Promise<CDPSession> {
  const session = await browser.newBrowserCDPSession();
  const { targetInfos } = await session.send("Target.getTargets");
  const worker = targetInfos.find((t) => t.type === "service_worker" && t.url.startsWith(base));
  if (!worker) throw new Error("the offline worker is not running");
  const { sessionId } = await session.send("Target.attachToTarget", { targetId: worker.targetId, flatten: false });
  let id = 0;
  const send = (method: string, params: object) =>
    session.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id: ++id, method, params }) });
  await send("Network.enable", {});
  await send("Network.emulateNetworkConditions", SLOW_NETWORK);
  return session;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const medianVisit = (vs: Visit[]): Visit => ({ contentMs: median(vs.map((v) => v.contentMs)), fcpMs: median(vs.map((v) => v.fcpMs)) });

async function oneRun(browser: Browser, base: string, path: string, cookie: string): Promise<{ first: Visit; repeat: Visit }> {
  const [name, value] = cookie.split(/=(.*)/s);
  const context = await browser.newContext({ baseURL: base, viewport: { width: 390, height: 844 }, locale: "hi-IN" });
  try {
    await context.addCookies([{ name, value, url: base }]);
    await context.addInitScript({ content: MARK_CONTENT });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    // No memory cache between the visits: what a phone has after the tab was closed is the disk and the worker.
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: false });
    await cdp.send("Network.emulateNetworkConditions", SLOW_NETWORK);
    const first = await visit(page, path);
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 120_000 });
    await settle(page);
    await page.goto("about:blank");
    const workerSession = await slowWorker(browser, base);
    const repeat = await visit(page, path);
    await workerSession.detach();
    return { first, repeat };
  } finally {
    await context.close();
  }
}

export async function repeatVisit(base: string, path: string, cookie: string, runs: number): Promise<RepeatVisitResult> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
  try {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await oneRun(browser, base, path, cookie));
    const firstRuns = results.map((r) => r.first);
    const repeatRuns = results.map((r) => r.repeat);
    return { runs, first: medianVisit(firstRuns), repeat: medianVisit(repeatRuns), firstRuns, repeatRuns };
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { url: { type: "string" }, path: { type: "string" }, runs: { type: "string" }, mobile: { type: "string" } } });
  const base = values.url ?? "http://127.0.0.1:3000";
  const cookie = await login(base, values.mobile ?? "9000000003", "sangathan-demo");
  const result = await repeatVisit(base, values.path ?? "/", cookie, Number(values.runs ?? 5));
  console.log(JSON.stringify(result, null, 2));
}
