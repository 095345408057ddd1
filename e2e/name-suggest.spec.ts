import { expect, test } from "@playwright/test";
import { ACCOUNTS, loginAs, waitForHydration } from "./fixtures/auth";
import { postId, shaktiKendrasWithoutItConvenor } from "./fixtures/db";

// Issue 16 item 11: a new person's name is typed once; the other script is suggested, editable.
const MANDAL = "मखदुमपुर दक्षिणी मंडल";
test.use({ viewport: { width: 390, height: 844 } });

test.beforeEach(async ({ page }) => {
  const sk = shaktiKendrasWithoutItConvenor(MANDAL)[0];
  await loginAs(page, ACCOUNTS.mandalEditor);
  await page.goto(`/units/${sk.id}/seats/${postId("shakti_kendra", "it_cell", "convenor")}/1?mode=new`);
  await waitForHydration(page);
});

test("typing the Hindi name suggests the Latin spelling, which stays editable", async ({ page }) => {
  const hi = page.getByLabel("नाम (हिंदी में)");
  const en = page.getByLabel("नाम (अंग्रेज़ी अक्षरों में)");
  await hi.pressSequentially("पवन कुमार");
  await expect(en).toHaveValue(/^P[a-z]+ K[a-z]+$/);
  expect(["Pavan Kumar", "Pawan Kumar"]).toContain(await en.inputValue());
  // Once the person types into the suggested field, it is theirs: no more overwriting.
  await en.fill("Pawan Kr");
  await hi.pressSequentially(" सिंह");
  await expect(en).toHaveValue("Pawan Kr");
});

test("typing the Latin name suggests the Hindi spelling", async ({ page }) => {
  const hi = page.getByLabel("नाम (हिंदी में)");
  const en = page.getByLabel("नाम (अंग्रेज़ी अक्षरों में)");
  await en.pressSequentially("Pawan Kumar");
  await expect(hi).toHaveValue(/^[\u0900-\u097F]+ [\u0900-\u097F]+$/);
  expect(await hi.inputValue()).toMatch(/^प/);
  await hi.fill("पवन कुमार");
  await expect(hi).toHaveValue("पवन कुमार");
});
