import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";

/**
 * The coverage counts (coverage_filled, coverage_units, coverage_days; see db/schema.ts) are kept in
 * step by triggers that drizzle/0014_coverage_counts.sql creates and filled from existing rows by
 * that migration. Its SQL is the one source: this module runs the same statements to rebuild the
 * counts, and to put the triggers back if a later table rebuild dropped them. No server-only: the
 * scripts (prepare-db, seeds) call it with their own connection.
 */

const MIGRATION = "0014_coverage_counts.sql";

function statements(): { triggers: Array<{ name: string; sql: string }>; backfill: string[] } {
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "drizzle", MIGRATION);
  const all = fs
    .readFileSync(file, "utf8")
    .split("--> statement-breakpoint")
    .map((s) => s.replace(/^(\s*--[^\n]*\n)+/, "").trim());
  const triggers = all.flatMap((sql) => {
    const name = /^CREATE TRIGGER `(\w+)`/.exec(sql)?.[1];
    return name ? [{ name, sql }] : [];
  });
  const backfill = all.filter((s) => /^INSERT INTO coverage_/.test(s));
  if (triggers.length !== 7 || backfill.length !== 3) throw new Error(`drizzle/${MIGRATION}: expected 7 triggers and 3 backfill statements`);
  return { triggers, backfill };
}

/** Recounts every coverage count from units and tenures (in one transaction). Returns the time taken, ms. */
export function rebuildCoverageCounts(sqlite: Database.Database): number {
  const started = performance.now();
  const { backfill } = statements();
  sqlite.transaction(() => {
    for (const table of ["coverage_filled", "coverage_units", "coverage_days"]) sqlite.exec(`DELETE FROM ${table}`);
    for (const sql of backfill) sqlite.exec(sql);
  })();
  return performance.now() - started;
}

/** Drops the coverage triggers, for a bulk load; `ensureCoverageCounts` puts them back and recounts. */
export function dropCoverageTriggers(sqlite: Database.Database): void {
  for (const t of statements().triggers) sqlite.exec(`DROP TRIGGER IF EXISTS \`${t.name}\``);
}

/**
 * On a migrated database: if any coverage trigger is missing (a migration rebuilt units or tenures
 * and dropped it), recreate them and rebuild the counts, which may have missed writes since.
 * Returns the triggers it recreated (none: nothing done).
 */
export function ensureCoverageCounts(sqlite: Database.Database): string[] {
  const { triggers } = statements();
  const present = new Set((sqlite.prepare("select name from sqlite_master where type = 'trigger'").all() as Array<{ name: string }>).map((r) => r.name));
  const missing = triggers.filter((t) => !present.has(t.name));
  if (missing.length === 0) return [];
  sqlite.transaction(() => {
    for (const t of missing) sqlite.exec(t.sql);
  })();
  rebuildCoverageCounts(sqlite);
  return missing.map((t) => t.name);
}
