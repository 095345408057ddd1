/**
 * Crash safety, measured (the logic is lib/ops/crash-test.ts): SIGKILLs a writer of the app's own
 * services at random moments and checks that no acknowledged change is lost and an import is all
 * or nothing.
 *   npm run crash-test -- [--cycles 20] [--import-rows 3000] [--db data/scale.db]
 * Exits non-zero on any lost acknowledged change or integrity error; a failing cycle's database is
 * kept and its path printed.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { editsChild, importChild, runCrashTest, type CrashCycle } from "../lib/ops/crash-test";

function describeCycle(c: CrashCycle): string {
  const killed = c.killedAfterMs < 0 ? "not killed" : `${c.killedAfterMs} ms`;
  const found = c.kind === "import" ? `${c.found}/${c.expected ?? "?"}` : String(c.found);
  const outcome =
    c.problems.length > 0
      ? `FAIL ${c.problems.slice(0, 3).join("; ")}${c.keptAt ? ` (kept: ${c.keptAt})` : ""}`
      : c.kind === "import"
        ? c.found === 0
          ? "pass (killed mid-import: none of it)"
          : "pass (all of it)"
        : "pass";
  return [String(c.cycle).padStart(5), c.kind.padEnd(6), killed.padStart(12), String(c.acknowledged).padStart(12), found.padStart(11), c.integrity.padEnd(9), outcome].join("  ");
}

function whole(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} takes a whole number`);
  return n;
}

async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      cycles: { type: "string" },
      "import-rows": { type: "string" },
      db: { type: "string" },
      // The children's mode, run by lib/ops/crash-test.ts.
      child: { type: "string" },
      ack: { type: "string" },
    },
  });
  const importRows = whole("import-rows", values["import-rows"], 3000);
  if (values.child !== undefined) {
    if (!values.ack) throw new Error("--child needs --ack");
    if (values.child === "edits") await editsChild(values.ack);
    else await importChild(values.ack, importRows);
    return;
  }
  const cycles = whole("cycles", values.cycles, 20);
  const source = values.db ? path.resolve(values.db) : undefined;
  const importCycles = cycles >= 2 ? Math.max(1, Math.round(cycles / 4)) : 0;
  console.log(`${cycles} cycles (${cycles - importCycles} edit bursts, ${importCycles} kills inside a ${importRows}-row import), each on a fresh copy of ${source ? path.relative(process.cwd(), source) : "the demo database"}.`);
  console.log(["cycle", "kind  ", "killed after", "acknowledged", "      found", "integrity", "result"].join("  "));
  const started = performance.now();
  const results = await runCrashTest({ editCycles: cycles - importCycles, importCycles, importRows, source, onCycle: (c) => console.log(describeCycle(c)) });
  const edits = results.filter((r) => r.kind === "edits");
  const acknowledged = edits.reduce((n, r) => n + r.acknowledged, 0);
  const found = edits.reduce((n, r) => n + r.found, 0);
  const integrityErrors = results.filter((r) => r.integrity !== "ok").length;
  const failed = results.filter((r) => r.problems.length > 0).length;
  const imports = results.filter((r) => r.kind === "import");
  const rolledBack = imports.filter((r) => r.found === 0).length;
  const finished = imports.filter((r) => r.killedAfterMs < 0).length;
  console.log(
    `\n${results.length} cycles in ${((performance.now() - started) / 1000).toFixed(1)} s: ${acknowledged} acknowledged edits, ${found} found, ${acknowledged - found} lost; ` +
      `${imports.length} imports (${rolledBack} killed mid-import and absent, ${imports.length - rolledBack - finished} killed after commit and whole, ${finished} finished before the kill); ` +
      `${integrityErrors} integrity errors; ${failed} failed cycles.`,
  );
  if (failed > 0) process.exitCode = 1;
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
