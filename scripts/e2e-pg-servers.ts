/**
 * The PostgreSQL half of the e2e run (playwright.config.ts starts it as a web server): a throwaway
 * PostgreSQL (lib/testing/pg-server.ts) with a fresh demo, and TWO app servers on it — the production
 * build the SQLite half has just made — on ports PORT and PORT+1, as behind a load balancer.
 * Writes the database URL to data/e2e-pg.json for the specs' checks. Stops everything on SIGTERM.
 *   tsx scripts/e2e-pg-servers.ts <port>
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { preparePostgres } from "../db/pg/prepare";
import { startPgServer } from "../lib/testing/pg-server";

const port = Number(process.argv[2]);
const buildPort = Number(process.env.E2E_BUILD_PORT);

/** The SQLite half builds the app first; two builds at once would trample each other. */
async function waitForBuild() {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (fs.existsSync(".next/BUILD_ID")) {
      try {
        if (!buildPort || (await fetch(`http://127.0.0.1:${buildPort}/healthz`)).ok) return;
      } catch {
        // not up yet
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error("the production build did not appear within 10 minutes");
}

const server = await startPgServer();
const children: ChildProcess[] = [];
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  // The app servers are gone either way; a PostgreSQL that will not stop cleanly is said, not thrown.
  await server.stop().catch((error: unknown) => console.error(`stopping the test PostgreSQL: ${String(error)}`));
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());

console.log(await preparePostgres(server.url, { fresh: true, seed: "demo" }));
fs.mkdirSync("data", { recursive: true });
fs.writeFileSync(path.join("data", "e2e-pg.json"), JSON.stringify({ url: server.url, ports: [port, port + 1] }));
await waitForBuild();
for (const p of [port, port + 1]) {
  const child = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(p), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: server.url },
    stdio: ["ignore", "inherit", "inherit"],
  });
  child.on("exit", (code) => {
    if (code !== 0 && code !== null) console.error(`app server on ${p} exited with ${code}`);
  });
  children.push(child);
}
