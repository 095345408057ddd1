/**
 * Makes the app's PNG icons from its one source, app/icon.svg, by rendering it in Chromium (the
 * browser the e2e tests use): plain icons (purpose "any") at 192 and 512 px, and maskable ones
 * with the background to the edges and the glyph inside the central 80% safe zone. The font is the
 * app's own Noto Sans Devanagari, so "स" renders on a machine without a Devanagari font.
 * Run after changing app/icon.svg: `npx tsx scripts/make-icons.ts`; the PNGs are committed.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const root = path.resolve(import.meta.dirname, "..");
const svg = fs.readFileSync(path.join(root, "app/icon.svg"), "utf8");
const font = fs.readFileSync(
  path.join(root, "node_modules/@fontsource-variable/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-wght-normal.woff2"),
);
const background = /<rect[^>]*fill="(#[0-9a-fA-F]{3,8})"/.exec(svg)?.[1] ?? "#b45309";
// The glyph is drawn in the app's font rather than whatever "sans-serif" resolves to.
const themed = svg.replace(/font-family="[^"]*"/, 'font-family="Noto Sans Devanagari"');

function page(size: number, maskable: boolean): string {
  // A maskable icon may be cut to a circle of 80% of its width: the source sits at 70%, centred, on its own colour.
  const inner = maskable ? Math.round(size * 0.7) : size;
  return `<!doctype html><html><head><style>
    @font-face { font-family: "Noto Sans Devanagari"; src: url(data:font/woff2;base64,${font.toString("base64")}) format("woff2"); font-weight: 100 900; }
    html, body { margin: 0; width: ${size}px; height: ${size}px; overflow: hidden; background: ${maskable ? background : "transparent"}; }
    body { display: grid; place-items: center; }
    svg { width: ${inner}px; height: ${inner}px; display: block; }
  </style></head><body>${themed}</body></html>`;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  for (const size of [192, 512]) {
    for (const maskable of [false, true]) {
      const tab = await browser.newPage({ viewport: { width: size, height: size } });
      await tab.setContent(page(size, maskable));
      await tab.evaluate(() => document.fonts.ready);
      const file = path.join(root, "public/icons", `icon-${maskable ? "maskable-" : ""}${size}.png`);
      await tab.screenshot({ path: file, omitBackground: !maskable });
      await tab.close();
      console.log(`${path.relative(root, file)} ${fs.statSync(file).size} bytes`);
    }
  }
} finally {
  await browser.close();
}
