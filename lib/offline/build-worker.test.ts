import fs from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { WORKER_FILE, buildWorker } from "./build-worker";

describe("public/sw.js", () => {
  it("is the bundle of lib/offline/sw.ts as it is now (run `npx tsx scripts/build-sw.ts`)", async () => {
    expect(fs.readFileSync(WORKER_FILE, "utf8")).toBe(await buildWorker());
  });

  it("stays under 30 KB gzipped, with no import left to load", async () => {
    const code = fs.readFileSync(WORKER_FILE);
    expect(gzipSync(code).length).toBeLessThan(30 * 1024);
    expect(code.toString()).not.toMatch(/\bimport\s*\(|\bimportScripts\b|^import /m);
  });
});
