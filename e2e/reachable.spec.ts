import { expect, test } from "@playwright/test";
import { ACCOUNTS, loginAs } from "./fixtures/auth";
import { postId, unitIdByName } from "./fixtures/db";

// Makhdumpur assembly (above the mandal editor's grant); other specs check Jehanabad stays names-only.
const ASSEMBLY = "मखदुमपुर";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("the district admin makes the assembly IT convenor's number reachable; the mandal convenor below can then call him", async ({ browser }) => {
  const assembly = unitIdByName(ASSEMBLY);
  const post = postId("assembly", "it_cell", "convenor");

  const worker = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await loginAs(worker, ACCOUNTS.mandalEditor);
  await worker.goto(`/units/${assembly}`);
  await expect(worker.locator("table").getByText("अभय भारती")).toBeVisible();
  await expect(worker.locator("a[href='tel:+919000000004']")).toHaveCount(0);

  const admin = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await loginAs(admin, ACCOUNTS.districtAdmin);
  await admin.goto(`/units/${assembly}/seats/${post}/1`);
  await expect(admin.getByText("केवल नाम देखते हैं")).toBeVisible();
  await admin.getByRole("button", { name: "नीचे के सभी कार्यकर्ताओं को नंबर दिखाएँ" }).click();
  await expect(admin.getByText("इस पद के नीचे के सभी कार्यकर्ता यह नंबर देख सकते हैं।")).toBeVisible();

  await worker.reload();
  await expect(worker.getByRole("link", { name: /कॉल करें 90000 00004/ })).toHaveAttribute("href", "tel:+919000000004");

  // Taken back: names only again.
  await admin.getByRole("button", { name: "नंबर फिर से छिपाएँ" }).click();
  // Saved once the seat page says so again (the form is sent after a reachability check; CI's worker was faster).
  await expect(admin.getByText("केवल नाम देखते हैं")).toBeVisible();
  await worker.goto(`/units/${assembly}`);
  await expect(worker.locator("a[href='tel:+919000000004']")).toHaveCount(0);
});
