import type Database from "better-sqlite3";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/**
 * Loads the rows of a SQLite database into a migrated, empty PostgreSQL database of the same
 * schema. The demo seed and `seed:scale` are built once, in SQLite (where the search triggers and
 * coverage-count triggers have already computed their tables), and loaded here: one seed for both
 * engines. Tables load parents first; the tree's rows parents before children; the user triggers
 * (tree rules, counts, search queue) are off during the load, since the rows arrive already
 * consistent and counted. The secondary indexes and foreign keys go for the load and are made again
 * after it, in the same transaction (see withoutIndexesAndForeignKeys): a row that breaks one of
 * them still fails the whole load.
 */
export async function loadFromSqlite(sqlite: Database.Database, client: pg.ClientBase, options: { onTable?: (table: string, rows: number) => void } = {}) {
  const pgTables = new Set(
    (await client.query<{ table_name: string }>("select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'")).rows.map(
      (r) => r.table_name,
    ),
  );
  const tables = loadOrder(sqlite).filter((t) => pgTables.has(t));
  await client.query("begin");
  try {
    for (const table of tables) await client.query(`alter table "${table}" disable trigger user`);
    await withoutIndexesAndForeignKeys(client, async () => {
      for (const table of tables) {
        const count = await copyTable(sqlite, client, table);
        options.onTable?.(table, count);
      }
    });
    for (const table of tables) await client.query(`alter table "${table}" enable trigger user`);
    await resetIdentities(client, tables);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback");
    throw error;
  }
}

/**
 * Runs `load` with the schema's secondary indexes and foreign keys dropped, then makes them again from
 * their own definitions: one index build over all rows, and one join per foreign key, cost a fraction
 * of keeping them row by row (pg_restore loads the same way). At Bihar scale (4 million rows) this
 * and COPY (copyTable) take the load from about 110 s to under 50 s. Primary keys and unique
 * constraints stay (the foreign keys need them); the partial unique indexes (one holder a seat) are
 * made again, so still checked.
 */
async function withoutIndexesAndForeignKeys(client: pg.ClientBase, load: () => Promise<void>) {
  const foreignKeys = (await client.query<{ name: string; table: string; definition: string }>(
    `select quote_ident(conname) as name, conrelid::regclass::text as "table", pg_get_constraintdef(oid) as definition
     from pg_constraint where contype = 'f' and connamespace = current_schema()::regnamespace`,
  )).rows;
  const indexes = (await client.query<{ name: string; definition: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
     from pg_index i join pg_class t on t.oid = i.indrelid
     where t.relnamespace = current_schema()::regnamespace
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x'))`,
  )).rows;
  for (const fk of foreignKeys) await client.query(`alter table ${fk.table} drop constraint ${fk.name}`);
  for (const index of indexes) await client.query(`drop index ${index.name}`);
  await load();
  // More memory for the sorts of the index builds than a query gets; for this transaction only.
  await client.query("set local maintenance_work_mem = '256MB'");
  for (const index of indexes) await client.query(index.definition);
  for (const fk of foreignKeys) await client.query(`alter table ${fk.table} add constraint ${fk.name} ${fk.definition}`);
}

/** The SQLite tables, each after the tables it refers to (the migrations' own table excepted). */
function loadOrder(sqlite: Database.Database): string[] {
  const names = (sqlite.prepare("select name from sqlite_master where type = 'table' and sql not like 'CREATE VIRTUAL%' and name not like 'sqlite_%' and name not like '%fts%' and name not like '\\_\\_%' escape '\\'").all() as Array<{ name: string }>).map((r) => r.name);
  const needs = new Map(names.map((n) => [n, new Set((sqlite.prepare(`select "table" from pragma_foreign_key_list(?)`).all(n) as Array<{ table: string }>).map((r) => r.table).filter((t) => t !== n))]));
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < names.length) {
    const next = names.filter((n) => !placed.has(n) && [...needs.get(n)!].every((d) => placed.has(d) || !needs.has(d)));
    if (next.length === 0) throw new Error(`foreign keys form a cycle among: ${names.filter((n) => !placed.has(n)).join(", ")}`);
    for (const n of next) {
      order.push(n);
      placed.add(n);
    }
  }
  return order;
}

/**
 * One table's rows by COPY … FROM STDIN, streamed from SQLite in chunks (constant memory): at Bihar
 * scale 2–3× faster than multi-row INSERTs, whose huge statements PostgreSQL must parse and plan.
 */
async function copyTable(sqlite: Database.Database, client: pg.ClientBase, table: string): Promise<number> {
  const columns = (sqlite.prepare(`select name from pragma_table_info(?) order by cid`).all(table) as Array<{ name: string }>).map((c) => c.name);
  // The tree's rows parents first (shorter paths first); other tables refer to no row of their own.
  const order = table === "units" ? " order by length(path), id" : "";
  const list = columns.map((c) => `"${c}"`).join(", ");
  const rows = sqlite.prepare(`select ${list} from "${table}"${order}`).raw(true).iterate() as IterableIterator<unknown[]>;
  let count = 0;
  function* chunks() {
    let lines: string[] = [];
    for (const row of rows) {
      lines.push(`${row.map(copyText).join("\t")}\n`);
      count++;
      if (lines.length === 2000) {
        yield lines.join("");
        lines = [];
      }
    }
    if (lines.length > 0) yield lines.join("");
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(`copy "${table}" (${list}) from stdin`)));
  return count;
}

const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r", "\u0000": "" };

/**
 * A SQLite value in COPY's text format: NULL as \N; in text, backslash, tab and line breaks escaped, and
 * U+0000 dropped (PostgreSQL refuses it in text; the engine drops it from parameters the same way).
 */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "string") return value.replace(/[\\\t\n\r\u0000]/g, (c) => COPY_ESCAPES[c]);
  if (Buffer.isBuffer(value)) return `\\\\x${value.toString("hex")}`;
  return String(value as number | bigint);
}

/** After rows with explicit ids, each identity column continues past the largest id. */
async function resetIdentities(client: pg.ClientBase, tables: string[]) {
  const identities = await client.query<{ table_name: string; column_name: string }>(
    "select table_name, column_name from information_schema.columns where table_schema = current_schema() and (is_identity = 'YES' or column_default like 'nextval(%')",
  );
  for (const { table_name: table, column_name: column } of identities.rows) {
    if (!tables.includes(table)) continue;
    await client.query(
      `select setval(pg_get_serial_sequence($1, $2), coalesce((select max("${column}") from "${table}"), 0) + 1, false)`,
      [`"${table}"`, column],
    );
  }
}
