import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { ACCOUNTS, loginAs } from "./fixtures/auth";
import { pgQuery, pgServers } from "./fixtures/pg";
import { itCellConvenorRow } from "./fixtures/unit-page";

// The smoke set on PostgreSQL: the same build, two app servers on one throwaway PostgreSQL
// (scripts/e2e-pg-servers.ts), a person logging in, browsing, filling a seat, searching and
// exporting — and the data checked in PostgreSQL itself.

const MANDAL = "मखदुमपुर दक्षिणी मंडल";
const SANJAY = "संजय कुमार";

const unitId = async (nameHi: string) => (await pgQuery<{ id: number }>("select id from units where name_hi = $1", [nameHi]))[0].id;
const other = (path: string) => `http://127.0.0.1:${pgServers().ports[1]}${path}`;

test("a session made on one app server works on the other, and a logout there ends it on both", async ({ page, context }) => {
  await expect.poll(async () => (await page.request.get(other("/healthz"))).status()).toBe(200);
  const mandal = await unitId(MANDAL);
  await loginAs(page, ACCOUNTS.mandalEditor);
  // The second server, the same browser: the unit page with names and numbers.
  await page.goto(other(`/units/${mandal}`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(MANDAL);
  await expect(page.getByRole("link", { name: SANJAY, exact: true }).first()).toBeVisible();
  await expect(page.locator('a[href^="tel:+91"]').first()).toBeVisible();

  const cookies = await context.cookies();
  await page.getByRole("button", { name: "लॉग आउट" }).click();
  await expect(page).toHaveURL(/\/login/);
  // The old cookie, replayed at the first server, is refused: the session ended in the database.
  await context.addCookies(cookies);
  await page.goto(`/units/${mandal}`);
  await expect(page).toHaveURL(/\/login/);
});

test("the mandal editor fills a seat; PostgreSQL holds the tenure and its audit row", async ({ page }) => {
  const [sk] = await pgQuery<{ id: number; name_hi: string }>(
    `select sk.id, sk.name_hi from units sk join units m on m.id = sk.parent_id
     where m.name_hi = $1 and sk.level = 'shakti_kendra'
       and not exists (select 1 from tenures t join posts p on p.id = t.post_id join bodies b on b.id = p.body_id
                       where t.unit_id = sk.id and t.end_date is null and b.key = 'it_cell' and p.title_key = 'convenor')
     order by sk.id limit 1`,
    [MANDAL],
  );
  await loginAs(page, ACCOUNTS.mandalEditor);
  await page.goto(`/units/${sk.id}`);
  const row = itCellConvenorRow(page);
  await expect(row).toContainText("रिक्त");
  await row.getByRole("link", { name: /भरें/ }).click();
  await page.getByRole("link", { name: "या नया व्यक्ति जोड़ें" }).click();
  await page.getByLabel("नाम (हिंदी में)").fill("पवन कुमार सिंह");
  await page.getByLabel("नाम (अंग्रेज़ी अक्षरों में)").fill("Pawan Kumar Singh");
  await page.getByLabel("मोबाइल नंबर").fill("+91-98765-00101");
  await page.getByRole("button", { name: "सहेजें" }).click();
  await expect(page).toHaveURL(new RegExp(`/units/${sk.id}\\?saved=1`));
  await expect(row).toContainText("पवन कुमार सिंह");

  const stored = await pgQuery<{ name_en: string; mobile: string; audits: number }>(
    `select p.name_en, p.mobile, (select count(*)::int from audit_log a where a.target_type = 'tenure' and a.target_id = t.id) as audits
     from tenures t join people p on p.id = t.person_id where t.unit_id = $1 and t.end_date is null and p.mobile = '+919876500101'`,
    [sk.id],
  );
  expect(stored).toEqual([{ name_en: "Pawan Kumar Singh", mobile: "+919876500101", audits: 1 }]);
  // The new name is in PostgreSQL's search index at once: the search finds him across scripts.
  await page.goto("/search?q=pavan+singh");
  await expect(page.getByRole("link", { name: "पवन कुमार सिंह" }).first()).toBeVisible();
});

test("search finds across scripts and by mobile digits on PostgreSQL", async ({ page }) => {
  await loginAs(page, ACCOUNTS.districtAdmin);
  await page.goto("/search?q=vikas+roshan");
  await expect(page.getByRole("link", { name: "विकास कुमार रौशन" }).first()).toBeVisible();
  await page.goto("/search?q=00002");
  await expect(page.getByRole("link", { name: "विकास कुमार रौशन" }).first()).toBeVisible();
  await page.goto("/search?q=zzzqqq");
  await expect(page.getByText("“zzzqqq” से कुछ नहीं मिला।")).toBeVisible();
});

test("the district admin exports Jehanabad as CSV from PostgreSQL", async ({ page }) => {
  await loginAs(page, ACCOUNTS.districtAdmin);
  await page.goto(`/units/${await unitId("जहानाबाद")}`);
  await page.getByText("संपर्क सूची डाउनलोड करें").click();
  await page.getByLabel("फ़ाइल का प्रकार").selectOption("csv");
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "डाउनलोड करें" }).click()]);
  const rows = parse(fs.readFileSync((await file.path())!), { bom: true, columns: true }) as Array<Record<string, string>>;
  expect(rows.find((r) => r["नाम (हिंदी)"] === "विकास कुमार रौशन")).toMatchObject({ "मोबाइल": "90000 00002", "पद": "संयोजक" });
  expect(rows.length).toBeGreaterThan(500);
  expect(rows.every((r) => r["जिला"] === "जहानाबाद")).toBe(true);
});

test("ids no row can have (beyond 32 bits) are not found on PostgreSQL, never a server error", async ({ page }) => {
  await loginAs(page, ACCOUNTS.stateAdmin);
  const mandal = await unitId(MANDAL);
  for (const path of ["/units/2147483648", "/people/2147483648", "/people/9007199254740991/edit", `/units/${mandal}/seats/2147483648/1`, "/drives/2147483648", "/coverage/2147483648"]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
  const search = await page.goto(`/search?under=${mandal}&post=2147483648`);
  expect(search?.status()).toBe(200);
  expect((await page.request.get(`/api/export?unit=${mandal}&body=2147483648`)).status()).toBeLessThan(500);
});
