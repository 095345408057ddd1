import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, loginAs } from "./fixtures/auth";
import { unitIdByName } from "./fixtures/db";

/** Issue 16 items 1 and 3, as the mandal IT cell convenor (9000000003) does them. */
const MANDAL = "मखदुमपुर दक्षिणी मंडल";
const UMESH = "उमेश प्रसाद";

function db<T>(fn: (d: Database.Database) => T): T {
  const d = new Database(path.resolve(process.cwd(), "data/e2e.db"), { readonly: true, fileMustExist: true });
  try {
    return fn(d);
  } finally {
    d.close();
  }
}
/** उमेश प्रसाद's post in the mandal itself: who holds it now. */
const umeshSeat = () =>
  db((d) =>
    d
      .prepare(
        `select t.id as tenureId, t.post_id as postId, t.seat, p.id as personId, p.mobile from tenures t join people p on p.id = t.person_id
         where t.unit_id = (select id from units where name_hi = ?) and p.name_hi = ? and t.end_date is null`,
      )
      .get(MANDAL, UMESH) as { tenureId: number; postId: number; seat: number; personId: number; mobile: string },
  );
const holderNow = (postId: number, seat: number) =>
  db((d) =>
    d
      .prepare(
        `select t.id as tenureId, p.id as personId, p.name_hi as nameHi, p.mobile from tenures t join people p on p.id = t.person_id
         where t.unit_id = (select id from units where name_hi = ?) and t.post_id = ? and t.seat = ? and t.end_date is null`,
      )
      .get(MANDAL, postId, seat) as { tenureId: number; personId: number; nameHi: string; mobile: string },
  );
const peopleWithMobile = (mobile: string) => db((d) => (d.prepare("select count(*) as n from people where mobile = ?").get(mobile) as { n: number }).n);

/** Downloads the mandal's current list from the import page, as the convenor does. */
async function downloadList(page: Page): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /वर्तमान सूची डाउनलोड करें/ }).click()]);
  const text = fs.readFileSync((await download.path())!, "utf8");
  return parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][];
}

/** The row of उमेश प्रसाद's own mandal post: the mandal named, no shakti kendra or booth. */
function umeshRow(rows: string[][]): number {
  const h = rows[0];
  const col = (name: string) => h.indexOf(name);
  const i = rows.findIndex((r) => r[col("नाम (हिंदी)")] === UMESH && r[col("मंडल")] === MANDAL && r[col("शक्ति केंद्र")] === "" && r[col("बूथ")] === "");
  expect(i, "उमेश प्रसाद's row in the downloaded list").toBeGreaterThan(0);
  return i;
}

