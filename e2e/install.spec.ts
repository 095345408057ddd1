import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

// Chromium offers "Add to home screen" only for a page whose manifest, icons and worker pass its
// own installability check; the check is asked directly through the DevTools protocol.

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test("Chromium's installability check finds no errors", async ({ playwright, baseURL }) => {
  // A profile on disk, as a phone's browser has: Chromium never offers to install from an incognito one.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "install-"));
  const context = await playwright.chromium.launchPersistentContext(profile, { ...test.info().project.use.launchOptions, baseURL });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto("/login");
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors).toEqual([]);
    const manifest = await cdp.send("Page.getAppManifest");
    expect(manifest.errors).toEqual([]);
    expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test("the manifest names the app in Hindi, with an English short name, and its icons exist at their sizes", async ({ request }) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.ok()).toBe(true);
  const manifest = await response.json();
  expect(manifest).toMatchObject({ name: "संगठन निर्देशिका", short_name: "Sangathan", lang: "hi", display: "standalone", start_url: "/" });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  for (const purpose of ["any", "maskable"]) {
    for (const size of [192, 512]) {
      const icon = manifest.icons.find((i: { purpose: string; sizes: string }) => i.purpose === purpose && i.sizes === `${size}x${size}`);
      expect(icon, `${purpose} ${size}`).toBeTruthy();
      const png = await request.get(icon.src);
      expect(png.headers()["content-type"]).toBe("image/png");
      expect(pngSize(await png.body())).toEqual({ width: size, height: size });
    }
  }
});

test("the worker is served to anyone, allowed by the CSP, and small", async ({ request }) => {
  const worker = await request.get("/sw.js", { maxRedirects: 0 });
  expect(worker.status()).toBe(200);
  expect(worker.headers()["content-type"]).toContain("javascript");
  const page = await request.get("/login");
  expect(page.headers()["content-security-policy"]).toContain("worker-src 'self'");
  expect((await worker.body()).length).toBeLessThan(60_000);
});
