import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createDb, migrateDb, openSqlite } from "@/db/connection";
import { seedDemo } from "@/db/seed";

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

export type TestDatabase = Pick<ReturnType<typeof makeTestDatabase>, "file" | "sqlite">;

/**
 * A test file's own seeded database: made before its tests (DATABASE_URL points at it), removed
 * after them. Call it at the top of the file, before the file's own beforeAll. "@/db" opens its
 * connection on first use, so the modules under test are imported statically: none of them
 * touches the database when it is imported.
 */
export function withTestDatabase(options: { seed?: boolean } = {}): TestDatabase {
  let current: ReturnType<typeof makeTestDatabase> | undefined;
  beforeAll(() => {
    current = makeTestDatabase(options);
    process.env.DATABASE_URL = current.file;
  });
  afterAll(() => current?.cleanup());
  const get = () => {
    if (!current) throw new Error("the test database exists inside tests and hooks only");
    return current;
  };
  return {
    get file() {
      return get().file;
    },
    get sqlite() {
      return get().sqlite;
    },
  };
}
