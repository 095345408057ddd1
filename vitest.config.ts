import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**"],
    environment: "node",
    // Tests seed real SQLite files and run scrypt: on a busy 2-core machine 5 s is too tight.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    server: { deps: { inline: ["server-only"] } },
    alias: { "server-only": new URL("./lib/testing/server-only-stub.ts", import.meta.url).pathname },
  },
});
