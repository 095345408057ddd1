import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, loginAs } from "./fixtures/auth";
import { boothsWithPresident, shaktiKendrasWithoutItConvenor, unitIdByName } from "./fixtures/db";

// A thumb on a cheap phone: every link and button a worker can tap is at least 44×44 px at 390 px.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const MANDAL = "मखदुमपुर दक्षिणी मंडल";
const MIN = 44;

async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("a[href], button, summary, input[type=checkbox], input[type=radio], select"))) {
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.display === "none" || el.closest("[hidden], .visually-hidden, .skip-link")) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      // A checkbox or radio counts with its label, which is what the thumb presses.
      const box = (el.matches("input") ? el.closest("label")?.getBoundingClientRect() : null) ?? r;
      if (box.width < min - 0.5 || box.height < min - 0.5) out.push(`${el.tagName.toLowerCase()} “${(el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 30)}” ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return out;
  }, MIN);
}

test("every link and button on the unit, seat, import and search pages is at least 44×44 px on a phone", async ({ page }) => {
  await loginAs(page, ACCOUNTS.mandalEditor);
  const mandal = unitIdByName(MANDAL);
  const sk = shaktiKendrasWithoutItConvenor(MANDAL)[0];
  const booth = boothsWithPresident(MANDAL)[0];
  const pages = [
    `/units/${mandal}`,
    `/units/${sk.id}`,
    `/units/${booth.boothId}/seats/${booth.postId}/1`,
    `/units/${booth.boothId}/seats/${booth.postId}/1?mode=new`,
    `/units/${mandal}/import`,
    "/search?q=vikas",
    `/search?under=${mandal}`,
  ];
  const found: Record<string, string[]> = {};
  for (const url of pages) {
    await page.goto(url);
    const small = await smallTargets(page);
    if (small.length) found[url] = small;
  }
  expect(found).toEqual({});
});
