import { expect, test } from "@playwright/test";
import { ACCOUNTS, loginAs } from "./fixtures/auth";
import { unitIdByName } from "./fixtures/db";

// Works in Makhdumpur North so the roster specs' units in Makhdumpur South stay as seeded.
const MANDAL = "मखदुमपुर उत्तरी मंडल";

test("the district admin sets a WhatsApp link, adds a shakti kendra and renames it", async ({ page }) => {
  await loginAs(page, ACCOUNTS.districtAdmin);
  await page.goto(`/units/${unitIdByName(MANDAL)}`);
  await page.getByRole("link", { name: "इकाई प्रबंधन" }).click();

  const whatsapp = page.locator("form#whatsapp");
  await whatsapp.getByLabel(/आमंत्रण लिंक/).fill("https://evil.example/join");
  await whatsapp.getByRole("button", { name: "सहेजें" }).click();
  await expect(whatsapp.locator(".field-error")).toHaveText("यह व्हाट्सएप समूह का आमंत्रण लिंक नहीं है (https://chat.whatsapp.com/… होना चाहिए)।");
  await whatsapp.getByLabel(/आमंत्रण लिंक/).fill("https://chat.whatsapp.com/AbCdEfGhIjKl12");
  await whatsapp.getByRole("button", { name: "सहेजें" }).click();
  await expect(page).toHaveURL(/saved=1/);
  await expect(page.getByRole("link", { name: "व्हाट्सएप समूह से जुड़ें" })).toHaveAttribute("href", "https://chat.whatsapp.com/AbCdEfGhIjKl12");

  await page.getByRole("link", { name: "इकाई प्रबंधन" }).click();
  const add = page.locator("form#add");
  await add.getByLabel("नाम (हिंदी में)").fill("नवादा शक्ति केंद्र");
  await add.getByLabel("नाम (अंग्रेज़ी अक्षरों में)").fill("Nawada Shakti Kendra");
  await add.getByRole("button", { name: "जोड़ें" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("नवादा शक्ति केंद्र");
  await expect(page.getByRole("navigation", { name: "स्थान" })).toContainText(MANDAL);

  await page.getByRole("link", { name: "इकाई प्रबंधन" }).click();
  const rename = page.locator("form#rename");
  await rename.getByLabel("नाम (हिंदी में)").fill("नवादा पश्चिम शक्ति केंद्र");
  await rename.getByRole("button", { name: "सहेजें" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("नवादा पश्चिम शक्ति केंद्र");
});

test("a mandal editor has no management page", async ({ page }) => {
  await loginAs(page, ACCOUNTS.mandalEditor);
  const id = unitIdByName("मखदुमपुर दक्षिणी मंडल");
  await page.goto(`/units/${id}`);
  await expect(page.getByRole("link", { name: "इकाई प्रबंधन" })).toHaveCount(0);
  const response = await page.goto(`/units/${id}/manage`);
  expect(response?.status()).toBe(404);
});
