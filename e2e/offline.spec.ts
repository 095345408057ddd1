import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS, loginAs, waitForHydration } from "./fixtures/auth";
import { countPeopleNamed, currentHolderName, postId, shaktiKendrasWithoutItConvenor, unitIdByName } from "./fixtures/db";

// The offline worker (lib/offline/sw.ts) on the production build: what an account opened reads
// without a network, and nothing of it is left for the next person on the same phone.

const MANDAL = "मखदुमपुर दक्षिणी मंडल";
// Not the mandal viewer (9000000010): e2e/login.spec.ts locks that account out for 15 minutes.
// संजय कुमार, the mandal's IT cell convenor (the demo's person 3; his page is opened below).
const SANJAY = "संजय कुमार";

/** Waits until the offline worker controls the page (it registers on the first page and claims it). */
async function waitForWorker(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null);
}

/** The names of the caches holding an account's pages (lib/offline/sw.ts: "pages-<key>"). */
async function pageCaches(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith("pages-")));
}

async function savedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of (await caches.keys()).filter((n) => n.startsWith("pages-"))) {
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
}

const offlinePageHeading = (page: Page) => page.getByRole("heading", { name: "आप ऑफ़लाइन हैं" });
const banner = (page: Page) => page.getByRole("status").filter({ hasText: /^ऑफ़लाइन — \d\d:\d\d पर सहेजा गया$/ });

