import { expect, test } from "@playwright/test";
import { ACCOUNTS, loginAs, waitForHydration } from "./fixtures/auth";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("the district president types a place and a post and gets its holder, the wing named", async ({ page }) => {
  await loginAs(page, ACCOUNTS.districtAdmin);
  await waitForHydration(page);
  const box = page.getByRole("combobox", { name: "नाम, इकाई, पद या मोबाइल खोजें" });
  await box.fill("makhdumpur dakshini it sanyojak");
  const first = page.getByRole("option").first();
  await expect(first).toContainText("संजय कुमार");
  await expect(first).toContainText("आईटी सेल संयोजक, मखदुमपुर दक्षिणी मंडल");

  await page.goto("/search?q=" + encodeURIComponent("मखदुमपुर दक्षिणी आईटी"));
  await expect(page.locator("main li, main article").filter({ hasText: "संजय कुमार" }).first()).toBeVisible();
});
