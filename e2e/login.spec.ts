import { expect, test } from "@playwright/test";
import { ACCOUNTS, loginAs } from "./fixtures/auth";

test("a page behind the login sends you to the login form, in Hindi", async ({ page }) => {
  await page.goto("/units/1");
  await expect(page).toHaveURL(/\/login\?next=/);
  await expect(page.getByRole("heading", { name: "लॉग इन करें" })).toBeVisible();
});

test("a wrong password is refused with a message and no session", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("मोबाइल नंबर").fill(ACCOUNTS.assemblyViewer);
  await page.getByLabel("पासवर्ड").fill("not-the-password");
  await page.getByRole("button", { name: "लॉग इन" }).click();
  await expect(page.locator("#main").getByRole("alert")).toHaveText("मोबाइल नंबर या पासवर्ड गलत है।");
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("a malformed mobile gets a field message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("मोबाइल नंबर").fill("12345");
  await page.getByLabel("पासवर्ड").fill("whatever-password");
  await page.getByRole("button", { name: "लॉग इन" }).click();
  await expect(page.locator("#mobile-error")).toHaveText("कृपया सही 10 अंकों का मोबाइल नंबर लिखें।");
});

test("log in lists the granted unit; log out ends the session", async ({ page }) => {
  await loginAs(page, ACCOUNTS.mandalEditor);
  await expect(page.getByRole("heading", { name: "आपकी इकाइयाँ" })).toBeVisible();
  await expect(page.getByRole("link", { name: "मखदुमपुर दक्षिणी मंडल" })).toBeVisible();
  await page.getByRole("button", { name: "लॉग आउट" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("six wrong passwords block further tries for a while, with a message", async ({ page }) => {
  await page.goto("/login");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("मोबाइल नंबर").fill(ACCOUNTS.mandalViewer);
    await page.getByLabel("पासवर्ड").fill(`wrong-password-${i}`);
    // Each try must finish before the next is typed: the message text is the same every time.
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/login")),
      page.getByRole("button", { name: "लॉग इन" }).click(),
    ]);
    // React resets the form after the action; the mobile comes back, the password does not.
    await expect(page.getByLabel("पासवर्ड")).toHaveValue("");
    await expect(page.getByLabel("मोबाइल नंबर")).toHaveValue(ACCOUNTS.mandalViewer);
    await expect(page.locator("#main").getByRole("alert")).toHaveText("मोबाइल नंबर या पासवर्ड गलत है।");
  }
  // The sixth try, even with the right password, is turned away until the window passes.
  await page.getByLabel("मोबाइल नंबर").fill(ACCOUNTS.mandalViewer);
  await page.getByLabel("पासवर्ड").fill("sangathan-demo");
  await page.getByRole("button", { name: "लॉग इन" }).click();
  await expect(page.locator("#main").getByRole("alert")).toHaveText("बहुत सारे गलत प्रयास हुए। कृपया 15 मिनट बाद फिर कोशिश करें।");
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});
