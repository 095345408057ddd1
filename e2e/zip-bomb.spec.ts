import { expect, test } from "@playwright/test";
import { ACCOUNTS, loginAs } from "./fixtures/auth";
import { unitIdByName } from "./fixtures/db";
import { lyingXlsxBytes } from "./fixtures/zip-bomb";

const MANDAL = "मखदुमपुर दक्षिणी मंडल";

test("an .xlsx that declares 1,000 bytes but unpacks to 400 MB is refused at once, in Hindi", async ({ page }) => {
  await loginAs(page, ACCOUNTS.mandalEditor);
  await page.goto(`/units/${unitIdByName(MANDAL)}/import`);
  await page.getByLabel("फ़ाइल चुनें").setInputFiles({
    name: "roster.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: lyingXlsxBytes(),
  });
  const started = Date.now();
  await page.getByRole("button", { name: "पहले जाँचें" }).click();
  await expect(page.getByRole("status").first()).toHaveText(
    "यह .xlsx फ़ाइल खोलने पर 60 MB से बड़ी हो जाती है, या अपने भीतर के आकार गलत बताती है, इसलिए स्वीकार नहीं की गई। कृपया Excel में सामान्य रूप से सहेजी गई .xlsx या CSV फ़ाइल अपलोड करें।",
  );
  // The server answered without unpacking the 400 MB (the unguarded parse took seconds).
  expect(Date.now() - started).toBeLessThan(3000);
  await expect(page.getByRole("button", { name: "लागू करें" })).toHaveCount(0);
});
