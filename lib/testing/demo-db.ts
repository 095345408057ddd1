import fs from "node:fs";
import os from "node:os";
import path from "node:path";
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
