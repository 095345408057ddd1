import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";

// Readers and editors together through the real server actions, briefly; `npm run load` runs it at state scale.
// It starts its own server on a copy of the e2e database, so its writes never meet another spec's.
test("under mixed load no request fails and every acknowledged write is stored and audited once", async () => {
  test.setTimeout(120_000);
  // The script exits non-zero when a check fails; its JSON line still says which.
  const stdout = await promisify(execFile)(
    "npx",
    ["tsx", "scripts/load.ts", "--db=data/e2e.db", "--seconds=4", "--readers=4", "--writers=2"],
    { timeout: 110_000 },
  ).then(
    (r) => r.stdout,
    (e: { stdout?: string; stderr?: string }) => `${e.stdout ?? ""}\n${e.stderr ?? ""}`,
  );
  const line = stdout.split("\n").find((l) => l.startsWith("{"));
  expect(line, stdout).toBeTruthy();
  const result = JSON.parse(line!);
  expect(result.writesAcknowledged).toBeGreaterThan(0);
  expect(result.writesFound).toBe(result.writesAcknowledged);
  expect(result.writesDoubled).toBe(0);
  expect(result.readErrors + result.writeErrors).toBe(0);
  expect(result.integrity).toBe("ok");
});
