import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import vCard from "vcf";
import { ACCOUNTS, loginAs } from "./fixtures/auth";
import { unitIdByName } from "./fixtures/db";

async function download(page: Page, unitName: string, format: "csv" | "xlsx" | "vcf", vacantOnly = false) {
  await page.goto(`/units/${unitIdByName(unitName)}`);
  await page.getByText("संपर्क सूची डाउनलोड करें").click();
  await page.getByLabel("फ़ाइल का प्रकार").selectOption(format);
  if (vacantOnly) await page.getByLabel("केवल रिक्त पद").check();
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "डाउनलोड करें" }).click()]);
  expect(file.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
  return fs.readFileSync((await file.path())!);
}

type Row = Record<string, string>;

test("the district admin exports Jehanabad as CSV, Excel and vCard, and finds Vikas Kumar Raushan in each", async ({ page }) => {
  await loginAs(page, ACCOUNTS.districtAdmin);

  const csv = await download(page, "जहानाबाद", "csv");
  expect(csv.subarray(0, 3).toString("hex")).toBe("efbbbf"); // UTF-8 byte-order mark for Excel
  const rows = parse(csv, { bom: true, columns: true }) as Row[];
  const vikas = rows.find((r) => r["नाम (हिंदी)"] === "विकास कुमार रौशन");
  expect(vikas).toMatchObject({ "जिला": "जहानाबाद", "विभाग/मोर्चा": "आईटी सेल", "पद": "संयोजक", "मोबाइल": "90000 00002", "नाम (अंग्रेज़ी)": "Vikas Kumar Raushan" });
  expect(rows.length).toBeGreaterThan(500);
  expect(rows.every((r) => r["जिला"] === "जहानाबाद")).toBe(true);

  const xlsx = await download(page, "जहानाबाद", "xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const header = (sheet.getRow(1).values as string[]).slice(1);
  expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  expect(sheet.autoFilter).toBeTruthy();
  let found: string[] | null = null;
  sheet.eachRow((row) => {
    const cells = (row.values as string[]).slice(1);
    if (cells[header.indexOf("नाम (हिंदी)")] === "विकास कुमार रौशन") found = cells;
  });
  expect(found).not.toBeNull();
  expect(found![header.indexOf("पद")]).toBe("संयोजक");
  expect(found![header.indexOf("मोबाइल")]).toBe("90000 00002");

  const vcf = await download(page, "जहानाबाद", "vcf");
  const cards = vCard.parse(vcf.toString("utf8"));
  const card = cards.find((c) => String(c.get("fn").valueOf()).startsWith("विकास कुमार रौशन"));
  expect(card).toBeTruthy();
  expect(String(card!.get("fn").valueOf())).toContain("आईटी सेल संयोजक");
  const tel = card!.get("tel");
  expect([tel].flat().map((t) => t.valueOf())).toContain("+919000000002");
});

test("a vacant-only export of Makhdumpur South lists only vacant seats", async ({ page }) => {
  await loginAs(page, ACCOUNTS.mandalEditor);
  const rows = parse(await download(page, "मखदुमपुर दक्षिणी मंडल", "csv", true), { bom: true, columns: true }) as Row[];
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    expect(r["नाम (हिंदी)"]).toBe("");
    expect(r["मोबाइल"]).toBe("");
    expect(r["मंडल"]).toBe("मखदुमपुर दक्षिणी मंडल");
  }
});

test("an export outside the grants is refused", async ({ page }) => {
  await loginAs(page, ACCOUNTS.mandalEditor);
  const response = await page.request.get(`/api/export?unit=${unitIdByName("पश्चिमी चंपारण")}&format=csv`);
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toContain("90000");
});
