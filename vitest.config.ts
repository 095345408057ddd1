import { defineConfig } from "vitest/config";

/**
 * The test files that also run on PostgreSQL (the "postgres" project): the data-layer and domain
 * tests that read and write through the app's own functions and `statement()`, never the SQLite
 * file itself. The project starts one throwaway PostgreSQL for the run (lib/testing/pg-global-setup.ts).
 */
const BOTH_ENGINES = [
  "db/engine.test.ts",
  "lib/access/oracle.test.ts",
  "lib/accounts/passwords.test.ts",
  "lib/accounts/service.test.ts",
  "lib/auth/access-matrix.test.ts",
  "lib/auth/grants.test.ts",
  "lib/auth/login.test.ts",
  "lib/auth/retention.test.ts",
  "lib/coverage/counts.test.ts",
  "lib/coverage/coverage.test.ts",
  "lib/coverage/recent.test.ts",
  "lib/coverage/trend.test.ts",
  "lib/data/audit.test.ts",
  "lib/data/health.test.ts",
  "lib/data/offline.test.ts",
  "lib/data/vacancies.test.ts",
  "lib/data/visibility.test.ts",
  "lib/drives/export.test.ts",
  "lib/drives/progress.test.ts",
  "lib/drives/service.test.ts",
  "lib/export/formats.test.ts",
  "lib/import/correction.test.ts",
  "lib/import/foreign-unit.test.ts",
  "lib/import/import.test.ts",
  "lib/import/round-trip.test.ts",
  "lib/meetings/rules.test.ts",
  "lib/meetings/service.test.ts",
  "lib/roster/above-grant.test.ts",
  "lib/roster/reachable.test.ts",
  "lib/roster/service.test.ts",
  "lib/search/search.test.ts",
  "lib/security/hostile-input.test.ts",
  "lib/structure/service.test.ts",
];

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: "node",
    // Tests seed real databases and run scrypt: on a busy 2-core machine 5 s is too tight.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    server: { deps: { inline: ["server-only"] } },
    alias: { "server-only": new URL("./lib/testing/server-only-stub.ts", import.meta.url).pathname },
    projects: [
      {
        extends: true,
        test: {
          name: "sqlite",
          include: ["**/*.test.ts"],
          exclude: ["node_modules/**", "e2e/**", ".next/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: BOTH_ENGINES,
          env: { TEST_ENGINE: "postgres" },
          globalSetup: ["lib/testing/pg-global-setup.ts"],
        },
      },
    ],
  },
});