const asFile = (rows: string[][]) => ({ name: "makhdumpur-dakshini.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${stringify(rows)}`, "utf8") });

test("changing only उमेश प्रसाद's mobile in the downloaded list corrects him: one उमेश प्रसाद remains, new number, same post", async ({ page }) => {
  const before = umeshSeat();
  const NEW = "+919000099901";
  expect(peopleWithMobile(NEW)).toBe(0);
  await loginAs(page, ACCOUNTS.mandalEditor);
  await page.goto(`/units/${unitIdByName(MANDAL)}/import`);
  const rows = await downloadList(page);
  const i = umeshRow(rows);
  rows[i][rows[0].indexOf("मोबाइल")] = "90000 99901";

  await page.getByLabel("फ़ाइल चुनें").setInputFiles(asFile(rows));
  await page.getByRole("button", { name: "पहले जाँचें" }).click();
  const card = page.locator(".import-row").filter({ hasText: UMESH }).filter({ hasText: "90000 99901" });
  await expect(card).toHaveCount(1);
  await expect(card).toContainText(`${UMESH}: मोबाइल सुधारा जाएगा`);
  await expect(card).not.toContainText("की जगह");
  await expect(card).not.toContainText("नया व्यक्ति");
  // Nothing else in the list changes.
  await expect(page.locator(".import-rows").first().locator(".import-row")).toHaveCount(1);

  await page.getByRole("button", { name: "लागू करें" }).click();
  await expect(page.getByRole("status").filter({ hasText: "सूची लागू हो गई" })).toContainText("1 बदलाव सहेजे गए");

  // The same person, the same tenure, the new number; nobody new.
  const after = holderNow(before.postId, before.seat);
  expect(after).toEqual({ tenureId: before.tenureId, personId: before.personId, nameHi: UMESH, mobile: NEW });
  expect(peopleWithMobile(NEW)).toBe(1);
  expect(peopleWithMobile(before.mobile)).toBe(0);
  // The mandal's page shows him in his post, with the new number to call.
  await page.goto(`/units/${unitIdByName(MANDAL)}`);
  const him = page.locator("tr, li").filter({ hasText: UMESH }).filter({ has: page.locator(`a[href="tel:${NEW}"]`) });
  await expect(him.first()).toBeVisible();
});

test.describe("at 390 px, before any JavaScript", () => {
  test.use({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });

  test("the preview shows the summary once, apply right under it, each change with person and post, unchanged rows folded", async ({ page }) => {
    await loginAs(page, ACCOUNTS.mandalEditor);
    await page.goto(`/units/${unitIdByName(MANDAL)}/import`);
    const rows = await downloadList(page);
    const total = rows.length - 1;
    // One new holder in a vacant seat of the list (a row with no name yet): the convenor fills in the blank.
    const h = rows[0];
    const vacant = rows.findIndex((r, n) => n > 0 && r[h.indexOf("नाम (हिंदी)")] === "" && r[h.indexOf("बूथ")] !== "");
    expect(vacant).toBeGreaterThan(0);
    rows[vacant][h.indexOf("नाम (हिंदी)")] = "रामधनी यादव";
    rows[vacant][h.indexOf("नाम (अंग्रेज़ी)")] = "Ramdhani Yadav";
    rows[vacant][h.indexOf("मोबाइल")] = "90000 99902";
    const booth = rows[vacant][h.indexOf("बूथ")];
    const post = rows[vacant][h.indexOf("पद")];

    await page.getByLabel("फ़ाइल चुनें").setInputFiles(asFile(rows));
    await page.getByRole("button", { name: "पहले जाँचें" }).click();

    const heading = page.getByRole("heading", { name: /पंक्तियाँ:/ });
    await expect(heading).toContainText(`${total} पंक्तियाँ: 1 नए पदाधिकारी, 0 बदले जाएँगे`);
    // The summary once on the page.
    await expect(page.getByText(/\d+ पंक्तियाँ: \d+ नए पदाधिकारी/)).toHaveCount(1);

    // "लागू करें" where the eye is: just under the summary, on the first screen from it.
    const apply = page.getByRole("button", { name: "लागू करें" });
    const [hb, ab] = [await heading.boundingBox(), await apply.boundingBox()];
    expect(ab!.y - (hb!.y + hb!.height)).toBeLessThan(150);
    expect(ab!.height).toBeGreaterThanOrEqual(44);

    // The change, with person and post visible inside 390 px.
    const card = page.locator(".import-row").filter({ hasText: "रामधनी यादव" });
    await expect(card).toBeVisible();
    await expect(card).toContainText("नया पदाधिकारी · नया व्यक्ति");
    await expect(card).toContainText(post);
    await expect(card).toContainText(booth);
    const cb = await card.boundingBox();
    expect(cb!.x + cb!.width).toBeLessThanOrEqual(390);

    // Everything else is folded away, counted.
    const fold = page.locator("details.import-rest");
    await expect(fold.locator("summary")).toHaveText(`${total - 1} पंक्तियाँ बिना बदलाव (पहले जैसी या खाली पद)`);
    await expect(fold).not.toHaveAttribute("open");
    await expect(fold.locator(".import-row").first()).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await apply.click();
    await expect(page.getByRole("status").filter({ hasText: "सूची लागू हो गई" })).toContainText("1 बदलाव सहेजे गए");
  });
});
