import path from "node:path";
import Database from "better-sqlite3";
import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, loginAs, waitForHydration } from "./fixtures/auth";
import { postId, shaktiKendrasWithoutItConvenor, unitIdByName } from "./fixtures/db";

// Security as a browser meets it: response headers, the CSP on real pages, the session cookie,
// logout, a forged cross-site action, and where personal data goes. Nothing here changes data
// other specs rely on.

const MANDAL = "मखदुमपुर दक्षिणी मंडल";
const SESSION_COOKIE = "authjs.session-token";

function nonceOf(csp: string): string {
  const nonce = /script-src [^;]*'nonce-([A-Za-z0-9+/=_-]+)'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  return nonce!;
}

function loginAttempts(login: string): number {
  const db = new Database(path.resolve(process.cwd(), "data/e2e.db"), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("select count(*) as n from login_attempts where login = ?").get(login) as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Records CSP violations (events and console reports) in every document the page loads. */
async function watchCsp(page: Page) {
  const console: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  return async (where: string) => {
    const events = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
    expect({ where, events, console }).toEqual({ where, events: [], console: [] });
  };
}

test("every page carries the security headers and a CSP whose fresh nonce is on each script", async ({ request }) => {
  const unit = unitIdByName(MANDAL);
  const login = await request.get("/login");
  const again = await request.get("/login");
  // Not logged in: the unit page answers with the redirect to /login, which carries them too.
  const redirect = await request.get(`/units/${unit}`, { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expect(redirect.headers().location).toContain("/login?next=");

  for (const [name, response] of Object.entries({ login, redirect })) {
    const h = response.headers();
    expect(h["x-content-type-options"], name).toBe("nosniff");
    expect(h["referrer-policy"], name).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"], name).toBe("DENY");
    expect(h["permissions-policy"], name).toBe("camera=(), microphone=(), geolocation=()");
    const csp = h["content-security-policy"];
    for (const directive of ["default-src 'self'", "'strict-dynamic'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
      expect(csp, name).toContain(directive);
    }
    expect(csp, name).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    // Served over plain http here: no HSTS (it is sent when AUTH_URL is https).
    expect(h["strict-transport-security"], name).toBeUndefined();
  }

  const nonce = nonceOf(login.headers()["content-security-policy"]);
  expect(nonceOf(again.headers()["content-security-policy"])).not.toBe(nonce);
  const scripts = (await login.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((s) => !s.includes(`nonce="${nonce}"`))).toEqual([]);

  // The app's own scripts are sent as scripts, never sniffed.
  const src = /<script[^>]+src="([^"]+)"/.exec(await login.text())?.[1];
  expect((await request.get(src!)).headers()["x-content-type-options"]).toBe("nosniff");
});

test("the unit page, logged in, carries the CSP with its nonce", async ({ page }) => {
  await loginAs(page, ACCOUNTS.districtAdmin);
  const response = await page.goto(`/units/${unitIdByName(MANDAL)}`);
  const h = response!.headers();
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const nonce = nonceOf(h["content-security-policy"]);
  const scripts = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((s) => !s.includes(`nonce="${nonce}"`))).toEqual([]);
});

test("no CSP violation on the login, unit, seat editing and search pages, and their scripts work", async ({ page }) => {
  const check = await watchCsp(page);
  await page.goto("/login");
  await check("login");
  await loginAs(page, ACCOUNTS.districtAdmin);
  await check("home");

  await page.goto(`/units/${unitIdByName(MANDAL)}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(MANDAL);
  await check("unit");

  // The seat form's person type-ahead fetches suggestions (nothing is saved).
  const sk = shaktiKendrasWithoutItConvenor(MANDAL)[0];
  await page.goto(`/units/${sk.id}/seats/${postId("shakti_kendra", "it_cell", "convenor")}/1`);
  await waitForHydration(page);
  await page.getByLabel("व्यक्ति खोजें").fill("अजीत कुमार");
  await expect(page.getByRole("button", { name: /अजीत कुमार Ajit Kumar/ })).toBeVisible();
  await check("seat form");

  // The search page, and the header's type-ahead on it.
  await page.goto("/search?q=ajeet+choudhary");
  await expect(page.getByRole("link", { name: "अजीत चौधरी" })).toBeVisible();
  await waitForHydration(page);
  await page.getByRole("combobox", { name: "नाम, इकाई, पद या मोबाइल खोजें" }).fill("vikas roshan");
  await expect(page.getByRole("option", { name: /विकास कुमार रौशन/ })).toBeVisible();
  await check("search");
});

test("the session cookie is HttpOnly and SameSite=Lax, and lasts 12 hours at most", async ({ page, context }) => {
  await loginAs(page, ACCOUNTS.assemblyViewer);
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie).toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe("Lax");
  // Secure follows the URL's scheme (next-auth sets it, and the __Secure- name, over https).
  expect(cookie!.secure).toBe(false);
  const hours = (cookie!.expires - Date.now() / 1000) / 3600;
  expect(hours).toBeGreaterThan(11.9);
  expect(hours).toBeLessThanOrEqual(12.01);
  expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);
});

test("logout ends the session on the server: the old cookie, replayed, no longer works", async ({ page, context, browser }) => {
  await loginAs(page, ACCOUNTS.assemblyViewer);
  const old = (await context.cookies()).find((c) => c.name === SESSION_COOKIE)!;
  await page.getByRole("button", { name: "लॉग आउट" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect((await context.cookies()).find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);

  // Someone who copied the cookie before the logout: the session id was revoked, so it is refused.
  const thief = await browser.newContext();
  await thief.addCookies([{ name: old.name, value: old.value, domain: old.domain, path: old.path, httpOnly: true, sameSite: "Lax" }]);
  const stolen = await thief.newPage();
  await stolen.goto("/");
  await expect(stolen).toHaveURL(/\/login/);
  await thief.close();
});

test("a browser left idle for over two hours is logged out", async ({ page: loginPage, context }) => {
  await loginAs(loginPage, ACCOUNTS.assemblyViewer);
  const active = (await context.cookies()).find((c) => c.name === "last-active");
  expect(active?.httpOnly).toBe(true);
  const url = new URL(loginPage.url());
  // The home page's link prefetches are activity too, and one answered after the backdating would
  // undo it: the page is closed first, so the browser's next request is the one below.
  await loginPage.close();
  const page = await context.newPage();
  await context.addCookies([{ name: "last-active", value: String(Math.floor(Date.now() / 1000) - 3 * 60 * 60), url: url.origin }]);
  await page.goto(`/units/${unitIdByName(MANDAL)}`);
  await expect(page).toHaveURL(/\/login\?next=/);
  expect((await context.cookies()).find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("the login action replayed from another site is refused and logs no one in", async ({ page, baseURL }) => {
  const login = ACCOUNTS.assemblyViewer;
  await page.goto("/login");
  await page.locator("#mobile").fill(login);
  await page.locator("#password").fill(DEMO_PASSWORD);
  // Catch the action's request as the browser sends it, without letting it through.
  const captured = new Promise<{ headers: Record<string, string>; body: Buffer }>((resolve) => {
    void page.route("**/login**", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      resolve({ headers: route.request().headers(), body: route.request().postDataBuffer()! });
      await route.abort();
    });
  });
  await page.locator("form.form button[type=submit]").click();
  const { headers, body } = await captured;
  expect(headers["next-action"]).toBeTruthy();
  const replay = async (origin: string) => {
    const api = await playwrightRequest.newContext({ baseURL });
    const sent: Record<string, string> = { origin };
    for (const name of ["content-type", "next-action", "next-router-state-tree", "accept"]) if (headers[name]) sent[name] = headers[name];
    const response = await api.post("/login", {
      headers: sent,
      data: body,
      maxRedirects: 0,
    });
    const cookies = response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes(SESSION_COOKIE));
    await api.dispose();
    return { status: response.status(), sessionCookies: cookies.length };
  };

  const before = loginAttempts(`+91${login}`);
  const evil = await replay("https://evil.example");
  expect(evil.status).toBe(500);
  expect(evil.sessionCookies).toBe(0);
  expect(loginAttempts(`+91${login}`)).toBe(before);

  // The same request from the site itself logs in: the refusal above is the Origin check's.
  const same = await replay(new URL(baseURL!).origin);
  expect(same.sessionCookies).toBe(1);
  expect(loginAttempts(`+91${login}`)).toBe(before + 1);
});

test("browsing, the type-aheads and links never put a mobile number in a URL", async ({ page }) => {
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  await loginAs(page, ACCOUNTS.districtAdmin);
  await page.goto(`/units/${unitIdByName(MANDAL)}`);
  const mobiles = new Set<string>();
  const collect = async () => {
    for (const href of await page.locator('a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")!))) mobiles.add(href.slice(-10));
  };
  await collect();
  await page.locator('a[href^="/people/"]').first().click();
  await expect(page).toHaveURL(/\/people\/\d+$/);
  await collect();
  await waitForHydration(page);
  await page.getByRole("combobox", { name: "नाम, इकाई, पद या मोबाइल खोजें" }).fill("vikas roshan");
  await expect(page.getByRole("option", { name: /विकास कुमार रौशन/ })).toBeVisible();
  const sk = shaktiKendrasWithoutItConvenor(MANDAL)[0];
  await page.goto(`/units/${sk.id}/seats/${postId("shakti_kendra", "it_cell", "convenor")}/1`);
  await waitForHydration(page);
  await page.getByLabel("व्यक्ति खोजें").fill("अजीत कुमार");
  await expect(page.getByRole("button", { name: /अजीत कुमार Ajit Kumar/ })).toBeVisible();

  expect(mobiles.size).toBeGreaterThan(2);
  const sameSiteLinks = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  const leaks = [...urls, ...sameSiteLinks].filter((u) => [...mobiles].some((m) => u.includes(m) || u.includes(`${m.slice(0, 5)}+${m.slice(5)}`)));
  expect(leaks).toEqual([]);
});

test("/healthz is reachable without logging in", async ({ request }) => {
  const response = await request.get("/healthz", { maxRedirects: 0 });
  expect(response.headers().location ?? "").not.toContain("/login");
  expect([307, 308]).not.toContain(response.status());
});
