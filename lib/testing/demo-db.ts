import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb } from "@/db";
import { createDb, migrateDb, openSqlite } from "@/db/connection";
import { seedDemo } from "@/db/seed";
import { createDatabase } from "./pg-server";

/** A migrated (and optionally seeded) SQLite file in a temp folder: the real engine, not a mock. */
export function makeTestDatabase({ seed = true } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sangathan-test-"));
  const file = path.join(dir, "test.db");
  const sqlite = openSqlite(file);
  migrateDb(createDb(sqlite));
  if (seed) sqlite.transaction(() => seedDemo(sqlite))();
  return {
    file,
    sqlite,
    cleanup() {
      sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Which engine this test run is on: the PostgreSQL project of vitest.config.ts sets TEST_ENGINE. */
export const testEngine = (): "sqlite" | "postgres" => (process.env.TEST_ENGINE === "postgres" ? "postgres" : "sqlite");

export type TestDatabase = {
  /** The SQLite file (SQLite runs only). */
  readonly file: string;
  /** The SQLite connection, for tests that inspect SQLite itself (SQLite runs only). */
  readonly sqlite: Database.Database;
  readonly engine: "sqlite" | "postgres";
};

/** A copy of the run's seeded (or empty) PostgreSQL template (lib/testing/pg-global-setup.ts). */
async function makePostgresDatabase(seed: boolean) {
  const server = inject("pgServerUrl");
  const name = `test_${crypto.randomBytes(6).toString("hex")}`;
  const url = await createDatabase(server, name, { template: seed ? "sangathan_demo" : "sangathan_empty" });
  return {
    url,
    async cleanup() {
      await closeDb();
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * A test file's own seeded database: made before its tests (DATABASE_URL points at it), removed
 * after them. On the PostgreSQL test project it is a database of the run's throwaway server. Call
 * it at the top of the file, before the file's own beforeAll. "@/db" opens its connection on first
 * use, so the modules under test are imported statically: none of them touches the database when
 * it is imported.
 */
export function withTestDatabase(options: { seed?: boolean } = {}): TestDatabase {
  let sqliteDb: ReturnType<typeof makeTestDatabase> | undefined;
  let postgresDb: Awaited<ReturnType<typeof makePostgresDatabase>> | undefined;
  const engine = testEngine();
  beforeAll(async () => {
    if (engine === "postgres") {
      postgresDb = await makePostgresDatabase(options.seed ?? true);
      process.env.DATABASE_URL = postgresDb.url;
    } else {
      sqliteDb = makeTestDatabase(options);
      process.env.DATABASE_URL = sqliteDb.file;
    }
  });
  afterAll(async () => {
    await postgresDb?.cleanup();
    if (sqliteDb) {
      await closeDb();
      sqliteDb.cleanup();
    }
  });
  const get = () => {
    if (engine === "postgres") throw new Error("this test inspects the SQLite file; on PostgreSQL, read through statement() from @/db");
    if (!sqliteDb) throw new Error("the test database exists inside tests and hooks only");
    return sqliteDb;
  };
  return {
    engine,
    get file() {
      return get().file;
    },
    get sqlite() {
      return get().sqlite;
    },
  };
}
