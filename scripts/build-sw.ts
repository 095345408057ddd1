/** Writes public/sw.js from lib/offline/sw.ts (a unit test fails while the committed file is stale). */
import fs from "node:fs";
import { gzipSync } from "node:zlib";
import { WORKER_FILE, buildWorker } from "@/lib/offline/build-worker";

const code = await buildWorker();
fs.writeFileSync(WORKER_FILE, code);
console.log(`public/sw.js: ${code.length} bytes, ${gzipSync(code).length} gzipped`);
