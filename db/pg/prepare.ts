import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { createDb, migrateDb, openSqlite } from "../connection";
import { seedCatalogue, seedDemo } from "../seed";
import { type AppliedMigrations, newerSchemaMessage, readJournal } from "../schema-version";
import { loadFromSqlite } from "./load-from-sqlite";

export const PG_MIGRATIONS = "drizzle-pg";

/** A startup problem the operator can fix; printed as its message alone. */
export class PostgresStartupError extends Error {}

/** Where a URL points, without its password, for messages. */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = "";
    return u.toString();
  } catch {
    return "the PostgreSQL database";
  }
}

/** The migrations this version ships against those the database records: a newer database is refused. */
async function checkSchemaNotNewer(client: pg.ClientBase, url: string) {
  const has = await client.query("select 1 from information_schema.tables where table_schema = 'drizzle' and table_name = '__drizzle_migrations'");
  if (has.rowCount === 0) return;
  const applied = (await client.query<AppliedMigrations>("select count(*)::int as n, max(created_at)::float8 as newest from drizzle.__drizzle_migrations")).rows[0];
  const refusal = newerSchemaMessage(readJournal(PG_MIGRATIONS), applied, shownUrl(url), "a dump taken before the upgrade (pg_restore)");
  if (refusal) throw new PostgresStartupError(refusal);
}

/** Applies the PostgreSQL migrations (drizzle-pg/) on one connection. */
export async function migratePostgres(client: pg.Client) {
  await migrate(drizzle(client), { migrationsFolder: path.resolve(process.cwd(), PG_MIGRATIONS) });
}

/** Builds the demo (or only the post catalogue) in a scratch SQLite file and loads it into PostgreSQL. */
export async function seedPostgres(client: pg.Client, what: "demo" | "catalogue") {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sangathan-seed-"));
  const sqlite = openSqlite(path.join(dir, "seed.db"));
  try {
    migrateDb(createDb(sqlite));
    sqlite.transaction(() => (what === "demo" ? seedDemo(sqlite) : seedCatalogue(sqlite)))();
    await loadFromSqlite(sqlite, client);
    // Statistics for the planner, which otherwise guesses on the freshly loaded tables (exports ran 20–100× slower).
    await client.query("analyze");
  } finally {
    sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Makes a PostgreSQL database ready for the app: refuses one migrated by a newer version, applies the
 * migrations, seeds the demo when it is new (or only the post catalogue, or nothing). `fresh` empties it
 * first (the e2e runs start from a known state). Returns what it did, in a sentence.
 */
export async function preparePostgres(url: string, options: { fresh?: boolean; seed?: "demo" | "catalogue" | "none" } = {}): Promise<string> {
  const seed = options.seed ?? "demo";
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new PostgresStartupError(`Cannot connect to ${shownUrl(url)} (${(error as Error).message}). Check DATABASE_URL and that the server is running.`);
  }
  try {
    if (options.fresh) {
      await client.query("drop schema if exists drizzle cascade");
      await client.query("drop schema public cascade");
      await client.query("create schema public");
    }
    await checkSchemaNotNewer(client, url);
    await migratePostgres(client);
    const counts = async () => (await client.query<{ units: number; bodies: number; people: number; tenures: number }>(
      "select (select count(*)::int from units) units, (select count(*)::int from bodies) bodies, (select count(*)::int from people) people, (select count(*)::int from tenures) tenures",
    )).rows[0];
    const before = await counts();
    if (before.units === 0 && seed === "demo") {
      const started = performance.now();
      await seedPostgres(client, "demo");
      const after = await counts();
      return `Seeded demo data into ${shownUrl(url)}: ${after.units} units, ${after.people} people, ${after.tenures} tenures (${Math.round(performance.now() - started)} ms).`;
    }
    if (before.bodies === 0 && seed !== "none") {
      await seedPostgres(client, "catalogue");
      return `Wrote the bodies and post catalogue into ${shownUrl(url)} (no demo data).`;
    }
    return `Database ${shownUrl(url)} is ready (${before.units} units).`;
  } finally {
    await client.end();
  }
}

export type LoadedFile = { units: number; people: number; tenures: number; searchTerms: number; seconds: number };

/**
 * Replaces the data of a PostgreSQL database with a SQLite file's (`seed:scale`, `npm run load` and
 * `npm run bench` on PostgreSQL): refuses a database migrated by a newer version, migrates, empties
 * every table (the schema, its owner and its grants stay, as on a managed database), loads the file
 * (loadFromSqlite), then ANALYZE so the planner has statistics from the start. A database holding
 * data that no seed made is refused: this is for load-test databases, never for an organisation's.
 */
export async function loadSqliteFile(
  url: string,
  file: string,
  options: { onTable?: (table: string, rows: number, seconds: number) => void } = {},
): Promise<LoadedFile> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new PostgresStartupError(`Cannot connect to ${shownUrl(url)} (${(error as Error).message}).`);
  }
  const sqlite = openSqlite(file, { readonly: true });
  try {
    await checkSchemaNotNewer(client, url);
    await migratePostgres(client);
    await refuseOrganisationData(client, url);
    await emptyAllTables(client);
    let tableStarted = performance.now();
    await loadFromSqlite(sqlite, client, {
      onTable: (table, rows) => {
        options.onTable?.(table, rows, (performance.now() - tableStarted) / 1000);
        tableStarted = performance.now();
      },
    });
    await client.query("analyze");
    const counts = (await client.query<Omit<LoadedFile, "seconds">>(
      `select (select count(*)::int from units) units, (select count(*)::int from people) people,
              (select count(*)::int from tenures) tenures, (select count(*)::int from search_terms) "searchTerms"`,
    )).rows[0];
    return { ...counts, seconds: (performance.now() - started) / 1000 };
  } finally {
    sqlite.close();
    await client.end();
  }
}

/**
 * A database is free to replace when it has no units, or only a seed's: the demo's accounts (the
 * +91 90000 numbers) and no account beyond them. Anything else may be an organisation's data.
 */
async function refuseOrganisationData(client: pg.Client, url: string) {
  const { units, others } = (await client.query<{ units: number; others: number }>(
    "select (select count(*)::int from units) units, (select count(*)::int from accounts where login not like '+9190000%') others",
  )).rows[0];
  if (units === 0 || others === 0) return;
  throw new PostgresStartupError(
    `${shownUrl(url)} holds ${units} units and ${others} accounts that no seed made: it looks like an organisation's database, and loading would empty it. ` +
      "Point --postgres (or SCALE_DATABASE_URL) at a database for load tests.",
  );
}

/** Every table of the schema emptied in one statement, identities back to 1 (the migrations' own table is in another schema). */
async function emptyAllTables(client: pg.Client) {
  const tables = (await client.query<{ name: string }>(
    "select quote_ident(table_name) as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'",
  )).rows.map((r) => r.name);
  if (tables.length > 0) await client.query(`truncate ${tables.join(", ")} restart identity cascade`);
}
