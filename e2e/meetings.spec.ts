import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { personWithoutAccount, typedMobile } from "./fixtures/admin";
import { ACCOUNTS, loginAs } from "./fixtures/auth";
import { unitIdByName } from "./fixtures/db";

const MANDAL = "मखदुमपुर दक्षिणी मंडल";
const OUTSIDE_MANDAL = "घोसी मंडल";
const LINK = "https://meet.example.org/mkd-dakshini-it";
// Its own title: the default one names the mandal, and the chair's home would then list a second
// link with the mandal's name, which other specs look for on that home.
const TITLE = "आईटी सेल: वर्चुअल बैठकों की तैयारी";
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

function db<T>(fn: (d: Database.Database) => T): T {
  const d = new Database(path.resolve(process.cwd(), "data/e2e.db"), { readonly: true, fileMustExist: true });
  try {
    return fn(d);
  } finally {
    d.close();
  }
}

/** What the rules should find, counted straight from the roster: the shakti kendras' IT cell convenors, and higher office-bearers living in the mandal. */
function rosterCounts() {
  return db((d) => {
    const m = d.prepare("select path from units where name_hi = ?").get(MANDAL) as { path: string };
    const end = m.path.slice(0, -1) + "0";
    const convenors = d
      .prepare(
        `select t.person_id as id from tenures t join units u on u.id = t.unit_id join posts p on p.id = t.post_id join bodies b on b.id = p.body_id
         where t.end_date is null and u.level = 'shakti_kendra' and b.key = 'it_cell' and p.title_key = 'convenor' and u.path >= ? and u.path < ?`,
      )
      .all(m.path, end) as Array<{ id: number }>;
    const residents = d
      .prepare(
        `select distinct pe.id from people pe join units h on h.id = pe.home_unit_id join tenures t on t.person_id = pe.id and t.end_date is null
         join units u on u.id = t.unit_id where h.path >= ? and h.path < ? and u.level in ('state', 'district', 'assembly')`,
      )
      .all(m.path, end) as Array<{ id: number }>;
    const total = new Set([...convenors, ...residents].map((r) => r.id)).size;
    return { convenors: convenors.length, residents: residents.length, total };
  });
}

/** A minimal reading of an .ics: unfolded lines as name → value (first VEVENT). */
function parseIcs(text: string): Record<string, string> {
  const lines = text.replace(/\r\n[ \t]/g, "").split(/\r\n/);
  expect(lines[0]).toBe("BEGIN:VCALENDAR");
  expect(lines).toContain("BEGIN:VEVENT");
  expect(lines).toContain("END:VEVENT");
  const out: Record<string, string> = {};
  for (const line of lines.slice(lines.indexOf("BEGIN:VEVENT"), lines.indexOf("END:VEVENT"))) {
    const i = line.indexOf(":");
    const name = line.slice(0, i).split(";")[0];
    if (!(name in out)) out[name] = line.slice(i + 1).replace(/\\n/g, "\n").replace(/\\([,;\\])/g, "$1");
  }
  return out;
}

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
}

