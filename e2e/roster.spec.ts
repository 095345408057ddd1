import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, loginAs, waitForHydration } from "./fixtures/auth";
import { boothsWithPresident, currentHolderName, postId, shaktiKendrasWithoutItConvenor } from "./fixtures/db";
import { itCellConvenorRow } from "./fixtures/unit-page";

const MANDAL = "मखदुमपुर दक्षिणी मंडल";

async function addNewPerson(page: Page, person: { hi: string; en: string; mobile: string }) {
  await page.getByRole("link", { name: "या नया व्यक्ति जोड़ें" }).click();
  await page.getByLabel("नाम (हिंदी में)").fill(person.hi);
  await page.getByLabel("नाम (अंग्रेज़ी अक्षरों में)").fill(person.en);
  await page.getByLabel("मोबाइल नंबर").fill(person.mobile);
}

test("the mandal editor fills a shakti kendra's IT cell convenor seat; unit and person pages show it", async ({ page }) => {
  const [sk] = shaktiKendrasWithoutItConvenor(MANDAL);
  await loginAs(page, ACCOUNTS.mandalEditor);
  await page.goto(`/units/${sk.id}`);
  await expect(itCellConvenorRow(page)).toContainText("रिक्त");
  await itCellConvenorRow(page).getByRole("link", { name: /भरें/ }).click();

  await addNewPerson(page, { hi: "पवन कुमार सिंह", en: "Pawan Kumar Singh", mobile: "+91-98765-00001" });
  await page.getByRole("button", { name: "सहेजें" }).click();

  await expect(page).toHaveURL(new RegExp(`/units/${sk.id}\\?saved=1`));
  await expect(page.getByRole("status").filter({ hasText: "बदलाव सहेजा गया" })).toBeVisible();
  await expect(itCellConvenorRow(page)).toContainText("पवन कुमार सिंह");
  await expect(itCellConvenorRow(page).getByRole("link", { name: /98765 00001/ })).toHaveAttribute("href", "tel:+919876500001");

  await itCellConvenorRow(page).getByRole("link", { name: "पवन कुमार सिंह", exact: true }).click();
  const current = page.locator("section", { has: page.getByRole("heading", { name: "वर्तमान पद" }) });
  await expect(current).toContainText("संयोजक · आईटी सेल");
  await expect(current).toContainText(sk.nameHi);

  // The district admin finds the change on the audit page, with who made it.
  await page.getByRole("button", { name: "लॉग आउट" }).click();
  await expect(page).toHaveURL(/\/login/);
  await loginAs(page, ACCOUNTS.districtAdmin);
  await page.getByRole("link", { name: "बदलाव का रिकॉर्ड" }).click();
  const entry = page.locator("li, article, tr").filter({ hasText: "पवन कुमार सिंह" }).filter({ hasText: "संजय कुमार" }).first();
  await expect(entry).toBeVisible();
});

test("replacing a booth president keeps the old tenure with its end date", async ({ page }) => {
  const booth = boothsWithPresident(MANDAL)[0];
  await loginAs(page, ACCOUNTS.mandalEditor);
  await page.goto(`/units/${booth.boothId}/seats/${booth.postId}/1`);
  await expect(page.getByRole("heading", { name: "नया पदाधिकारी" })).toBeVisible();
  await waitForHydration(page);
  await page.getByLabel("व्यक्ति खोजें").fill("अजीत कुमार");
  await page.getByRole("button", { name: /अजीत कुमार Ajit Kumar/ }).click();
  await expect(page.getByText("चुना गया: अजीत कुमार (Ajit Kumar)")).toBeVisible();
  await page.getByLabel("आरंभ की तारीख").fill("2026-11-20");
  await page.getByRole("button", { name: "सहेजें" }).click();
  // A replacement asks first.
  await expect(page.getByText(`${booth.personHi} की जगह अजीत कुमार को इस पद पर रखें?`)).toBeVisible();
  await page.getByRole("button", { name: "हाँ, रखें" }).click();
  await expect(page).toHaveURL(new RegExp(`/units/${booth.boothId}\\?saved=1`));
  await expect(page.locator("table.posts-table").first()).toContainText("अजीत कुमार");

  await page.goto(`/people/${booth.personId}`);
  const past = page.locator("section", { has: page.getByRole("heading", { name: "पूर्व पद" }) });
  await expect(past).toContainText(booth.boothHi);
  // The old tenure ends the day before the new one starts.
  await expect(past).toContainText("19 नवंबर 2026");
  await expect(past).toContainText("नए पदाधिकारी ने जगह ली");
  await expect(past).not.toContainText("replaced");
});

