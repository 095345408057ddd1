import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import type pg from "pg";
import { COVERAGE_RECOUNT } from "../../db/coverage-recount";

/**
 * The coverage counts (coverage_filled, coverage_units, coverage_days; see db/schema.ts) are kept in
 * step by triggers: on SQLite those drizzle/0014_coverage_counts.sql creates (its backfill fills
 * them from existing rows), on PostgreSQL the PL/pgSQL ones of drizzle-pg/0002_coverage_counts.sql.
 * The migrations' SQL is the one source: this module runs the same statements to put the triggers
 * back if a later table rebuild dropped them, and recounts (SQLite: the migration's backfill;
 * PostgreSQL: the portable recount of db/coverage-recount.ts). No server-only and not through the
 * data layer's door: the scripts (prepare-db, seeds) call it with their own connection, a
 * better-sqlite3 database or a pg client.
 */

type Trigger = { name: string; sql: string };

const MIGRATION = "0014_coverage_counts.sql";
const PG_MIGRATION = "0002_coverage_counts.sql";
const TRIGGER_COUNT = 7;

/** A migration's statements, each without its leading comment lines. */
function migrationStatements(folder: string, file: string): string[] {
  return fs
    .readFileSync(path.resolve(/*turbopackIgnore: true*/ process.cwd(), folder, file), "utf8")
    .split("--> statement-breakpoint")
    .map((s) => s.replace(/^(\s*--[^\n]*\n)+/, "").trim());
}

function statements(): { triggers: Trigger[]; backfill: string[] } {
  const all = migrationStatements("drizzle", MIGRATION);
  const triggers = all.flatMap((sql) => {
    const name = /^CREATE TRIGGER `(\w+)`/.exec(sql)?.[1];
    return name ? [{ name, sql }] : [];
  });
  const backfill = all.filter((s) => /^INSERT INTO coverage_/.test(s));
  if (triggers.length !== TRIGGER_COUNT || backfill.length !== 3) throw new Error(`drizzle/${MIGRATION}: expected 7 triggers and 3 backfill statements`);
  return { triggers, backfill };
}

