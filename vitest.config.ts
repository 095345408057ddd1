import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**"],
    environment: "node",
    server: { deps: { inline: ["server-only"] } },
    alias: { "server-only": new URL("./lib/testing/server-only-stub.ts", import.meta.url).pathname },
  },
});
