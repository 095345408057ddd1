import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, migrateDb, openSqlite } from "@/db/connection";
import { seedDemo } from "@/db/seed";
import { createDatabase, migratePg, startPgServer, type PgServer } from "@/lib/testing/pg-server";
import { loadFromSqlite } from "./load-from-sqlite";
import { loadSqliteFile } from "./prepare";

/**
 * Loading a SQLite-built seed into PostgreSQL (COPY, with the secondary indexes and foreign keys
 * dropped for the load and made again after): every row arrives as written, even text COPY would
 * misread; the schema is whole afterwards; a row that breaks a foreign key fails the whole load.
 */

let server: PgServer;
let dir: string;
let sqlite: Database.Database;
const AWKWARD = "back\\slash\ttab\nline\r\\N end";

beforeAll(async () => {
  server = await startPgServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sangathan-load-test-"));
  sqlite = openSqlite(path.join(dir, "seed.db"));
  migrateDb(createDb(sqlite));
  sqlite.transaction(() => seedDemo(sqlite))();
  sqlite
    .prepare("insert into people (name_hi, name_en, mobile, whatsapp, notes) values (?, ?, ?, null, ?)")
    .run("अजीब\\नाम", "Odd\tName", "+919999999901", `${AWKWARD}\u0000!`);
});
afterAll(async () => {
  sqlite?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  await server?.stop();
});

/** A fresh migrated database on the test server, and a client on it. */
async function freshDatabase(name: string): Promise<{ url: string; client: pg.Client }> {
  const url = await createDatabase(server.url, name);
  await migratePg(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return { url, client };
}

/** The schema's indexes and constraints by name, to compare before and after a load. */
async function schemaShape(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select indexname as name from pg_indexes where schemaname = current_schema()
     union all select conname from pg_constraint where connamespace = current_schema()::regnamespace order by 1`,
  );
  return rows.map((r) => r.name);
}

describe("loadFromSqlite", () => {
  it("loads every table's rows as written, and leaves every index and constraint in place", async () => {
    const { client } = await freshDatabase("load_all");
    try {
      const before = await schemaShape(client);
      const loaded = new Map<string, number>();
      await loadFromSqlite(sqlite, client, { onTable: (table, rows) => loaded.set(table, rows) });

      for (const table of ["units", "people", "tenures", "search_terms", "accounts", "coverage_units"]) {
        const { n } = sqlite.prepare(`select count(*) as n from "${table}"`).get() as { n: number };
        expect(n, table).toBeGreaterThan(0);
        expect(loaded.get(table), table).toBe(n);
        expect((await client.query<{ n: string }>(`select count(*) as n from "${table}"`)).rows[0].n, table).toBe(String(n));
      }
      const odd = (await client.query("select name_hi, name_en, whatsapp, notes from people where mobile = '+919999999901'")).rows[0];
      expect(odd).toEqual({ name_hi: "अजीब\\नाम", name_en: "Odd\tName", whatsapp: null, notes: `${AWKWARD}!` });
      expect(await schemaShape(client)).toEqual(before);
      // Identities continue past the loaded ids, and the triggers are back on (a new person is queued for search).
      const { rows } = await client.query<{ id: number }>("insert into people (name_hi, name_en) values ('नया', 'New') returning id");
      const { max } = (sqlite.prepare("select max(id) as max from people").get() as { max: number });
      expect(rows[0].id).toBeGreaterThan(max);
      expect((await client.query("select 1 from search_pending where kind = 'p' and ref_id = $1", [rows[0].id])).rowCount).toBe(1);
    } finally {
      await client.end();
    }
  });

  it("fails as a whole when a row breaks a foreign key, leaving the database empty and whole", async () => {
    const { client } = await freshDatabase("load_broken");
    const brokenFile = path.join(dir, "broken.db");
    await sqlite.backup(brokenFile);
    const broken = openSqlite(brokenFile);
    try {
      broken.pragma("foreign_keys = OFF");
      broken.prepare("update tenures set person_id = 999999 where id = (select min(id) from tenures)").run();
      const before = await schemaShape(client);

      await expect(loadFromSqlite(broken, client)).rejects.toThrow(/foreign key/);
      expect((await client.query("select count(*)::int as n from units")).rows[0].n).toBe(0);
      expect(await schemaShape(client)).toEqual(before);
    } finally {
      broken.close();
      await client.end();
    }
  });
});

describe("loadSqliteFile", () => {
  it("replaces a seed's data, and refuses a database with accounts no seed made", async () => {
    const { url, client } = await freshDatabase("load_file");
    try {
      const first = await loadSqliteFile(url, sqlite.name);
      const again = await loadSqliteFile(url, sqlite.name);
      expect(again.people).toBe(first.people);
      expect(again.units).toBeGreaterThan(0);

      const accounts = async () => (await client.query<{ n: number }>("select count(*)::int as n from accounts")).rows[0].n;
      const seeded = await accounts();
      await client.query("insert into accounts (login, display_name, password_hash) values ('+919812345678', 'Real', 'x')");
      await expect(loadSqliteFile(url, sqlite.name)).rejects.toThrow(/organisation's database/);
      expect(await accounts()).toBe(seeded + 1);
    } finally {
      await client.end();
    }
  });
});
