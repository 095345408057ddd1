import { expect, test } from "@playwright/test";
import { ACCOUNTS, loginAs } from "./fixtures/auth";
import { boothsOf, currentMember, unitIdByName, westChamparanMandal } from "./fixtures/db";

const MANDAL = "मखदुमपुर दक्षिणी मंडल";
const HEADER = "प्रदेश,जिला,विधानसभा,मंडल,शक्ति केंद्र,बूथ,कोड,विभाग/मोर्चा,पद,सीट,नाम (हिंदी),नाम (अंग्रेज़ी),मोबाइल,व्हाट्सएप,कब से";
const GIVEN = ["अमर", "बबलू", "चंदू", "दीपक", "गणेश"];
const GIVEN_EN = ["Amar", "Bablu", "Chandu", "Deepak", "Ganesh"];

function sheet(): { csv: string; good: Array<{ booth: string; code: string; seat: number; name: string }> } {
  const booths = boothsOf(MANDAL);
  const line = (cells: Array<string | number>) => cells.map((c) => `"${String(c).replace(/"/g, '""')}"`).join(",");
  const rows: string[] = [];
  const good: Array<{ booth: string; code: string; seat: number; name: string }> = [];
  for (let i = 0; i < 25; i++) {
    const b = booths[i % booths.length];
    const seat = 10 - Math.floor(i / booths.length);
    const name = `${GIVEN[i % 5]} ${["मेहता", "राय", "सिन्हा", "दास", "पाल"][Math.floor(i / 5)]}`;
    const nameEn = `${GIVEN_EN[i % 5]} ${["Mehta", "Rai", "Sinha", "Das", "Pal"][Math.floor(i / 5)]}`;
    good.push({ booth: b.booth, code: b.code, seat, name });
    rows.push(line(["बिहार", "जहानाबाद", "मखदुमपुर", MANDAL, b.sk, b.booth, b.code, "संगठन", "सदस्य", seat, name, nameEn, `98768 ${String(10000 + i)}`, "", "2026-11-01"]));
  }
  const b = booths[0];
  const wc = westChamparanMandal();
  rows.push(line(["बिहार", "जहानाबाद", "मखदुमपुर", MANDAL, b.sk, b.booth, b.code, "संगठन", "सदस्य", 7, "गलत मोबाइल", "Galat Mobile", "12345", "", ""]));
  rows.push(line(["बिहार", "जहानाबाद", "मखदुमपुर", MANDAL, "कोई शक्ति केंद्र नहीं", "कोई बूथ", "", "संगठन", "सदस्य", 7, "अनजान इकाई", "Anjan Ikai", "98768 20001", "", ""]));
  rows.push(line(["बिहार", "जहानाबाद", "मखदुमपुर", MANDAL, b.sk, b.booth, b.code, "संगठन", "महामंत्री", 1, "गलत पद", "Galat Pad", "98768 20002", "", ""]));
  rows.push(line(["बिहार", "जहानाबाद", "मखदुमपुर", MANDAL, b.sk, b.booth, b.code, "संगठन", "सदस्य", 11, "ज़्यादा सीट", "Zyada Seat", "98768 20003", "", ""]));
  rows.push(line(["बिहार", wc.district, wc.assembly, wc.mandal, "", "", "", "संगठन", "अध्यक्ष", 1, "बाहरी व्यक्ति", "Bahari Vyakti", "98768 20004", "", ""]));
  return { csv: `\uFEFF${HEADER}\r\n${rows.join("\r\n")}\r\n`, good };
}

