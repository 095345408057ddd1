import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, loginAs } from "./fixtures/auth";
import { postId, shaktiKendrasWithoutItConvenor, unitIdByName } from "./fixtures/db";

// Issue 16, items 7, 8 and 10: the words people read. Acting as the demo accounts, in Hindi and English.

const MANDAL = "मखदुमपुर दक्षिणी मंडल";
const DISTRICT = "जहानाबाद";

/** Text a reader should never see: message keys, action codes, ICU placeholders, bare ids. */
const RAW = [
  /\b(tenure|person|unit|account|grant|export|import|login|access_request|roster|admin|audit|directory|structure|search|levels|roles)\.[a-z_]+\b/,
  /\bfilters\.[a-zA-Z]+/,
  /\{[a-zA-Z]+\}/,
  /\b[a-z]+[A-Z][a-zA-Z]*Id\b/,
  /(^|\s)#\d+/,
];

async function setLocale(page: Page, locale: "hi" | "en") {
  const url = new URL(page.url());
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, domain: url.hostname, path: "/" }]);
}

async function expectNoRawCode(page: Page, where: string) {
  const text = await page.locator("body").innerText();
  for (const re of RAW) expect(text.match(re)?.[0] ?? null, `${where}: ${re}`).toBeNull();
}

test("the audit log tells a seat fill and a download in plain sentences, details folded beneath", async ({ page }) => {
  // Another mandal than the one the mandal editor's specs fill, so the two never compete for a seat.
  const sk = shaktiKendrasWithoutItConvenor("मोदनगंज मंडल")[0];
  await loginAs(page, ACCOUNTS.districtAdmin);
  await page.goto(`/units/${sk.id}/seats/${postId("shakti_kendra", "it_cell", "convenor")}/1`);
  await page.getByRole("link", { name: "या नया व्यक्ति जोड़ें" }).click();
  await page.getByLabel("नाम (हिंदी में)").fill("रमेश पासवान");
  await page.getByLabel("नाम (अंग्रेज़ी अक्षरों में)").fill("Ramesh Paswan");
  await page.getByLabel("मोबाइल नंबर").fill("90000 77704");
  await page.getByRole("button", { name: "सहेजें" }).click();
  await expect(page).toHaveURL(new RegExp(`/units/${sk.id}\\?saved=1`));

  const exported = await page.request.get(`/api/export?unit=${unitIdByName(MANDAL)}&format=xlsx`);
  expect(exported.ok()).toBe(true);
  await exported.body();

  await page.goto("/admin/audit");
  const entries = page.locator("ol.card-list > li");
  await expect(entries.filter({ hasText: "रमेश पासवान" }).first()).toContainText(`सुरेश कुमार शर्मा ने रमेश पासवान को ${sk.nameHi} में आईटी सेल संयोजक बनाया`);
  const download = entries.filter({ hasText: "डाउनलोड की" }).first();
  await expect(download).toContainText(`सुरेश कुमार शर्मा ने ${MANDAL} की संपर्क सूची`);
  await expect(download).toContainText("Excel");
  await expect(page.locator("ol.card-list details").first()).toBeAttached();
  // The phone number in the details, as people write it; the time in Indian style.
  await expect(page.locator("ol.card-list")).toContainText("90000 77704");
  await expect(page.locator("ol.card-list")).not.toContainText("+919000077704");
  await expect(page.locator("ol.card-list time").first()).toHaveText(/(सुबह|दोपहर|शाम|रात) \d{1,2}:\d{2}/);
  await page.locator("ol.card-list details").evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  await expectNoRawCode(page, "audit (hi)");
  await expect(page.locator("ol.card-list")).not.toContainText(/tenure\.assign|import\.apply|newTenures|via:/);

  await setLocale(page, "en");
  await page.goto("/admin/audit");
  await expect(entries.filter({ hasText: "Ramesh Paswan" }).first()).toContainText("Suresh Kumar Sharma made Ramesh Paswan");
  await expect(entries.filter({ hasText: "downloaded" }).first()).toContainText("contact list");
  await page.locator("ol.card-list details").evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  await expectNoRawCode(page, "audit (en)");
});

