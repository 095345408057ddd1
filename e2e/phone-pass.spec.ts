import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, loginAs } from "./fixtures/auth";
import { unitIdByName } from "./fixtures/db";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("sorting a table far down the page keeps the reader's place", async ({ page }) => {
  await loginAs(page, ACCOUNTS.mandalEditor);
  await page.goto(`/units/${unitIdByName("मखदुमपुर दक्षिणी मंडल")}`);
  const children = page.locator("table.children-table");
  await children.scrollIntoViewIfNeeded();
  await children.getByRole("link", { name: /भरे/ }).first().click();
  await expect(page).toHaveURL(/csort=filled.*#children-heading$/);
  await expect(page.getByRole("heading", { name: "शक्ति केंद्र", exact: false }).last()).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
});

test("a finished Excel download is recorded as done, not cancelled", async ({ page }) => {
  await loginAs(page, ACCOUNTS.districtAdmin);
  const mandal = unitIdByName("मखदुमपुर उत्तरी मंडल");
  await page.goto(`/units/${mandal}`);
  await page.getByText("संपर्क सूची डाउनलोड करें").click();
  await page.getByLabel("फ़ाइल का प्रकार").selectOption("xlsx");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "डाउनलोड करें" }).click()]);
  await download.path();
  expect(await download.failure()).toBeNull();
  const db = new Database(path.resolve(process.cwd(), "data/e2e.db"), { readonly: true, fileMustExist: true });
  try {
    await expect
      .poll(() => (db.prepare("select action from audit_log where target_type = 'export' and target_id = ? and after like '%xlsx%' order by id desc limit 1").get(mandal) as { action: string } | undefined)?.action)
      .toBe("export");
  } finally {
    db.close();
  }
});