test("two editors save the same seat: the second is told, and the first's change stands", async ({ browser }) => {
  const sk = shaktiKendrasWithoutItConvenor(MANDAL).at(-1)!;
  const itConvenor = postId("shakti_kendra", "it_cell", "convenor");
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await loginAs(first, ACCOUNTS.mandalEditor);
  await loginAs(second, ACCOUNTS.districtAdmin);
  await first.goto(`/units/${sk.id}/seats/${itConvenor}/1`);
  await second.goto(`/units/${sk.id}/seats/${itConvenor}/1`);

  await addNewPerson(first, { hi: "राहुल वर्मा", en: "Rahul Verma", mobile: "98765 00002" });
  await first.getByRole("button", { name: "सहेजें" }).click();
  await expect(first).toHaveURL(/saved=1/);

  await addNewPerson(second, { hi: "मोहन लाल", en: "Mohan Lal", mobile: "98765 00003" });
  await second.getByRole("button", { name: "सहेजें" }).click();
  await expect(second.getByRole("status").filter({ hasText: "बदल गया है" })).toContainText("राहुल वर्मा");

  expect(currentHolderName(sk.id, itConvenor)).toBe("राहुल वर्मा");
  await first.context().close();
  await second.context().close();
});

test("an invalid mobile gets the Hindi message and nothing is saved", async ({ page }) => {
  const sk = shaktiKendrasWithoutItConvenor(MANDAL)[0];
  const itConvenor = postId("shakti_kendra", "it_cell", "convenor");
  const before = currentHolderName(sk.id, itConvenor);
  await loginAs(page, ACCOUNTS.mandalEditor);
  await page.goto(`/units/${sk.id}/seats/${itConvenor}/1`);
  await addNewPerson(page, { hi: "गलत नंबर", en: "Galat Number", mobile: "58765 43210" });
  await page.getByRole("button", { name: "सहेजें" }).click();
  await expect(page.locator("#mobile-error")).toHaveText("यह सही भारतीय मोबाइल नंबर नहीं है। 10 अंकों का नंबर लिखें, जैसे 98765 43210।");
  await expect(page).toHaveURL(/\/seats\//);
  expect(currentHolderName(sk.id, itConvenor)).toBe(before);
});

test("a number already on file offers that person instead of a twin", async ({ page }) => {
  const sk = shaktiKendrasWithoutItConvenor(MANDAL)[0];
  const itConvenor = postId("shakti_kendra", "it_cell", "convenor");
  await loginAs(page, ACCOUNTS.mandalEditor);
  await page.goto(`/units/${sk.id}/seats/${itConvenor}/1`);
  await addNewPerson(page, { hi: "अजित", en: "Ajit", mobile: "09000000010" });
  await page.getByRole("button", { name: "सहेजें" }).click();
  await expect(page.locator("#mobile-error")).toContainText("अजीत कुमार");
  await page.getByRole("button", { name: "अजीत कुमार को चुनें" }).click();
  await expect(page.getByText("चुना गया: अजीत कुमार (Ajit Kumar)")).toBeVisible();
});

test("the viewer sees no edit links, and a crafted seat URL is refused", async ({ page }) => {
  const sk = shaktiKendrasWithoutItConvenor(MANDAL)[0];
  await loginAs(page, ACCOUNTS.assemblyViewer);
  await page.goto(`/units/${sk.id}`);
  await expect(page.getByRole("link", { name: /भरें|बदलें/ })).toHaveCount(0);
  const response = await page.goto(`/units/${sk.id}/seats/${postId("shakti_kendra", "it_cell", "convenor")}/1`);
  expect(response?.status()).toBe(404);
});

test("the IT cell editor may fill IT cell posts but not organisation posts", async ({ page }) => {
  const sk = shaktiKendrasWithoutItConvenor(MANDAL)[0];
  await loginAs(page, ACCOUNTS.itCellDistrict);
  await page.goto(`/units/${sk.id}`);
  await expect(itCellConvenorRow(page).getByRole("link", { name: /भरें|बदलें/ })).toHaveCount(1);
  const organisation = page.locator("section.body-group").filter({ has: page.getByRole("heading", { name: /^संगठन/ }) });
  await expect(organisation.getByRole("link", { name: /भरें|बदलें/ })).toHaveCount(0);
  const response = await page.goto(`/units/${sk.id}/seats/${postId("shakti_kendra", "sangathan", "in_charge")}/1`);
  expect(response?.status()).toBe(404);
});