/** Links, buttons and choices smaller than a thumb (44×44 px), as e2e/tap-targets.spec.ts measures them. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("a[href], button, summary, input[type=checkbox], input[type=radio], select"))) {
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.display === "none" || el.closest("[hidden], .visually-hidden, .skip-link")) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const box = (el.matches("input") ? el.closest("label")?.getBoundingClientRect() : null) ?? r;
      if (box.width < 43.5 || box.height < 43.5) out.push(`${el.tagName.toLowerCase()} “${(el.textContent || "").trim().slice(0, 30)}” ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return out;
  });
}

async function phoneReady(page: Page) {
  await noSidewaysScroll(page);
  expect(await smallTargets(page), page.url()).toEqual([]);
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test("the mandal convenor calls a video meeting by rules, invites on WhatsApp, marks attendance on a phone and gets the press note; the assembly viewer sees it but cannot change it; an outsider gets not found", async ({ browser }) => {
  test.setTimeout(360_000);
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const mandalId = unitIdByName(MANDAL);
  let meetingId = 0;

  await test.step("as the mandal editor: a new meeting of the IT cell and social media department", async () => {
    await loginAs(page, ACCOUNTS.mandalEditor);
    await page.goto(`/units/${mandalId}`);
    // In the action row near the top, not only in the meetings section far down the page.
    const actions = page.locator("p.unit-actions").first();
    await expect(actions.getByRole("link", { name: "बैठकें", exact: true })).toHaveAttribute("href", `/units/${mandalId}/meetings`);
    await actions.getByRole("link", { name: "नई बैठक" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${MANDAL}: नई बैठक`);
    await phoneReady(page);
    await page.getByLabel("आईटी सेल", { exact: true }).check();
    await page.getByLabel("सोशल मीडिया विभाग", { exact: true }).check();
    await page.getByLabel("शीर्षक").fill(TITLE);
    await page.getByLabel("तारीख").fill("2027-01-15");
    await page.getByLabel("समय (भारत)").fill("18:30");
    await page.getByLabel("वीडियो कॉन्फ्रेंसिंग").check();
    await page.getByLabel("लिंक, जगह या फ़ोन नंबर").fill(LINK);
    await page.getByLabel("मुख्य बिंदु (हर बिंदु नई पंक्ति में)").fill("हर शक्ति केंद्र पर वर्चुअल बैठक की तैयारी\nशक्ति केंद्रों के व्हाट्सएप समूह");
    await expect(page.getByLabel("अध्यक्षता")).toHaveValue(/\d+/);
  });

  await test.step("the rules preview with counts that match the roster", async () => {
    const skGroup = page.locator("details.invite-level").filter({ has: page.locator("summary", { hasText: "हर शक्ति केंद्र" }) });
    await skGroup.getByLabel("आईटी सेल संयोजक").check();
    await page.getByLabel("ऊपर की इकाइयों के पदाधिकारी जो यहाँ रहते हैं").check();
    const before = rosterCounts();
    await page.getByRole("button", { name: "सूची जाँचें" }).click();
    const preview = page.locator("section.invite-preview");
    await expect(preview).toBeVisible();
    const after = rosterCounts();
    // Other specs fill this mandal's seats in parallel: the preview must match the roster as it was just before or just after.
    const shown = {
      convenors: Number(await preview.locator("tr[data-post] td.count").getAttribute("data-count")),
      residents: Number(await preview.locator("tr[data-residents] td.count").getAttribute("data-count")),
      total: Number(await preview.locator("td[data-total]").getAttribute("data-total")),
    };
    const chair = 1;
    expect([before, after].map((c) => ({ ...c, total: c.total + chair }))).toContainEqual(shown);
    expect(shown.residents).toBeGreaterThanOrEqual(2);
    await expect(preview).toContainText("धर्मेंद्र चौहान");
    await expect(preview).toContainText("जिला महामंत्री");
    // The form came back as it was typed.
    await expect(page.getByLabel("लिंक, जगह या फ़ोन नंबर")).toHaveValue(LINK);
    await expect(page.getByLabel("आईटी सेल", { exact: true })).toBeChecked();
    await phoneReady(page);
    await shot(page, "meeting-form-preview-390");
  });

  await test.step("the district president as chief guest, found by typing his name in Latin letters", async () => {
    // Enter in the search box searches (it used to check the list instead).
    await page.getByLabel("मुख्य अतिथि खोजें").fill("suresh sharma");
    await page.getByLabel("मुख्य अतिथि खोजें").press("Enter");
    const suresh = page.locator("label.person-choice").filter({ hasText: "सुरेश कुमार शर्मा" });
    await expect(suresh).toContainText("जिला अध्यक्ष");
    await suresh.locator("input").check();
    await page.getByRole("button", { name: "बैठक सहेजें" }).click();
    await expect(page).toHaveURL(/\/meetings\/\d+\?saved=1$/);
    meetingId = Number(/\/meetings\/(\d+)/.exec(page.url())![1]);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
    await expect(page.locator(".people-list")).toContainText("सुरेश कुमार शर्मा");
  });

  await test.step("the WhatsApp invitation holds the date, time and link; the .ics downloads and parses", async () => {
    const text = await page.locator("#invitation-text").inputValue();
    expect(text).toContain("15 जनवरी 2027");
    expect(text).toContain("शाम 6:30");
    expect(text).toContain(LINK);
    const share = await page.getByRole("link", { name: "व्हाट्सएप में भेजें" }).getAttribute("href");
    expect(share).toMatch(/^https:\/\/wa\.me\/\?text=/);
    expect(decodeURIComponent(share!.split("text=")[1])).toBe(text);
    await phoneReady(page);
    await shot(page, "meeting-page-390");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "कैलेंडर (.ics)" }).click()]);
    const ics = parseIcs(fs.readFileSync((await download.path())!, "utf8"));
    expect(ics.DTSTART).toBe("20270115T130000Z"); // 18:30 in India
    expect(ics.SUMMARY).toBe(TITLE);
    expect(ics.LOCATION).toBe(LINK);
    expect(ics.DURATION ?? ics.DTEND).toBeTruthy();

    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "आमंत्रितों की सूची (CSV)" }).click()]);
    const rows = fs.readFileSync((await csv.path())!, "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(rows[0]).toBe("भूमिका,नाम (हिंदी),नाम (अंग्रेज़ी),पद,मोबाइल,व्हाट्सएप,उपस्थिति");
    expect(rows.some((r) => r.startsWith("मुख्य अतिथि,सुरेश कुमार शर्मा,"))).toBe(true);
  });

  await test.step("attendance on a 390 px screen: tick who came, save", async () => {
    await page.getByRole("link", { name: "उपस्थिति और ब्योरा" }).click();
    await expect(page.locator(".tap-list li").first()).toBeVisible();
    await phoneReady(page);
    for (const name of ["संजय कुमार", "सुरेश कुमार शर्मा", "धर्मेंद्र चौहान", "रितेश रंजन"]) {
      await page.locator(".tap-list label").filter({ has: page.locator(".holder-name", { hasText: new RegExp(`^${name}$`) }) }).click();
    }
    await shot(page, "attendance-390");
    // Searching for a walk-in keeps the ticks (they are saved on the way).
    await page.locator("#walkin-q").fill("vikas");
    await page.locator("#walkin-heading").locator("..").getByRole("button", { name: "खोजें", exact: true }).click();
    await expect(page).toHaveURL(/\/attendance\?q=vikas/);
    await expect(page.locator("#attendance-heading")).toContainText("4 /");
    for (const name of ["संजय कुमार", "सुरेश कुमार शर्मा", "धर्मेंद्र चौहान", "रितेश रंजन"]) {
      await expect(page.locator(".tap-list label").filter({ has: page.locator(".holder-name", { hasText: new RegExp(`^${name}$`) }) }).locator("input")).toBeChecked();
    }
    // Someone not in the directory, by name.
    await page.locator("details.walkin-unlisted summary").click();
    await page.getByLabel("नाम", { exact: true }).fill("राहुल कुमार");
    await page.getByLabel("पद या परिचय (वैकल्पिक)").fill("आईटी सेल कार्यकर्ता");
    await page.locator("details.walkin-unlisted").getByRole("button", { name: "जोड़ें" }).click();
    await expect(page).toHaveURL(/saved=walkin/);
    await expect(page.locator(".tap-list")).toContainText("राहुल कुमार");
    await phoneReady(page);
    await page.getByRole("button", { name: "उपस्थिति सहेजें" }).click();
    await expect(page).toHaveURL(/\/attendance\?saved=1/);
    await expect(page.locator("#attendance-heading")).toContainText("5 /");
    await page.getByLabel("निर्णय (हर निर्णय नई पंक्ति में)").fill("हर शक्ति केंद्र का व्हाट्सएप समूह 31 जनवरी तक बने");
    await page.getByRole("button", { name: "ब्योरा सहेजें" }).click();
    await expect(page).toHaveURL(/saved=minutes/);
    // The confirmation sits by the minutes form, where the page lands.
    await expect(page.locator("#minutes-heading + p.saved")).toHaveText("ब्योरा और निर्णय सहेजे गए।");
  });

  await test.step("the press note names the chair, the chief guest with his post, and the attendees", async () => {
    await page.goto(`/meetings/${meetingId}/press-note`);
    const note = await page.locator("#press-note").inputValue();
    expect(note).toContain("बैठक की अध्यक्षता मंडल आईटी सेल संयोजक संजय कुमार ने की।");
    expect(note).toContain("मुख्य अतिथि के रूप में जिला अध्यक्ष श्री सुरेश कुमार शर्मा शामिल हुए।");
    expect(note).toContain("बैठक में जिला महामंत्री धर्मेंद्र चौहान, जिला आईटी सेल सह-संयोजक रितेश रंजन और आईटी सेल कार्यकर्ता राहुल कुमार उपस्थित रहे।");
    expect(note).toContain("हर शक्ति केंद्र का व्हाट्सएप समूह 31 जनवरी तक बने");
    await phoneReady(page);
    await shot(page, "press-note-390");
  });

  // The editor changes the time: the request is kept to replay as the viewer.
  let replay: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
  await test.step("an edit by the editor (kept to replay)", async () => {
    await page.goto(`/meetings/${meetingId}/edit`);
    await expect(page.getByLabel("समय (भारत)")).toHaveValue("18:30");
    await page.getByLabel("समय (भारत)").fill("19:00");
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST" && r.url().includes(`/meetings/${meetingId}/edit`)),
      page.getByRole("button", { name: "बैठक सहेजें" }).click(),
    ]);
    await expect(page).toHaveURL(new RegExp(`/meetings/${meetingId}\\?saved=1$`));
    const headers = Object.fromEntries(Object.entries(request.headers()).filter(([k]) => !["cookie", "content-length", "host"].includes(k)));
    replay = { url: request.url(), headers, body: request.postDataBuffer()! };
    await shot(page, "meeting-edited-390");
  });
  await context.close();

  await test.step("as the assembly's viewer: the meeting under the mandal and the assembly, no edit controls, a replayed edit refused", async () => {
    const viewer = await browser.newContext(PHONE);
    const p = await viewer.newPage();
    await loginAs(p, ACCOUNTS.assemblyViewer);
    for (const unit of [MANDAL, "मखदुमपुर"]) {
      await p.goto(`/units/${unitIdByName(unit)}/meetings`);
      await expect(p.locator(`a[href="/meetings/${meetingId}"]`)).toBeVisible();
      await phoneReady(p);
    }
    await shot(p, "assembly-meetings-list-390");
    await p.goto(`/units/${unitIdByName("मखदुमपुर")}`);
    await expect(p.locator(`#meetings-heading`)).toBeVisible();
    await expect(p.getByRole("link", { name: "नई बैठक" })).toHaveCount(0);
    await p.goto(`/meetings/${meetingId}`);
    await expect(p.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(p.getByRole("link", { name: "बैठक बदलें" })).toHaveCount(0);
    await expect(p.getByRole("link", { name: "उपस्थिति और ब्योरा" })).toHaveCount(0);
    await p.goto(`/meetings/${meetingId}/press-note`);
    await expect(p.getByRole("button", { name: "विज्ञप्ति सहेजें" })).toHaveCount(0);
    expect((await p.goto(`/meetings/${meetingId}/edit`))?.status()).toBe(404);
    expect((await p.goto(`/meetings/${meetingId}/attendance`))?.status()).toBe(404);

    const startsBefore = db((d) => (d.prepare("select starts_at as s from meetings where id = ?").get(meetingId) as { s: string }).s);
    const r = await p.request.fetch(replay!.url, { method: "POST", headers: replay!.headers, data: replay!.body });
    expect(r.status()).toBeLessThan(500);
    const denied = db((d) =>
      d
        .prepare("select count(*) as n from audit_log a join accounts ac on ac.id = a.actor_account_id where ac.login = '+919000000004' and a.action = 'meeting.update' and a.outcome = 'denied' and a.target_id = ?")
        .get(meetingId),
    ) as { n: number };
    expect(denied.n).toBe(1);
    expect(db((d) => (d.prepare("select starts_at as s from meetings where id = ?").get(meetingId) as { s: string }).s)).toBe(startsBefore);
    await viewer.close();
  });

  await test.step("the chief guest finds it under his meetings on the home; an account of another mandal gets not found", async () => {
    const admin = await browser.newContext(PHONE);
    const p = await admin.newPage();
    await loginAs(p, ACCOUNTS.districtAdmin);
    const mine = p.locator("section.my-meetings");
    await expect(mine.getByRole("heading", { name: "मेरी बैठकें" })).toBeVisible();
    await expect(mine.locator(`a[href="/meetings/${meetingId}"]`)).toBeVisible();
    await expect(mine).toContainText("मुख्य अतिथि");
    await shot(p, "home-my-meetings-390");

    // An account whose only grant is another mandal.
    const person = personWithoutAccount(OUTSIDE_MANDAL);
    const mobile = typedMobile(person.mobile);
    await p.goto("/admin/accounts");
    await p.getByLabel("व्यक्ति का मोबाइल नंबर").fill(mobile);
    await p.getByLabel("आरंभिक पासवर्ड").fill("ghosi-khata-2027");
    await p.getByLabel("इकाई", { exact: true }).selectOption(String(unitIdByName(OUTSIDE_MANDAL)));
    await p.getByLabel("भूमिका").selectOption({ label: "देखने की अनुमति" });
    await p.getByRole("button", { name: "खाता बनाएँ" }).click();
    await expect(p).toHaveURL(/\/admin\/accounts\/\d+\?created=1$/);
    await p.getByRole("button", { name: "लॉग आउट" }).click();
    await expect(p).toHaveURL(/\/login/);
    await loginAs(p, mobile, "ghosi-khata-2027");
    for (const url of [`/meetings/${meetingId}`, `/meetings/${meetingId}/press-note`, `/meetings/${meetingId}/files/invitees.csv`, `/units/${mandalId}/meetings`]) {
      expect((await p.goto(url))?.status(), url).toBe(404);
    }
    await admin.close();
  });
});

test("the report's meeting is in the demo, marked as recorded later, and its press note reads like the report", async ({ page }) => {
  // The assembly's viewer (the mandal's own viewer is locked out by the login spec's wrong passwords).
  await loginAs(page, ACCOUNTS.assemblyViewer);
  await page.goto(`/units/${unitIdByName(MANDAL)}/meetings?to=2020-12-31`);
  const card = page.locator(".meeting-list li").filter({ hasText: "बाद में दर्ज (रिपोर्ट से)" });
  await expect(card).toHaveCount(1);
  await expect(card).toContainText("14 जून 2020");
  await card.getByRole("link").first().click();
  await expect(page.locator(".notice")).toHaveText("यह बैठक बाद में एक समाचार रिपोर्ट से दर्ज की गई है।");
  await shot(page, "report-meeting-1280");
  await page.getByRole("link", { name: "प्रेस विज्ञप्ति" }).click();
  const note = await page.locator("#press-note").inputValue();
  expect(note.split("\n")[0]).toBe("भाजपा मखदुमपुर दक्षिणी मंडल आईटी सेल एवं सोशल मीडिया विभाग की वीडियो कॉन्फ्रेंसिंग बैठक");
  expect(note).toContain("बैठक की अध्यक्षता मंडल आईटी सेल संयोजक संजय कुमार ने की।");
  expect(note).toContain("प्रदेश अनुसूचित जाति मोर्चा अध्यक्ष सह मखदुमपुर विधानसभा प्रभारी श्री अजीत चौधरी");
  // The report's dateline, its invited line, the oblique agenda verb, and the district president's speech.
  expect(note.split("\n")[2].startsWith("जहानाबाद। ")).toBe(true);
  expect(note).toContain("बैठक में सभी आईटी सेल शक्ति केंद्र संयोजक एवं");
  expect(note).toContain("कार्यकर्ताओं को सोशल मीडिया से जोड़ने पर चर्चा हुई।");
  expect(note).toContain("जिलाध्यक्ष श्री सुरेश कुमार शर्मा ने कार्यकर्ताओं को संबोधित करते हुए कहा कि");
  // A viewer is not told to change and save what he cannot.
  await expect(page.getByText("बदलकर सहेजें")).toHaveCount(0);
  expect(note).toContain("अजीत कुमार और मंडल युवा मोर्चा अध्यक्ष संजय कुमार द्विवेदी उपस्थित रहे।");
  await shot(page, "press-note-1280");
});

test.describe("before the script arrives", () => {
  test.use({ javaScriptEnabled: false, ...PHONE });

  test("the invite list previews with counts and a chief guest is found, as plain form posts", async ({ page }) => {
    await loginAs(page, ACCOUNTS.mandalEditor);
    await page.goto(`/units/${unitIdByName(MANDAL)}/meetings/new`);
    await page.getByLabel("आईटी सेल", { exact: true }).check();
    const skGroup = page.locator("details.invite-level").filter({ has: page.locator("summary", { hasText: "हर शक्ति केंद्र" }) });
    await skGroup.getByLabel("आईटी सेल संयोजक").check();
    await page.getByRole("button", { name: "सूची जाँचें" }).click();
    await expect(page.locator("section.invite-preview tr[data-post]")).toContainText("हर शक्ति केंद्र · आईटी सेल संयोजक");
    await expect(page.locator("section.invite-preview td[data-total]")).toHaveAttribute("data-total", /^\d+$/);
    await expect(skGroup.getByLabel("आईटी सेल संयोजक")).toBeChecked();
    // Enter in the search box searches, before the script too.
    await page.getByLabel("मुख्य अतिथि खोजें").fill("vikas raushan");
    await page.getByLabel("मुख्य अतिथि खोजें").press("Enter");
    await expect(page.locator("label.person-choice").filter({ hasText: "विकास कुमार रौशन" })).toContainText("जिला आईटी सेल संयोजक");
    await expect(page.locator("section.invite-preview")).toHaveCount(0);
    await expect(page.getByLabel("आईटी सेल", { exact: true })).toBeChecked();
  });
});
