import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { ACCOUNTS, loginAs, waitForHydration } from "./fixtures/auth";
import { countPeopleNamed, currentHolderName, firstChildUnit, personIdByMobile, postId, shaktiKendrasWithoutItConvenor, unitIdByName } from "./fixtures/db";

// The offline worker (lib/offline/sw.ts) on the production build: what an account opened reads
// without a network, and nothing of it is left for the next person on the same phone.

const MANDAL = "मखदुमपुर दक्षिणी मंडल";
// Not the mandal viewer (9000000010): e2e/login.spec.ts locks that account out for 15 minutes.
// संजय कुमार, the mandal's IT cell convenor (the demo's person 3; his page is opened below).
const SANJAY = "संजय कुमार";

/** Logs in, then waits until the offline worker controls the page (it registers on the first page and claims it). */
async function loginWithWorker(page: Page, account: string) {
  await loginAs(page, account);
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

/** The worker stores a copy after it has answered the page: wait for it, not race it. */
async function waitForSavedCopy(page: Page, path: string) {
  await expect.poll(() => savedPaths(page)).toContain(path);
}

/** From the mandal page shown, संजय कुमार's page by his link; returns its path. */
async function openSanjay(page: Page): Promise<string> {
  await page.getByRole("link", { name: SANJAY, exact: true }).first().click();
  await expect(page).toHaveURL(/\/people\/\d+$/);
  return new URL(page.url()).pathname;
}

const offlinePageHeading = (page: Page) => page.getByRole("heading", { name: "आप ऑफ़लाइन हैं" });
// The time as the app writes it everywhere, in India's time: "ऑफ़लाइन — दोपहर 3:04 पर सहेजा गया".
const banner = (page: Page) => page.getByRole("status").filter({ hasText: /^ऑफ़लाइन — (?:सुबह|दोपहर|शाम|रात) \d{1,2}:\d\d पर सहेजा गया$/ });

/** Offline: the page opens from this phone's saved copy, with the banner. */
async function opensSaved(page: Page, path: string) {
  await page.goto(path);
  await expect(banner(page)).toBeVisible();
}

/** Offline: no copy of the page here, so the app's offline page answers. */
async function opensNotSaved(page: Page, path: string) {
  await page.goto(path);
  await expect(offlinePageHeading(page)).toBeVisible();
}

/** Offline, as the assembly viewer: the mandal page opens as his own copy (his name; no edit links, which an editor's copy has). */
async function opensViewersOwnCopy(page: Page, mandal: number) {
  await opensSaved(page, `/units/${mandal}`);
  await expect(page.locator(".viewer-name")).toHaveText("अभय भारती");
  await expect(page.getByRole("link", { name: /भरें/ })).toHaveCount(0);
}

type NewHolder = { nameHi: string; nameEn: string; mobile: string };

/** A vacant seat's "add a new person" form, filled in (not sent). */
async function fillNewHolder(page: Page, seatPath: string, person: NewHolder) {
  await page.goto(seatPath);
  await page.getByRole("link", { name: "या नया व्यक्ति जोड़ें" }).click();
  await waitForHydration(page);
  await page.getByLabel("नाम (हिंदी में)").fill(person.nameHi);
  await page.getByLabel("नाम (अंग्रेज़ी अक्षरों में)").fill(person.nameEn);
  await page.getByLabel("मोबाइल नंबर").fill(person.mobile);
}

test("the mandal editor reads the mandal page offline; logout wipes it; the next account never sees it", async ({ page, context }) => {
  const mandal = unitIdByName(MANDAL);
  const [sk] = shaktiKendrasWithoutItConvenor(MANDAL);
  const itConvenor = postId("shakti_kendra", "it_cell", "convenor");
  await loginWithWorker(page, ACCOUNTS.mandalEditor);

  await page.goto(`/units/${mandal}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(MANDAL);
  await expect(banner(page)).toBeHidden();
  const sanjayPage = await openSanjay(page);
  // An edit form is opened, and never kept.
  await page.goto(`/units/${sk.id}/seats/${itConvenor}/1`);
  await expect(page.getByRole("link", { name: "या नया व्यक्ति जोड़ें" })).toBeVisible();
  await page.goto(`/units/${mandal}`);
  await expect.poll(() => savedPaths(page)).toEqual(expect.arrayContaining([`/units/${mandal}`, sanjayPage]));
  for (const path of await savedPaths(page)) expect(path).toMatch(/^\/(?:|units\/\d+|people\/\d+)$/);

  // No network: the mandal page from this phone, with names, numbers and the banner.
  await context.setOffline(true);
  await page.reload();
  await expect(banner(page)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(MANDAL);
  await expect(page.getByRole("link", { name: SANJAY, exact: true }).first()).toBeVisible();
  const call = page.locator('a[href^="tel:+91"]').first();
  await expect(call).toBeVisible();
  await expect(page.locator('a[href^="https://wa.me/91"]').first()).toBeVisible();
  await opensSaved(page, sanjayPage);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(SANJAY);

  // A unit never opened (a booth two levels down): the app's offline page, not a browser error.
  const booth = firstChildUnit(sk.id);
  const response = await page.goto(`/units/${booth}`);
  expect(response?.status()).toBe(503);
  await expect(offlinePageHeading(page)).toBeVisible();
  await expect(page.getByText("यह पेज इस फ़ोन पर सहेजा नहीं गया है।")).toBeVisible();

  // Search answers from the saved pages, and says so.
  await page.goto("/search?q=sanjay");
  await expect(page.getByRole("heading", { name: "सहेजे गए पेजों में खोज: “sanjay”" })).toBeVisible();
  await expect(page.getByText("ये नतीजे केवल इस फ़ोन पर सहेजे गए पेजों से हैं")).toBeVisible();
  await expect(page.locator(`[data-offline-results] a[href="/units/${mandal}"]`)).toBeVisible();
  // A mobile as typed, though the pages show it as "+91 90000 00003".
  for (const typed of ["9000000003", "९००००००००३"]) {
    await page.goto(`/search?q=${encodeURIComponent(typed)}`);
    await expect(page.locator(`[data-offline-results] a[href="${sanjayPage}"]`)).toBeVisible();
  }

  // Back online, log out: nothing is left to read offline.
  await context.setOffline(false);
  await page.goto(`/units/${mandal}`);
  await expect(banner(page)).toBeHidden();
  await page.getByRole("button", { name: "लॉग आउट" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect.poll(() => pageCaches(page)).toEqual([]);
  await context.setOffline(true);
  await opensNotSaved(page, `/units/${mandal}`);
  await expect(page.getByText(SANJAY)).toHaveCount(0);
  await opensNotSaved(page, sanjayPage);

  // The assembly viewer logs in on the same phone: the mandal page he reads offline is his own copy.
  await context.setOffline(false);
  await loginAs(page, ACCOUNTS.assemblyViewer);
  await page.goto(`/units/${mandal}`);
  await expect(page.locator(".viewer-name")).toHaveText("अभय भारती");
  await context.setOffline(true);
  await opensNotSaved(page, sanjayPage);
  await opensViewersOwnCopy(page, mandal);
  await context.setOffline(false);
});

test("a page that is not found forgets nothing: the saved pages still open offline", async ({ page, context }) => {
  const mandal = unitIdByName(MANDAL);
  await loginWithWorker(page, ACCOUNTS.mandalEditor);
  await page.goto(`/units/${mandal}`);
  const sanjayPage = await openSanjay(page);
  await waitForSavedCopy(page, sanjayPage);

  // Next's error shell for notFound() names no session.
  expect((await page.goto("/units/99999999"))?.status()).toBe(404);
  expect((await page.goto("/people/99999999"))?.status()).toBe(404);
  // A page after them, learnt after them: by the time it is kept, the 404s were read.
  await page.goto("/");
  await waitForSavedCopy(page, "/");
  expect(await savedPaths(page)).toContain(sanjayPage);

  await context.setOffline(true);
  await opensSaved(page, sanjayPage);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(SANJAY);
  await opensSaved(page, `/units/${mandal}`);
  await context.setOffline(false);
});

test("logout tapped offline deletes the saved pages at once, says so, and completes when the network is back", async ({ page, context }) => {
  const mandal = unitIdByName(MANDAL);
  await loginWithWorker(page, ACCOUNTS.mandalEditor);
  await page.goto(`/units/${mandal}`);
  await waitForHydration(page);
  await waitForSavedCopy(page, `/units/${mandal}`);

  await context.setOffline(true);
  await page.getByRole("button", { name: "लॉग आउट" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "ऑफ़लाइन: इस फ़ोन से सहेजे पेज हटा दिए गए; नेटवर्क आने पर लॉग आउट पूरा होगा।" })).toBeVisible();
  await expect(page.getByText("फ़ॉर्म नहीं भेजा गया")).toHaveCount(0);
  await expect.poll(() => pageCaches(page)).toEqual([]);
  await opensNotSaved(page, `/units/${mandal}`);
  await expect(page.getByText(SANJAY)).toHaveCount(0);

  // Online again: the first page opened sends the logout, and nothing is saved for the session meanwhile.
  await context.setOffline(false);
  await page.goto(`/units/${mandal}`);
  await expect(page).toHaveURL(/\/login/);
  expect(await pageCaches(page)).toEqual([]);
  await page.goto(`/units/${mandal}`);
  await expect(page).toHaveURL(/\/login/);
});

test("logout sent offline before the scripts ran deletes the saved pages too", async ({ page, context }) => {
  const mandal = unitIdByName(MANDAL);
  await loginWithWorker(page, ACCOUNTS.assemblyViewer);
  await page.goto(`/units/${mandal}`);
  await waitForSavedCopy(page, `/units/${mandal}`);
  await context.setOffline(true);
  // As a plain form post: the worker answers it.
  await page.evaluate(() => HTMLFormElement.prototype.submit.call(document.querySelector("form[data-logout]")));
  await expect(page.getByRole("heading", { name: "सहेजे पेज हटा दिए गए" })).toBeVisible();
  await expect.poll(() => pageCaches(page)).toEqual([]);
  await opensNotSaved(page, `/units/${mandal}`);
  await context.setOffline(false);
  await page.goto(`/units/${mandal}`);
  await expect(page).toHaveURL(/\/login/);
  expect(await pageCaches(page)).toEqual([]);
});

/** Fails every request the page sends, as a dead network does while the phone still says "online". */
async function cutNetwork(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  cdp.on("Fetch.requestPaused", (event: { requestId: string }) => {
    void cdp.send("Fetch.failRequest", { requestId: event.requestId, errorReason: "InternetDisconnected" }).catch(() => undefined);
  });
  await cdp.send("Fetch.enable", { patterns: [{ urlPattern: "*" }] });
  return { restore: () => cdp.send("Fetch.disable") };
}

test("a form sent while the network is down (the phone says online) keeps what was typed and says nothing was sent", async ({ page, context }) => {
  // A mandal no other spec writes in.
  const sk = shaktiKendrasWithoutItConvenor("रतनी फरीदपुर मंडल")[0];
  const itConvenor = postId("shakti_kendra", "it_cell", "convenor");
  const holderBefore = currentHolderName(sk.id, itConvenor);
  await loginWithWorker(page, ACCOUNTS.districtAdmin);
  await fillNewHolder(page, `/units/${sk.id}/seats/${itConvenor}/1`, { nameHi: "नेटवर्क परीक्षण", nameEn: "Network Pariksha", mobile: "98765 00415" });

  const network = await cutNetwork(context, page);
  expect(await page.evaluate(() => navigator.onLine)).toBe(true);
  await page.getByRole("button", { name: "सहेजें" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "नेटवर्क नहीं मिला: फ़ॉर्म नहीं भेजा गया, कुछ भी सहेजा नहीं गया।" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /कुछ गलत हो गया/ })).toHaveCount(0);
  await expect(page.getByLabel("नाम (हिंदी में)")).toHaveValue("नेटवर्क परीक्षण");
  await expect(page.getByLabel("नाम (अंग्रेज़ी अक्षरों में)")).toHaveValue("Network Pariksha");
  await expect(page.getByLabel("मोबाइल नंबर")).toHaveValue("98765 00415");
  await network.restore();

  expect(countPeopleNamed("Network Pariksha")).toBe(0);
  expect(currentHolderName(sk.id, itConvenor)).toBe(holderBefore);
});

test("a session that ended leaves nothing, and another account's login never meets the old copies", async ({ page, context }) => {
  const mandal = unitIdByName(MANDAL);
  await loginWithWorker(page, ACCOUNTS.mandalEditor);
  await page.goto(`/units/${mandal}`);
  const sanjayPage = await openSanjay(page);
  await waitForSavedCopy(page, sanjayPage);
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
  await opensNotSaved(page, sanjayPage);
  await expect(page.getByText(SANJAY)).toHaveCount(0);
  // The mandal page he never opened reads offline, as his own copy.
  await opensViewersOwnCopy(page, mandal);
  await context.setOffline(false);
});

test("a roster form sent offline says nothing was saved, and nothing is", async ({ page, context }) => {
  // A vacant seat no other spec fills (they take the first and the last vacant shakti kendra).
  const list = shaktiKendrasWithoutItConvenor(MANDAL);
  const sk = list[Math.floor(list.length / 2)];
  const itConvenor = postId("shakti_kendra", "it_cell", "convenor");
  const holderBefore = currentHolderName(sk.id, itConvenor);
  await loginWithWorker(page, ACCOUNTS.mandalEditor);
  await fillNewHolder(page, `/units/${sk.id}/seats/${itConvenor}/1`, { nameHi: "ऑफ़लाइन परीक्षण", nameEn: "Offline Pariksha", mobile: "98765 00414" });

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
  const booth = firstChildUnit(sk.id);
  await loginWithWorker(page, ACCOUNTS.mandalEditor);
  await page.goto(`/units/${mandal}`);
  await waitForHydration(page);
  await page.getByRole("button", { name: "ऑफ़लाइन के लिए सहेजें" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^\d+ पेज ऑफ़लाइन के लिए सहेजे गए।$/ })).toBeVisible({ timeout: 60_000 });
  const count = Number((await page.locator(".save-offline-status").textContent())?.match(/^\d+/)?.[0]);
  expect(count).toBeGreaterThan(40);
  expect(await savedPaths(page)).toContain(`/units/${booth}`);
  // The mandal's own office-bearers' pages come with it (संजय कुमार, its IT cell convenor).
  const sanjay = personIdByMobile("+919000000003");
  expect(await savedPaths(page)).toContain(`/people/${sanjay}`);

  // A mandal with more pages than the bound says how many it saved, of how many.
  const cdp = await context.newCDPSession(page);
  cdp.on("Fetch.requestPaused", async (event: { requestId: string }) => {
    const { body, base64Encoded } = await cdp.send("Fetch.getResponseBody", { requestId: event.requestId });
    const list = JSON.parse(base64Encoded ? Buffer.from(body, "base64").toString("utf8") : body) as { paths: string[] };
    const cut = JSON.stringify({ paths: list.paths.slice(0, 5), truncated: true, total: 999 });
    await cdp.send("Fetch.fulfillRequest", {
      requestId: event.requestId,
      responseCode: 200,
      responseHeaders: [{ name: "content-type", value: "application/json" }],
      body: Buffer.from(cut).toString("base64"),
    });
  });
  await cdp.send("Fetch.enable", { patterns: [{ urlPattern: "*/api/offline/subtree*", requestStage: "Response" }] });
  await page.getByRole("button", { name: "ऑफ़लाइन के लिए सहेजें" }).click();
  await expect(page.getByRole("status").filter({ hasText: "पहले 5 पेज सहेजे गए (इस मंडल में 999 हैं)।" })).toBeVisible({ timeout: 30_000 });
  await cdp.send("Fetch.disable");

  await context.setOffline(true);
  await opensSaved(page, `/units/${booth}`);
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
  await loginWithWorker(page, ACCOUNTS.itCellDistrict);
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
