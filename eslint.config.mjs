import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  // A rest sibling (`const { path, ...rest } = row`) is how a field is left out: not unused.
  { rules: { "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true }] } },
  // Every database call is asynchronous: a forgotten `await` (a write that may not have happened
  // yet, a Promise used as a boolean) must fail the lint. These rules need the types.
  {
    files: ["{lib,app,components,db,scripts}/**/*.{ts,tsx}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      // An async event handler in JSX is fine: React ignores what it returns.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      // `return promise` inside try would skip the catch when it rejects.
      "@typescript-eslint/return-await": ["error", "in-try-catch"],
    },
  },
  // Plain anchors: next/link brings the client router's link code and prefetching to every page
  // (README, "Offline": the page JavaScript must not grow; a metered phone should not prefetch).
  {
    rules: {
      "@next/next/no-html-link-for-pages": "off",
      "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: "Use a plain <a>: full page loads, no prefetching (README, Offline)." }] }],
    },
  },
  { ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