test("the mandal editor reads the mandal page offline; logout wipes it; the next account never sees it", async ({ page, context }) => {
  const mandal = unitIdByName(MANDAL);
  const [sk] = shaktiKendrasWithoutItConvenor(MANDAL);
  const itConvenor = postId("shakti_kendra", "it_cell", "convenor");
  await loginAs(page, ACCOUNTS.mandalEditor);
  await waitForWorker(page);

  await page.goto(`/units/${mandal}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(MANDAL);
  await expect(banner(page)).toBeHidden();
  await page.getByRole("link", { name: SANJAY, exact: true }).first().click();
  await expect(page).toHaveURL(/\/people\/\d+$/);
  const sanjayPage = new URL(page.url()).pathname;
  // An edit form is opened, and never kept.
  await page.goto(`/units/${sk.id}/seats/${itConvenor}/1`);
  await expect(page.getByRole("link", { name: "या नया व्यक्ति जोड़ें" })).toBeVisible();
  await page.goto(`/units/${mandal}`);
  for (const path of await savedPaths(page)) expect(path).toMatch(/^\/(?:|units\/\d+|people\/\d+)$/);
  expect(await savedPaths(page)).toContain(`/units/${mandal}`);

  // No network: the mandal page from this phone, with names, numbers and the banner.
  await context.setOffline(true);
  await page.reload();
  await expect(banner(page)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(MANDAL);
  await expect(page.getByRole("link", { name: SANJAY, exact: true }).first()).toBeVisible();
  const call = page.locator('a[href^="tel:+91"]').first();
  await expect(call).toBeVisible();
  await expect(page.locator('a[href^="https://wa.me/91"]').first()).toBeVisible();
  await page.goto(sanjayPage);
  await expect(banner(page)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(SANJAY);

  // A unit never opened (a booth two levels down): the app's offline page, not a browser error.
  const booth = await boothUnder(sk.id);
  const response = await page.goto(`/units/${booth}`);
  expect(response?.status()).toBe(503);
  await expect(offlinePageHeading(page)).toBeVisible();
  await expect(page.getByText("यह पेज इस फ़ोन पर सहेजा नहीं गया है।")).toBeVisible();

  // Search answers from the saved pages, and says so.
  await page.goto("/search?q=sanjay");
  await expect(page.getByRole("heading", { name: "सहेजे गए पेजों में खोज: “sanjay”" })).toBeVisible();
  await expect(page.getByText("ये नतीजे केवल इस फ़ोन पर सहेजे गए पेजों से हैं")).toBeVisible();
  await expect(page.locator(`[data-offline-results] a[href="/units/${mandal}"]`)).toBeVisible();

  // Back online, log out: nothing is left to read offline.
  await context.setOffline(false);
  await page.goto(`/units/${mandal}`);
  await expect(banner(page)).toBeHidden();
  await page.getByRole("button", { name: "लॉग आउट" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect.poll(() => pageCaches(page)).toEqual([]);
  await context.setOffline(true);
  await page.goto(`/units/${mandal}`);
  await expect(offlinePageHeading(page)).toBeVisible();
  await expect(page.getByText(SANJAY)).toHaveCount(0);
  await page.goto(sanjayPage);
  await expect(offlinePageHeading(page)).toBeVisible();

  // The assembly viewer logs in on the same phone: the mandal page he reads offline is his own copy.
  await context.setOffline(false);
  await loginAs(page, ACCOUNTS.assemblyViewer);
  await page.goto(`/units/${mandal}`);
  await expect(page.locator(".viewer-name")).toHaveText("अभय भारती");
  await context.setOffline(true);
  await page.goto(sanjayPage);
  await expect(offlinePageHeading(page)).toBeVisible();
  await page.goto(`/units/${mandal}`);
  await expect(banner(page)).toBeVisible();
  await expect(page.locator(".viewer-name")).toHaveText("अभय भारती");
  // A viewer's copy: no edit links, which the editor's copy had.
  await expect(page.getByRole("link", { name: /भरें/ })).toHaveCount(0);
  await context.setOffline(false);
});

async function boothUnder(skId: number): Promise<number> {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database("data/e2e.db", { readonly: true });
  try {
    return (db.prepare("select id from units where parent_id = ? order by id limit 1").get(skId) as { id: number }).id;
  } finally {
    db.close();
  }
}

test("a session that ended leaves nothing, and another account's login never meets the old copies", async ({ page, context }) => {
  const mandal = unitIdByName(MANDAL);
  await loginAs(page, ACCOUNTS.mandalEditor);
  await waitForWorker(page);
  await page.goto(`/units/${mandal}`);
  await page.getByRole("link", { name: SANJAY, exact: true }).first().click();
  const sanjayPage = new URL(page.url()).pathname;
  expect(await savedPaths(page)).toContain(sanjayPage);
  const before = await pageCaches(page);
  expect(before).toHaveLength(1);

  // The session ends without a logout (expired, or its cookie gone): the next page load wipes the copies.
  await context.clearCookies();
  await page.goto(`/units/${mandal}`);
  await expect(page).toHaveURL(/\/login/);
  await expect.poll(() => pageCaches(page)).toEqual([]);

  // Another account logs in on the same browser: its copies live under its own key.
  await loginAs(page, ACCOUNTS.assemblyViewer);
  await expect.poll(async () => (await pageCaches(page)).length).toBe(1);
  expect(await pageCaches(page)).not.toEqual(before);
  // His own units are saved after login without being opened: the assembly and its mandals.
  await expect.poll(() => savedPaths(page), { timeout: 60_000 }).toContain(`/units/${mandal}`);
  await context.setOffline(true);
  await page.goto(sanjayPage);
  await expect(offlinePageHeading(page)).toBeVisible();
  await expect(page.getByText(SANJAY)).toHaveCount(0);
  // The mandal page he never opened reads offline, as his own copy (his name, no edit links).
  await page.goto(`/units/${mandal}`);
  await expect(banner(page)).toBeVisible();
  await expect(page.locator(".viewer-name")).toHaveText("अभय भारती");
  await expect(page.getByRole("link", { name: /भरें/ })).toHaveCount(0);
  await context.setOffline(false);
});

test("a roster form sent offline says nothing was saved, and nothing is", async ({ page, context }) => {
  // A vacant seat no other spec fills (they take the first and the last vacant shakti kendra).
  const list = shaktiKendrasWithoutItConvenor(MANDAL);
  const sk = list[Math.floor(list.length / 2)];
  const itConvenor = postId("shakti_kendra", "it_cell", "convenor");
  const holderBefore = currentHolderName(sk.id, itConvenor);
  await loginAs(page, ACCOUNTS.mandalEditor);
  await waitForWorker(page);
  await page.goto(`/units/${sk.id}/seats/${itConvenor}/1`);
  await page.getByRole("link", { name: "या नया व्यक्ति जोड़ें" }).click();
  await waitForHydration(page);
  await page.getByLabel("नाम (हिंदी में)").fill("ऑफ़लाइन परीक्षण");
  await page.getByLabel("नाम (अंग्रेज़ी अक्षरों में)").fill("Offline Pariksha");
  await page.getByLabel("मोबाइल नंबर").fill("98765 00414");

  await context.setOffline(true);
  await page.getByRole("button", { name: "सहेजें" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "आप ऑफ़लाइन हैं: फ़ॉर्म नहीं भेजा गया, कुछ भी सहेजा नहीं गया।" })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/units/${sk.id}/seats/`));

  // The same form sent as a plain post (as before the scripts run): the worker answers it.
  await page.evaluate(() => HTMLFormElement.prototype.submit.call(document.querySelector("main form[method=POST], main form[method=post]")));
  await expect(page.getByRole("heading", { name: "कुछ भी सहेजा नहीं गया" })).toBeVisible();
  await expect(page.getByText("फ़ॉर्म सर्वर तक नहीं पहुँचा, इसलिए कोई बदलाव नहीं हुआ")).toBeVisible();

  await context.setOffline(false);
  expect(countPeopleNamed("Offline Pariksha")).toBe(0);
  expect(currentHolderName(sk.id, itConvenor)).toBe(holderBefore);
  await page.goto(`/units/${sk.id}`);
  await expect(page.getByText("ऑफ़लाइन परीक्षण")).toHaveCount(0);
});

