import { expect, test } from "@playwright/test";
import { ACCOUNTS, loginAs, waitForHydration } from "./fixtures/auth";
import { shaktiKendrasWithoutItConvenor, unitIdByName } from "./fixtures/db";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("on a phone, typing “vikas roshan” in the header box suggests him; picking lands on his page", async ({ page }) => {
  await loginAs(page, ACCOUNTS.districtAdmin);
  await waitForHydration(page);
  await page.getByRole("combobox", { name: "नाम, इकाई, पद या मोबाइल खोजें" }).fill("vikas roshan");
  const suggestion = page.getByRole("option", { name: /विकास कुमार रौशन/ });
  await expect(suggestion).toBeVisible();
  await suggestion.click();
  await expect(page).toHaveURL(/\/people\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("विकास कुमार रौशन");
});

test("the results page finds across scripts and by mobile digits, and says when nothing matches", async ({ page }) => {
  await loginAs(page, ACCOUNTS.districtAdmin);
  await page.goto("/search?q=ajeet+choudhary");
  await expect(page.getByRole("link", { name: "अजीत चौधरी" })).toBeVisible();
  await page.goto("/search?q=00007");
  await expect(page.locator("section", { has: page.getByRole("heading", { name: "व्यक्ति" }) }).locator("li.card").first()).toContainText("धर्मेंद्र चौहान");
  await page.goto("/search?q=zzqxw");
  await expect(page.getByText("“zzqxw” से कुछ नहीं मिला।")).toBeVisible();
  await page.goto("/search?q=a");
  await expect(page.getByText("कम से कम 2 अक्षर या 3 अंक लिखें।")).toBeVisible();
});

test("the mandal editor finds no one outside his grants", async ({ page }) => {
  await loginAs(page, ACCOUNTS.mandalEditor);
  await page.goto("/search?q=vikas+roshan");
  await expect(page.getByText("“vikas roshan” से कुछ नहीं मिला।")).toBeVisible();
});

test("vacant only: Makhdumpur South's shakti kendras without an IT cell convenor; filling one removes it", async ({ page }) => {
  const mandal = unitIdByName("मखदुमपुर दक्षिणी मंडल");
  await loginAs(page, ACCOUNTS.districtAdmin);
  await page.goto(`/units/${mandal}`);
  await page.getByRole("link", { name: "इसके नीचे रिक्त पद खोजें" }).click();
  await page.getByLabel("पद", { exact: true }).selectOption({ label: "शक्ति केंद्र: आईटी सेल संयोजक" });
  await page.getByRole("button", { name: "रिक्त इकाइयाँ दिखाएँ" }).click();
  await expect(page).toHaveURL(/post=\d+/);
  const vacancyUrl = page.url();
  const list = page.locator("ul.vacancy-list > li");
  const vacant = shaktiKendrasWithoutItConvenor("मखदुमपुर दक्षिणी मंडल");
  await expect(list).toHaveCount(vacant.length);
  const before = vacant.length;
  const target = vacant[Math.floor(before / 2)];
  await expect(list.filter({ hasText: target.nameHi })).toHaveCount(1);

  // Fill that shakti kendra's IT cell convenor, then the list is one shorter.
  await list.filter({ hasText: target.nameHi }).getByRole("link").click();
  const row = page
    .locator("section.body-group")
    .filter({ has: page.getByRole("heading", { name: /^आईटी सेल/ }) })
    .getByRole("row")
    .filter({ hasText: "संयोजक" });
  await row.getByRole("link", { name: /भरें/ }).click();
  await page.getByRole("link", { name: "या नया व्यक्ति जोड़ें" }).click();
  await page.getByLabel("नाम (हिंदी में)").fill("सुमन कुमारी");
  await page.getByLabel("नाम (अंग्रेज़ी अक्षरों में)").fill("Suman Kumari");
  await page.getByLabel("मोबाइल नंबर").fill("98765 00021");
  await page.getByRole("button", { name: "सहेजें" }).click();
  await expect(page).toHaveURL(/saved=1/);
  await page.goto(vacancyUrl);
  await expect(list.filter({ hasText: target.nameHi })).toHaveCount(0);
});
