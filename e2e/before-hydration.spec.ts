import { expect, test } from "@playwright/test";
import { ACCOUNTS, loginAs } from "./fixtures/auth";
import { shaktiKendrasWithoutItConvenor } from "./fixtures/db";
import { itCellConvenorRow } from "./fixtures/unit-page";

// A convenor on a slow link taps before the JavaScript has arrived. With scripts off, the page is
// what that tap meets: every step below must work as plain links and form posts.
test.use({ javaScriptEnabled: false });

const MANDAL = "मखदुमपुर दक्षिणी मंडल";

test("with no JavaScript, the mandal editor opens “add a new person” and fills a vacant seat", async ({ page }) => {
  // The last vacant shakti kendra: the roster spec takes the first, so the two never meet.
  const sk = shaktiKendrasWithoutItConvenor(MANDAL).at(-1)!;
  await loginAs(page, ACCOUNTS.mandalEditor);
  await page.goto(`/units/${sk.id}`);
  await itCellConvenorRow(page).getByRole("link", { name: /भरें/ }).click();

  await page.getByRole("link", { name: "या नया व्यक्ति जोड़ें" }).click();
  await page.getByLabel("नाम (हिंदी में)").fill("रमेश पासवान");
  await page.getByLabel("नाम (अंग्रेज़ी अक्षरों में)").fill("Ramesh Paswan");
  await page.getByLabel("मोबाइल नंबर").fill("98765 00077");
  await page.getByRole("button", { name: "सहेजें" }).click();

  await expect(page).toHaveURL(new RegExp(`/units/${sk.id}\\?saved=1`));
  await expect(itCellConvenorRow(page)).toContainText("रमेश पासवान");
});
