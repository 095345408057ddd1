import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, loginAs } from "./fixtures/auth";
import { unitIdByName } from "./fixtures/db";

function bodyTable(page: Page, bodyName: string) {
  return page.locator("section.body-group").filter({ has: page.getByRole("heading", { name: new RegExp(`^${bodyName}`) }) });
}

test("the mandal editor sees his mandal's office-bearers", async ({ page }) => {
  await loginAs(page, ACCOUNTS.mandalEditor);
  await page.getByRole("link", { name: "मखदुमपुर दक्षिणी मंडल" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("मखदुमपुर दक्षिणी मंडल");
  await expect(page.getByRole("navigation", { name: "स्थान" })).toContainText("बिहार");

  const itCell = bodyTable(page, "आईटी सेल").getByRole("row").filter({ hasText: "संयोजक" });
  await expect(itCell).toContainText("संजय कुमार");
  await expect(itCell).toContainText("Sanjay Kumar");
  await expect(itCell.getByRole("link", { name: /90000 00003/ })).toHaveAttribute("href", "tel:+919000000003");

  const yuva = bodyTable(page, "युवा मोर्चा").getByRole("row").filter({ hasText: "अध्यक्ष" });
  await expect(yuva).toContainText("संजय कुमार द्विवेदी");

  // The district office-bearers who live in the mandal (the report's meeting invited them).
  const residents = page.locator("section", { has: page.getByRole("heading", { name: "यहाँ रहने वाले ऊपरी पदाधिकारी" }) });
  await expect(residents).toContainText("धर्मेंद्र चौहान");
  await expect(residents).toContainText("रितेश रंजन");
  await expect(residents).not.toContainText("संजय कुमार द्विवेदी");

  // Child shakti kendras with filled counts and booths below.
  const children = page.locator("table.children-table tbody tr");
  await expect(children.first()).toContainText(/\d+\/3/);
});

test("Ajit Chaudhary's person page shows both of his posts", async ({ page }) => {
  await loginAs(page, ACCOUNTS.districtAdmin);
  await page.goto(`/units/${unitIdByName("मखदुमपुर")}`);
  await page.locator("table.posts-table").getByRole("link", { name: "अजीत चौधरी", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("अजीत चौधरी");
  const current = page.locator("section", { has: page.getByRole("heading", { name: "वर्तमान पद" }) });
  await expect(current.locator("li")).toHaveCount(2);
  await expect(current).toContainText("प्रभारी");
  await expect(current).toContainText("मखदुमपुर");
  await expect(current).toContainText("अनुसूचित जाति मोर्चा");
  await expect(current).toContainText("बिहार");
});

test("a West Champaran unit's URL shows the mandal editor nothing of it", async ({ page }) => {
  await loginAs(page, ACCOUNTS.mandalEditor);
  const response = await page.goto(`/units/${unitIdByName("पश्चिमी चंपारण")}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "पृष्ठ नहीं मिला" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("पश्चिमी चंपारण");
  await expect(page.locator("body")).not.toContainText("90000");
});

test("above his grant he sees names and posts but no contacts", async ({ page }) => {
  await loginAs(page, ACCOUNTS.mandalEditor);
  await page.goto(`/units/${unitIdByName("जहानाबाद")}`);
  await expect(page.locator("table").getByText("सुरेश कुमार शर्मा")).toBeVisible();
  await expect(page.locator("a[href^='tel:']")).toHaveCount(0);
  await expect(page.locator("table.children-table tbody tr")).toHaveCount(1);
});

test("the language switch turns the unit page to English and back", async ({ page }) => {
  await loginAs(page, ACCOUNTS.mandalEditor);
  await page.goto(`/units/${unitIdByName("मखदुमपुर दक्षिणी मंडल")}`);
  await expect(page.getByRole("heading", { name: "पदाधिकारी", exact: true })).toBeVisible();
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByRole("heading", { name: "Office-bearers", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Makhdumpur South");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // The choice is remembered on the next page.
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Your units" })).toBeVisible();
  await page.getByRole("button", { name: /हिन्दी/ }).click();
  await expect(page.getByRole("heading", { name: "आपकी इकाइयाँ" })).toBeVisible();
});

test("the child units table sorts by a header click", async ({ page }) => {
  await loginAs(page, ACCOUNTS.districtAdmin);
  await page.goto(`/units/${unitIdByName("मखदुमपुर दक्षिणी मंडल")}`);
  const boothCells = page.locator("table.children-table tbody tr td:nth-child(3)");
  const header = page.locator("table.children-table th").filter({ hasText: "बूथ" }).getByRole("link");
  await header.click();
  await expect(page).toHaveURL(/csort=booths/);
  const asc = (await boothCells.allTextContents()).map(Number);
  expect(asc).toEqual([...asc].sort((a, b) => a - b));
  await page.locator("table.children-table th").filter({ hasText: "बूथ" }).getByRole("link").click();
  await expect(page).toHaveURL(/csort=booths.desc/);
  const desc = (await boothCells.allTextContents()).map(Number);
  expect(desc).toEqual([...asc].sort((a, b) => b - a));
});

test("on a 390×844 phone the unit page shows names and mobiles without sideways scrolling", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await loginAs(page, ACCOUNTS.mandalEditor);
  await page.goto(`/units/${unitIdByName("मखदुमपुर दक्षिणी मंडल")}`);
  const holder = bodyTable(page, "आईटी सेल").getByRole("row").filter({ hasText: "संयोजक" });
  await holder.scrollIntoViewIfNeeded();
  await expect(holder.getByRole("link", { name: "संजय कुमार", exact: true })).toBeInViewport({ ratio: 1 });
  const phone = holder.getByRole("link", { name: /90000 00003/ });
  await phone.scrollIntoViewIfNeeded();
  await expect(phone).toBeInViewport({ ratio: 1 });
  const box = await phone.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(widths[0]).toBeLessThanOrEqual(widths[1]);
  await context.close();
});

test("login, unit and person pages have no serious or critical accessibility violations", async ({ page }) => {
  const scan = async () => {
    const result = await new AxeBuilder({ page }).analyze();
    return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
  };
  await page.goto("/login");
  expect(await scan()).toEqual([]);
  await loginAs(page, ACCOUNTS.districtAdmin);
  await page.goto(`/units/${unitIdByName("मखदुमपुर दक्षिणी मंडल")}`);
  expect(await scan()).toEqual([]);
  await page.getByRole("link", { name: "संजय कुमार", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("संजय कुमार");
  expect(await scan()).toEqual([]);
});
