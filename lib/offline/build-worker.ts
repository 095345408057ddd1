import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "../..");

export const WORKER_FILE = path.join(root, "public/sw.js");

/** public/sw.js as lib/offline/sw.ts bundles today (one file, no imports, readable). */
export async function buildWorker(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, "lib/offline/sw.ts")],
    bundle: true,
    write: false,
    format: "iife",
    target: "es2020",
    platform: "browser",
    charset: "utf8",
    legalComments: "none",
    banner: { js: "// Generated from lib/offline/sw.ts by `npx tsx scripts/build-sw.ts`: edit the source, not this file." },
  });
  return result.outputFiles[0].text;
}
