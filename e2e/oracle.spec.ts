import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, loginAs } from "./fixtures/auth";
import { postId, shaktiKendrasWithoutItConvenor } from "./fixtures/db";
import { itCellConvenorRow } from "./fixtures/unit-page";

// Issue 10, fault 4: a mobile held outside the editor's scope gets one generic answer, and the
// case goes to an admin covering both, who fills the seat.
const MANDAL = "मखदुमपुर दक्षिणी मंडल";
const GENERIC = "यह मोबाइल नंबर यहाँ इस्तेमाल नहीं हो सकता। नंबर जाँचें, या अपने एडमिन से बात करें।";

/** A West Champaran person (home and every post there): outside the mandal editor's scope. */
function westChamparanPerson(): { id: number; nameHi: string; mobile: string } {
  const db = new Database(path.resolve(process.cwd(), "data/e2e.db"), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `select p.id, p.name_hi as nameHi, p.mobile from people p join units h on h.id = p.home_unit_id
         where h.path like (select path from units where name_hi = 'पश्चिमी चंपारण') || '%' and p.mobile is not null
         and not exists (select 1 from tenures t join units u on u.id = t.unit_id where t.person_id = p.id
                         and u.path not like (select path from units where name_hi = 'पश्चिमी चंपारण') || '%')
         order by p.id desc limit 1`,
      )
      .get() as { id: number; nameHi: string; mobile: string };
  } finally {
    db.close();
  }
}

test("an out-of-scope mobile as a new person: the generic Hindi answer; the state admin accepts the request and the seat shows the person", async ({ page }) => {
  const sk = shaktiKendrasWithoutItConvenor(MANDAL)[1];
  const convenor = postId("shakti_kendra", "it_cell", "convenor");
  const outsider = westChamparanPerson();

  await loginAs(page, ACCOUNTS.mandalEditor);
  await page.goto(`/units/${sk.id}/seats/${convenor}/1`);
  await page.getByRole("link", { name: "या नया व्यक्ति जोड़ें" }).click();
  await page.getByLabel("नाम (हिंदी में)").fill("परीक्षण व्यक्ति");
  await page.getByLabel("नाम (अंग्रेज़ी अक्षरों में)").fill("Parikshan Vyakti");
  await page.getByLabel("मोबाइल नंबर").fill(outsider.mobile.replace(/^\+91/, ""));
  await page.getByRole("button", { name: "सहेजें" }).click();
  await expect(page.getByText(GENERIC).first()).toBeVisible();
  await expect(page.locator("body")).not.toContainText(outsider.nameHi);
  await expect(page).toHaveURL(new RegExp(`/units/${sk.id}/seats/`));

  // The district admin covers the unit but not the person: the request is not shown to him.
  await page.getByRole("button", { name: "लॉग आउट" }).click();
  await expect(page).toHaveURL(/\/login/);
  await loginAs(page, ACCOUNTS.districtAdmin);
  await page.goto("/admin/requests");
  await expect(page.getByRole("heading", { name: "पद भरने के अनुरोध" })).toBeVisible();
  await expect(page.locator("main")).not.toContainText(outsider.nameHi);

  await page.getByRole("button", { name: "लॉग आउट" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.setViewportSize({ width: 390, height: 844 });
  await loginAs(page, ACCOUNTS.stateAdmin);
  await page.getByRole("link", { name: /^अनुरोध/ }).click();
  await expect(page).toHaveURL(/\/admin\/requests/);
  const card = page.locator("li.card").filter({ hasText: outsider.nameHi }).filter({ hasText: sk.nameHi });
  await expect(card).toContainText("संजय कुमार");
  // Usable on a phone: no sideways scrolling, no serious accessibility faults.
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(widths[0]).toBeLessThanOrEqual(widths[1]);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  const accept = card.getByRole("button", { name: "स्वीकार करें और पद भरें" });
  const box = await accept.boundingBox();
  expect(box && box.height >= 44 && box.width >= 44).toBe(true);
  await accept.click();
  await expect(page.getByRole("status")).toContainText("अनुरोध स्वीकार हुआ");
  await expect(page.locator("li.card").filter({ hasText: outsider.nameHi }).filter({ hasText: sk.nameHi })).toHaveCount(0);

  await page.goto(`/units/${sk.id}`);
  await expect(itCellConvenorRow(page)).toContainText(outsider.nameHi);
});