test("Hindi words: नया मंडल, full month names, no doubled level word, अनुसूचित जाति; English: an Assembly", async ({ page }) => {
  await loginAs(page, ACCOUNTS.stateAdmin);
  await page.goto(`/units/${unitIdByName("मखदुमपुर")}/manage`);
  await expect(page.getByRole("heading", { name: "नया मंडल जोड़ें" })).toBeVisible();
  await page.goto(`/units/${unitIdByName("मखदुमपुर")}`);
  await expect(page.locator("body")).toContainText("अनुसूचित जाति");
  await expect(page.locator("body")).not.toContainText("आरक्षित: SC");
  await page.goto(`/units/${unitIdByName(MANDAL)}`);
  await expect(page.locator("h1")).not.toContainText("मंडल मंडल");
  await expect(page.locator("h1")).toHaveText(MANDAL);
  await page.goto(`/units/${unitIdByName(DISTRICT)}/manage`);
  await setLocale(page, "en");
  await page.reload();
  await expect(page.getByRole("heading", { name: /^Add an? / })).toHaveText("Add an Assembly constituency");
  await setLocale(page, "hi");
  await page.goto("/people/1");
  const dates = await page.locator("main").innerText();
  expect(dates).not.toMatch(/नव॰|से \d/);
  expect(dates).toMatch(/\d{1,2} (जनवरी|फ़रवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|अक्टूबर|नवंबर|दिसंबर) \d{4} से/);
});

test("the grant form lets the admin pick a mandal by its name, with no unit number to type", async ({ page }) => {
  await loginAs(page, ACCOUNTS.stateAdmin);
  await page.goto("/admin/accounts");
  await expect(page.locator("body")).not.toContainText("/units/");
  await expect(page.locator('input[name="otherUnitId"]')).toHaveCount(0);
  const unit = page.getByLabel("इकाई", { exact: true }).first();
  await expect(unit.locator("option", { hasText: MANDAL })).toHaveCount(1);
});

const CRAWL = [ACCOUNTS.districtAdmin, ACCOUNTS.mandalEditor, ACCOUNTS.assemblyViewer, ACCOUNTS.stateAdmin];

for (const login of CRAWL) {
  for (const locale of ["hi", "en"] as const) {
    test(`crawl as ${login} in ${locale}: no raw code or message key on the main pages`, async ({ page }) => {
      test.setTimeout(90_000);
      await loginAs(page, login);
      await setLocale(page, locale);
      const pages = ["/", `/units/${unitIdByName(MANDAL)}`, `/units/${unitIdByName("मखदुमपुर")}`, "/people/1", "/search?q=sanjay", "/search?q=मखदुमपुर"];
      if (login === ACCOUNTS.districtAdmin || login === ACCOUNTS.stateAdmin) pages.push("/admin/accounts", "/admin/audit", "/admin/requests");
      for (const path of pages) {
        await page.goto(path);
        await expectNoRawCode(page, `${login} ${locale} ${path}`);
      }
      if (locale === "en") {
        await page.goto("/");
        expect(await page.locator("body").innerText()).not.toMatch(/Jahanabad/);
      }
    });
  }
}

test("the search box's placeholder fits at phone width in English", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await loginAs(page, ACCOUNTS.assemblyViewer);
  await setLocale(page, "en");
  await page.goto("/");
  const box = page.locator('input[name="q"]').first();
  const fits = await box.evaluate((el) => {
    const input = el as HTMLInputElement;
    const canvas = document.createElement("canvas").getContext("2d")!;
    const style = getComputedStyle(input);
    canvas.font = `${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return canvas.measureText(input.placeholder).width <= room;
  });
  expect(fits).toBe(true);
});
