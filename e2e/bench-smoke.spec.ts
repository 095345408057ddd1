import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";

// `npm run bench` is not part of the tests (minutes, state scale); this tiny run of it is, so it can't rot.
test("the benchmark runs end to end at smoke scale and prints its table", async ({ baseURL }) => {
  test.setTimeout(180_000);
  const { stdout } = await promisify(execFile)("npx", ["tsx", "scripts/bench/run.ts", "--smoke", `--url=${baseURL}`, "--db=data/e2e.db"], {
    timeout: 170_000,
    maxBuffer: 10 * 1024 * 1024,
  });
  expect(stdout).toContain("| work | app | raw | ratio | target | pass |");
  for (const work of ["unit page (mandal), logged in", "search endpoint", "export CSV", "roster writes with audit", "import 200 rows", "coverage dashboard data, Bihar state admin", "JavaScript shipped: login"]) {
    expect(stdout).toContain(work);
  }
  // Every load finished without failed requests.
  expect(stdout).not.toMatch(/\d+ errors/);
});
