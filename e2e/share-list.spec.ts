import { expect, test } from "@playwright/test";
import { ACCOUNTS, loginAs } from "./fixtures/auth";
import { unitIdByName } from "./fixtures/db";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("the mandal convenor sends his mandal's office-bearers to WhatsApp as one ready message", async ({ page }) => {
  await loginAs(page, ACCOUNTS.mandalEditor);
  await page.goto(`/units/${unitIdByName("मखदुमपुर दक्षिणी मंडल")}`);
  await page.getByText("व्हाट्सएप पर सूची भेजें").click();
  const text = await page.getByLabel("संदेश").inputValue();
  expect(text).toContain("*मखदुमपुर दक्षिणी मंडल के पदाधिकारी*");
  expect(text).toMatch(/• संयोजक: संजय कुमार — 90000 00003/);
  const href = await page.getByRole("link", { name: "व्हाट्सएप में खोलें" }).getAttribute("href");
  expect(new URL(href!).searchParams.get("text")).toBe(text);
});

test("above his grant the message carries names and posts but no numbers", async ({ page }) => {
  await loginAs(page, ACCOUNTS.mandalEditor);
  await page.goto(`/units/${unitIdByName("जहानाबाद")}`);
  await page.getByText("व्हाट्सएप पर सूची भेजें").click();
  const text = await page.getByLabel("संदेश").inputValue();
  expect(text).toContain("सुरेश कुमार शर्मा");
  expect(text).not.toMatch(/\d{5} \d{5}/);
});
