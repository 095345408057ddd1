import { describe, expect, it } from "vitest";
import { runCrashTest } from "./crash-test";

// The child processes are real (node + tsx, the app's service on a seeded file), so this takes ~10 s.
describe("crash safety", () => {
  it("a writer killed with SIGKILL loses no acknowledged change, leaves integrity_check ok, and an import is all or nothing", async () => {
    const cycles = await runCrashTest({
      editCycles: 3,
      importCycles: 2,
      importRows: 2000,
      editKillWindowMs: [100, 500],
      // Well inside applyImport, which plans the rows again before writing them.
      importKillWindow: [0.05, 0.3],
    });
    expect(cycles.map((c) => c.kind).sort()).toEqual(["edits", "edits", "edits", "import", "import"]);
    for (const c of cycles) {
      expect(c.problems, `cycle ${c.cycle} (${c.kind})`).toEqual([]);
      expect(c.integrity).toBe("ok");
      expect(c.killedAfterMs).toBeGreaterThanOrEqual(0);
    }
    for (const c of cycles.filter((c) => c.kind === "edits")) {
      expect(c.acknowledged).toBeGreaterThan(0);
      expect(c.found).toBe(c.acknowledged);
    }
    for (const c of cycles.filter((c) => c.kind === "import")) {
      expect(c.expected).toBe(2000);
      expect([0, c.expected]).toContain(c.found);
    }
    expect(cycles.some((c) => c.kind === "import" && c.found === 0)).toBe(true);
  }, 90_000);
});
