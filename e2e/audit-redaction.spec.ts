import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, loginAs, waitForHydration } from "./fixtures/auth";
import { postId, shaktiKendrasWithoutItConvenor, unitIdByName } from "./fixtures/db";

const MANDAL = "मखदुमपुर दक्षिणी मंडल";

/** A person of West Champaran: outside every grant of the Jehanabad district admin. */
function westChamparanPerson(): { id: number; nameHi: string; nameEn: string; mobile: string } {
  const db = new Database(path.resolve(process.cwd(), "data/e2e.db"), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `select p.id, p.name_hi as nameHi, p.name_en as nameEn, p.mobile from people p join units h on h.id = p.home_unit_id
         join units d on d.name_hi = 'पश्चिमी चंपारण'
         where h.path >= d.path and h.path < substr(d.path, 1, length(d.path) - 1) || '0' and p.mobile is not null
         order by p.id desc limit 1`,
      )
      .get() as { id: number; nameHi: string; nameEn: string; mobile: string };
  } finally {
    db.close();
  }
}

test("after a refused out-of-scope assign, the district admin's audit page does not name the foreign person", async ({ browser }) => {
  const foreign = westChamparanPerson();
  const sk = shaktiKendrasWithoutItConvenor(MANDAL).at(-1)!;

  // The attack, replayed through the real form and server action: the mandal editor posts a
  // West Champaran person's id as the new IT cell convenor of one of their shakti kendras.
  const editor = await browser.newContext();
  const page = await editor.newPage();
  await loginAs(page, ACCOUNTS.mandalEditor);
  await page.goto(`/units/${sk.id}/seats/${postId("shakti_kendra", "it_cell", "convenor")}/1`);
  await page.waitForLoadState("networkidle");
  // Tampered only after hydration: React would put the picker's own value back (seen on one core).
  await waitForHydration(page);
  await page.locator('input[type=hidden][name="personId"]').evaluate((input, id) => ((input as HTMLInputElement).value = String(id)), foreign.id);
  await page.getByRole("button", { name: "सहेजें" }).click();
  await expect(page.getByRole("status").filter({ hasText: "अनुमति नहीं" })).toHaveText("आपको यह बदलाव करने की अनुमति नहीं है। यह प्रयास दर्ज कर लिया गया है।");
  await editor.close();

  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await loginAs(adminPage, ACCOUNTS.districtAdmin);
  await adminPage.goto(`/admin/audit?unit=${unitIdByName(MANDAL)}`);
  const entry = adminPage.locator("li.card").filter({ hasText: "किसी ऐसे व्यक्ति को पद देना चाहा" }).first();
  await expect(entry).toContainText("अस्वीकृत");
  await expect(entry).toContainText("किस पर: आपके दायरे से बाहर कोई");
  await expect(entry).toContainText("संजय कुमार");
  const html = await adminPage.content();
  for (const leak of [foreign.nameHi, foreign.nameEn, foreign.mobile.slice(-10), `/people/${foreign.id}"`]) expect(html).not.toContain(leak);

  // The same page in English.
  await adminPage.getByRole("button", { name: /English/ }).click();
  await expect(adminPage.locator("li.card").filter({ hasText: "someone outside your scope" }).first()).toBeVisible();
  expect(await adminPage.content()).not.toContain(foreign.nameEn);
  await admin.close();
});
