/**
 * `npm start` builds only when there is no build yet or a source file is newer than the last one,
 * so a second start is quick and a pulled change is never served stale.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "db", "messages", "public", "proxy.ts", "next.config.ts", "package-lock.json"];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((max, name) => Math.max(max, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

const buildId = path.join(".next", "BUILD_ID");
const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
const changed = Math.max(...SOURCES.map(newestMtime));

if (built === 0 || changed > built) {
  console.log(built === 0 ? "No build yet: building…" : "Sources changed since the last build: rebuilding…");
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  process.exit(result.status ?? 1);
} else {
  console.log("Build is up to date.");
}