/** PostgreSQL's triggers, each with its table and the CREATE FUNCTION of the function it runs. */
function pgTriggers(): Array<Trigger & { table: string; fn: { name: string; sql: string } }> {
  const all = migrationStatements("drizzle-pg", PG_MIGRATION);
  const functions = new Map(all.flatMap((sql) => {
    const name = /^CREATE FUNCTION (\w+)\(/.exec(sql)?.[1];
    return name ? [[name, sql] as const] : [];
  }));
  const triggers = all.flatMap((sql) => {
    const m = /^CREATE TRIGGER (\w+) [^;]*? ON (\w+)[^;]* EXECUTE FUNCTION (\w+)\(\);?$/.exec(sql);
    const fn = m && functions.get(m[3]);
    return m && fn ? [{ name: m[1], table: m[2], sql, fn: { name: m[3], sql: fn } }] : [];
  });
  if (triggers.length !== TRIGGER_COUNT) throw new Error(`drizzle-pg/${PG_MIGRATION}: expected 7 triggers, each with its function`);
  return triggers;
}

const isSqlite = (db: Database.Database | pg.ClientBase): db is Database.Database => typeof (db as Database.Database).prepare === "function";

/** Runs `work` in one transaction on the client. */
async function inTransaction(client: pg.ClientBase, work: () => Promise<void>): Promise<void> {
  await client.query("begin");
  try {
    await work();
    await client.query("commit");
  } catch (error) {
    await client.query("rollback");
    throw error;
  }
}

/** The portable recount, inside the caller's transaction. */
async function recountPostgres(client: pg.ClientBase): Promise<void> {
  // Writes to units and tenures wait until it commits: their triggers would move counts being rebuilt.
  await client.query("lock table units, tenures in share mode");
  for (const sql of COVERAGE_RECOUNT) await client.query(sql);
}

/** Recounts every coverage count from units and tenures (in one transaction). Returns the time taken, ms. */
export function rebuildCoverageCounts(db: Database.Database): number;
export function rebuildCoverageCounts(db: pg.ClientBase): Promise<number>;
export function rebuildCoverageCounts(db: Database.Database | pg.ClientBase): number | Promise<number> {
  const started = performance.now();
  if (!isSqlite(db)) return inTransaction(db, () => recountPostgres(db)).then(() => performance.now() - started);
  const { backfill } = statements();
  db.transaction(() => {
    for (const table of ["coverage_filled", "coverage_units", "coverage_days"]) db.exec(`DELETE FROM ${table}`);
    for (const sql of backfill) db.exec(sql);
  })();
  return performance.now() - started;
}

/**
 * Takes the coverage triggers out, for a bulk load; `ensureCoverageCounts` puts them back and
 * recounts. SQLite drops them; PostgreSQL disables them (its functions stay).
 */
export function dropCoverageTriggers(db: Database.Database): void;
export function dropCoverageTriggers(db: pg.ClientBase): Promise<void>;
export function dropCoverageTriggers(db: Database.Database | pg.ClientBase): void | Promise<void> {
  if (!isSqlite(db)) {
    return inTransaction(db, async () => {
      for (const t of pgTriggers()) await db.query(`alter table ${t.table} disable trigger ${t.name}`);
    });
  }
  for (const t of statements().triggers) db.exec(`DROP TRIGGER IF EXISTS \`${t.name}\``);
}

/**
 * On a migrated database: if any coverage trigger is missing (a migration rebuilt units or tenures
 * and dropped it) or, on PostgreSQL, disabled, put them back and rebuild the counts, which may have
 * missed writes since. Returns the triggers it put back (none: nothing done).
 */
export function ensureCoverageCounts(db: Database.Database): string[];
export function ensureCoverageCounts(db: pg.ClientBase): Promise<string[]>;
export function ensureCoverageCounts(db: Database.Database | pg.ClientBase): string[] | Promise<string[]> {
  if (!isSqlite(db)) return ensurePostgres(db);
  const { triggers } = statements();
  const present = new Set((db.prepare("select name from sqlite_master where type = 'trigger'").all() as Array<{ name: string }>).map((r) => r.name));
  const missing = triggers.filter((t) => !present.has(t.name));
  if (missing.length === 0) return [];
  db.transaction(() => {
    for (const t of missing) db.exec(t.sql);
  })();
  rebuildCoverageCounts(db);
  return missing.map((t) => t.name);
}

async function ensurePostgres(client: pg.ClientBase): Promise<string[]> {
  const triggers = pgTriggers();
  // Enabled: fires in ordinary sessions ('O', origin) or always ('A'); 'D' is disabled, 'R' replica-only.
  const found = await client.query<{ name: string; enabled: boolean }>(
    `select t.tgname as name, t.tgenabled in ('O', 'A') as enabled from pg_trigger t join pg_class c on c.oid = t.tgrelid
     where not t.tgisinternal and c.relnamespace = current_schema()::regnamespace`,
  );
  const state = new Map(found.rows.map((r) => [r.name, r.enabled]));
  const broken = triggers.filter((t) => state.get(t.name) !== true);
  if (broken.length === 0) return [];
  await inTransaction(client, async () => {
    for (const t of broken) {
      if (state.has(t.name)) {
        await client.query(`alter table ${t.table} enable trigger ${t.name}`);
        continue;
      }
      // A dropped table takes its triggers but not their functions; a dropped function takes both.
      const fn = await client.query<{ present: boolean }>("select to_regprocedure($1) is not null as present", [`${t.fn.name}()`]);
      if (!fn.rows[0].present) await client.query(t.fn.sql);
      await client.query(t.sql);
    }
    await recountPostgres(client);
  });
  return broken.map((t) => t.name);
}