test("the mandal editor imports a 30-row sheet with 5 bad rows; the second import changes nothing", async ({ page }) => {
  const { csv, good } = sheet();
  const file = { name: "makhdumpur-dakshini.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") };
  await loginAs(page, ACCOUNTS.mandalEditor);
  await page.goto(`/units/${unitIdByName(MANDAL)}`);
  await page.getByRole("link", { name: "सूची अपलोड करें" }).click();

  await page.getByLabel("फ़ाइल चुनें").setInputFiles(file);
  await page.getByRole("button", { name: "पहले जाँचें" }).click();
  await expect(page.getByRole("heading", { name: /30 पंक्तियाँ/ })).toHaveText("30 पंक्तियाँ: 25 नए पदाधिकारी, 0 बदले जाएँगे, 0 पहले जैसे, 0 खाली पद, 5 में गलती");
  const errors = page.locator(".import-row.fate-error");
  await expect(errors).toHaveCount(5);
  await expect(errors.filter({ hasText: "मोबाइल नंबर सही नहीं है" })).toHaveCount(1);
  // A made-up path and a West Champaran unit get the same answer (nothing outside the scope is confirmed).
  await expect(errors.filter({ hasText: "यह जगह आपकी इकाई में नहीं मिली" })).toHaveCount(2);
  await expect(errors.filter({ hasText: "यह पद इस स्तर पर नहीं होता" })).toHaveCount(1);
  await expect(errors.filter({ hasText: "सीट संख्या इस पद की सीटों से बाहर है" })).toHaveCount(1);
  await expect(errors.filter({ hasText: "यह जगह आपकी इकाई में नहीं मिली" }).filter({ hasText: "बाहरी व्यक्ति" })).toHaveCount(1);
  // Nothing is written by the preview.
  expect(currentMember(good[0].booth, good[0].code, good[0].seat)).toBeNull();

  const [errorSheet] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /गलती वाली पंक्तियाँ डाउनलोड करें/ }).click()]);
  expect(errorSheet.suggestedFilename()).toMatch(/errors\.csv$/);

  await page.getByRole("button", { name: "लागू करें" }).click();
  await expect(page.getByRole("status").filter({ hasText: "सूची लागू हो गई" })).toHaveText("सूची लागू हो गई: 25 बदलाव सहेजे गए। गलती वाली 5 पंक्तियाँ छोड़ दी गईं।");
  for (const g of [good[0], good[24]]) expect(currentMember(g.booth, g.code, g.seat)).toBe(g.name);

  // The booth's page shows the new member.
  await page.goto(`/search?q=${encodeURIComponent(good[0].booth)}&level=booth`);
  await page.getByRole("link", { name: new RegExp(good[0].booth) }).first().click();
  await expect(page.locator("table.posts-table").first()).toContainText(good[0].name);

  // The same sheet again: every good row unchanged, nothing written.
  await page.goto(`/units/${unitIdByName(MANDAL)}/import`);
  await page.getByLabel("फ़ाइल चुनें").setInputFiles(file);
  await page.getByRole("button", { name: "पहले जाँचें" }).click();
  await expect(page.getByRole("heading", { name: /30 पंक्तियाँ/ })).toHaveText("30 पंक्तियाँ: 0 नए पदाधिकारी, 0 बदले जाएँगे, 25 पहले जैसे, 0 खाली पद, 5 में गलती");
  await page.getByRole("button", { name: "लागू करें" }).click();
  await expect(page.getByRole("status").filter({ hasText: "लागू करने को कुछ नहीं है" })).toBeVisible();
});

test("a Windows-1252 CSV and a file with the wrong columns get clear messages", async ({ page }) => {
  await loginAs(page, ACCOUNTS.mandalEditor);
  await page.goto(`/units/${unitIdByName(MANDAL)}/import`);
  await page.getByLabel("फ़ाइल चुनें").setInputFiles({ name: "old.csv", mimeType: "text/csv", buffer: Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x0d, 0x0a, 0xe9, 0x74, 0xe9]) });
  await page.getByRole("button", { name: "पहले जाँचें" }).click();
  await expect(page.getByRole("status").filter({ hasText: "UTF-8" })).toContainText("यह CSV UTF-8 में नहीं है");
  await page.getByLabel("फ़ाइल चुनें").setInputFiles({ name: "wrong.csv", mimeType: "text/csv", buffer: Buffer.from("name,phone\r\nA,98765 43210\r\n") });
  await page.getByRole("button", { name: "पहले जाँचें" }).click();
  await expect(page.getByRole("status").filter({ hasText: "कॉलम नहीं मिले" })).toBeVisible();
});

test("a viewer has no import page", async ({ page }) => {
  await loginAs(page, ACCOUNTS.assemblyViewer);
  const response = await page.goto(`/units/${unitIdByName(MANDAL)}/import`);
  expect(response?.status()).toBe(404);
});
