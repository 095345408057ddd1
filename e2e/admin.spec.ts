import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { personWithoutAccount, typedMobile } from "./fixtures/admin";
import { ACCOUNTS, loginAs } from "./fixtures/auth";
import { unitIdByName } from "./fixtures/db";

const SOUTH = "मखदुमपुर दक्षिणी मंडल";
const NEW_PASSWORD = "naya-khata-2025";

test("the district admin gives a Makhdumpur South worker an account, which logs in and sees its mandal; the audit page lists it", async ({ page }) => {
  const person = personWithoutAccount(SOUTH);
  const mobile = typedMobile(person.mobile);

  await loginAs(page, ACCOUNTS.districtAdmin);
  await page.goto("/admin/accounts");
  await expect(page.getByRole("heading", { level: 1, name: "खाते" })).toBeVisible();

  await test.step("a too-short password is refused in Hindi and the number stays filled in", async () => {
    await page.getByLabel("व्यक्ति का मोबाइल नंबर").fill(mobile);
    await page.getByLabel("आरंभिक पासवर्ड").fill("chhota1");
    await page.getByLabel("इकाई", { exact: true }).selectOption(String(unitIdByName(SOUTH)));
    await page.getByRole("button", { name: "खाता बनाएँ" }).click();
    await expect(page.locator("#new-password-error")).toHaveText("पासवर्ड कम से कम 10 अक्षरों का होना चाहिए।");
    await expect(page.getByRole("status").filter({ hasText: "कोई बदलाव नहीं हुआ" })).toBeVisible();
    await expect(page.getByLabel("व्यक्ति का मोबाइल नंबर")).toHaveValue(mobile);
  });

  await test.step("with a good password the account is made with viewer access to the mandal", async () => {
    await page.getByLabel("आरंभिक पासवर्ड").fill(NEW_PASSWORD);
    await page.getByLabel("इकाई", { exact: true }).selectOption(String(unitIdByName(SOUTH)));
    await page.getByLabel("भूमिका").selectOption({ label: "देखने की अनुमति" });
    await page.getByRole("button", { name: "खाता बनाएँ" }).click();
    await expect(page).toHaveURL(/\/admin\/accounts\/\d+\?created=1$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(person.nameHi);
    await expect(page.getByText("खाता बन गया।")).toBeVisible();
    await expect(page.locator("section", { has: page.getByRole("heading", { name: "अनुमतियाँ" }) })).toContainText(`${SOUTH} · देखने की अनुमति`);
  });

  await test.step("the new account logs in and sees the mandal on its home page", async () => {
    await page.getByRole("button", { name: "लॉग आउट" }).click();
    await expect(page).toHaveURL(/\/login/);
    await loginAs(page, mobile, NEW_PASSWORD);
    await expect(page.getByRole("heading", { name: "आपकी इकाइयाँ" })).toBeVisible();
    await expect(page.getByRole("link", { name: SOUTH })).toBeVisible();
    await page.goto("/admin/accounts");
    await expect(page.getByRole("heading", { name: "पृष्ठ नहीं मिला" })).toBeVisible();
    await page.getByRole("button", { name: "लॉग आउट" }).click();
    await expect(page).toHaveURL(/\/login/);
  });

  await test.step("the audit page lists the creation", async () => {
    await loginAs(page, ACCOUNTS.districtAdmin);
    await page.goto("/admin/audit");
    await page.getByLabel("व्यक्ति (नाम या संख्या)").fill(String(person.id));
    await page.getByRole("button", { name: "दिखाएँ" }).click();
    await expect(page).toHaveURL(/person=/);
    const entry = page.locator("li.card").filter({ hasText: "खाता बनाया" });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText(person.nameHi);
    await expect(entry).toContainText("सुरेश कुमार शर्मा");
    await expect(entry).toContainText(SOUTH);
    await expect(entry).toContainText("सफल");
  });
});

test("accounts and audit pages are closed to non-admins and usable on a phone", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await loginAs(page, ACCOUNTS.mandalEditor);
  for (const path of ["/admin/accounts", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
  }
  await page.getByRole("button", { name: "लॉग आउट" }).click();
  await expect(page).toHaveURL(/\/login/);

  await loginAs(page, ACCOUNTS.districtAdmin);
  for (const path of ["/admin/accounts", `/admin/accounts/${await firstAccountId(page)}`, "/admin/audit"]) {
    await page.goto(path);
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(widths[0], path).toBeLessThanOrEqual(widths[1]);
    const result = await new AxeBuilder({ page }).analyze();
    expect(
      result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`),
      path,
    ).toEqual([]);
  }
  await context.close();
});

async function firstAccountId(page: import("@playwright/test").Page): Promise<string> {
  await page.goto("/admin/accounts");
  const href = await page.locator("section ul.card-list h3 a").first().getAttribute("href");
  return href!.split("/").pop()!;
}