test("“save for offline” keeps a mandal's whole subtree, counting as it goes", async ({ page, context }) => {
  const mandal = unitIdByName(MANDAL);
  const [sk] = shaktiKendrasWithoutItConvenor(MANDAL);
  const booth = await boothUnder(sk.id);
  await loginAs(page, ACCOUNTS.mandalEditor);
  await waitForWorker(page);
  await page.goto(`/units/${mandal}`);
  await waitForHydration(page);
  await page.getByRole("button", { name: "ऑफ़लाइन के लिए सहेजें" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^\d+ पेज ऑफ़लाइन के लिए सहेजे गए।$/ })).toBeVisible({ timeout: 60_000 });
  const count = Number((await page.locator(".save-offline-status").textContent())?.match(/^\d+/)?.[0]);
  expect(count).toBeGreaterThan(40);
  expect(await savedPaths(page)).toContain(`/units/${booth}`);

  await context.setOffline(true);
  await page.goto(`/units/${booth}`);
  await expect(banner(page)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(offlinePageHeading(page)).toHaveCount(0);
  await context.setOffline(false);
});

/** Makes the offline worker's own requests slow (its target, through the browser's CDP session). */
async function slowWorkerNetwork(browser: Browser, latencyMs: number) {
  const session = await browser.newBrowserCDPSession();
  const { targetInfos } = await session.send("Target.getTargets");
  const worker = targetInfos.find((t) => t.type === "service_worker" && t.url.endsWith("/sw.js"));
  expect(worker).toBeTruthy();
  const { sessionId } = await session.send("Target.attachToTarget", { targetId: worker!.targetId, flatten: false });
  let id = 0;
  const send = (method: string, params: object) => session.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id: ++id, method, params }) });
  await send("Network.enable", {});
  await send("Network.emulateNetworkConditions", { offline: false, latency: latencyMs, downloadThroughput: -1, uploadThroughput: -1 });
  return session;
}

test("on a network slower than the worker waits for, the saved copy shows; after a change, the network is waited for", async ({ page, browser }) => {
  const mandal = unitIdByName(MANDAL);
  await loginAs(page, ACCOUNTS.itCellDistrict);
  await waitForWorker(page);
  await page.goto(`/units/${mandal}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(MANDAL);
  const slow = await slowWorkerNetwork(browser, 8_000);
  await page.reload();
  await expect(banner(page)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(MANDAL);

  // A form sent (here, the language switch): from now on the page waits for the network, however slow.
  await slow.detach();
  await page.goto(`/units/${mandal}`);
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByRole("heading", { name: "Office-bearers", exact: true })).toBeVisible();
  const slowAgain = await slowWorkerNetwork(browser, 6_000);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Office-bearers", exact: true })).toBeVisible();
  await expect(page.locator("[data-offline-banner]")).toBeHidden();
  await slowAgain.detach();
});
