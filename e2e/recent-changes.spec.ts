import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { ACCOUNTS, loginAs } from "./fixtures/auth";
import { boothsWithoutPresident } from "./fixtures/drives";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

// A booth of Jehanabad mandal: no other spec changes its rosters.
const MANDAL = "जहानाबाद मंडल";

test("after a fill, the district president's home lists it among the last 7 days' changes, newest first", async ({ page }) => {
  const booth = boothsWithoutPresident(MANDAL)[0];
  await loginAs(page, ACCOUNTS.districtAdmin);
  await page.goto(`/units/${booth.id}/seats/${booth.postId}/1`);
  await page.getByRole("link", { name: "या नया व्यक्ति जोड़ें" }).click();
  await page.getByLabel("नाम (हिंदी में)").fill("दीपक यादव");
  await page.getByLabel("नाम (अंग्रेज़ी अक्षरों में)").fill("Deepak Yadav");
  await page.getByLabel("मोबाइल नंबर").fill("98765 12002");
  await page.getByRole("button", { name: "सहेजें" }).click();
  await expect(page).toHaveURL(/saved=1/);

  await page.goto("/");
  const recent = page.locator("section.recent-changes").first();
  await expect(recent.getByRole("heading", { name: "पिछले 7 दिनों के बदलाव" })).toBeVisible();
  const line = recent.locator("li").filter({ hasText: "दीपक यादव" });
  await expect(line).toHaveCount(1);
  await expect(line).toContainText(`सुरेश कुमार शर्मा ने दीपक यादव को ${booth.nameHi} में अध्यक्ष बनाया।`);
  const times = await recent.locator("li time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime")!));
  expect(times.length).toBeGreaterThan(0);
  expect(times.length).toBeLessThanOrEqual(10);
  expect([...times].sort().reverse()).toEqual(times);
  // No logins, downloads or refusals among them.
  await expect(recent).not.toContainText("लॉग इन");
  await expect(recent).not.toContainText("डाउनलोड");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // The same in English.
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.locator("section.recent-changes").first().getByRole("heading", { name: "Changes in the last 7 days" })).toBeVisible();
  await expect(page.locator("section.recent-changes").first().locator("li").filter({ hasText: "Deepak Yadav" })).toHaveCount(1);
});

// The assembly's viewer, not the mandal's: login.spec locks the mandal viewer out for 15 minutes.
test("a viewer with no editing rights reads his assembly's recent changes too", async ({ page }) => {
  await loginAs(page, ACCOUNTS.assemblyViewer);
  await expect(page.locator("section.recent-changes")).toHaveCount(1);
  await expect(page.locator("section.recent-changes").getByRole("heading", { name: "पिछले 7 दिनों के बदलाव" })).toBeVisible();
});
