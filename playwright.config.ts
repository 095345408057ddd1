import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
// The PostgreSQL smoke set: two app servers on one throwaway PostgreSQL (scripts/e2e-pg-servers.ts).
const PG_PORT = PORT + 10;
const AUTH_SECRET = "e2e-only-secret-not-for-production-0123456789";

// Debian's Chromium where Playwright's own browser cannot be downloaded (this machine, CI).
const executablePath =
  process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  // A busy 2-core CI machine: a login (scrypt) and a server action can take seconds.
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    locale: "hi-IN",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [
    { name: "chromium", testIgnore: /postgres\.spec\.ts$/, use: { ...devices["Desktop Chrome"], channel: undefined } },
    { name: "postgres", testMatch: /postgres\.spec\.ts$/, use: { ...devices["Desktop Chrome"], channel: undefined, baseURL: `http://127.0.0.1:${PG_PORT}` } },
  ],
  webServer: [
    {
      // A fresh, seeded database file for every run; the production build, as users get it.
      command: `tsx scripts/prepare-db.ts --fresh && next build && node scripts/serve.mjs -p ${PORT} -H 127.0.0.1`,
      url: `${baseURL}/login`,
      env: { DATABASE_URL: "data/e2e.db", AUTH_SECRET },
      // Never reuse a server left running: every run starts from a freshly seeded database.
      reuseExistingServer: false,
      timeout: 480_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // After the build above: a fresh PostgreSQL with the demo, and two app servers on it.
      command: `tsx scripts/e2e-pg-servers.ts ${PG_PORT}`,
      // SIGTERM, not Playwright's default SIGKILL: the script stops its PostgreSQL (a daemon outside the process group).
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
      url: `http://127.0.0.1:${PG_PORT + 1}/login`,
      env: { AUTH_SECRET, E2E_BUILD_PORT: String(PORT) },
      reuseExistingServer: false,
      timeout: 600_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
