import type Database from "better-sqlite3";
import type pg from "pg";

/**
 * Loads the rows of a SQLite database into a migrated, empty PostgreSQL database of the same
 * schema. The demo seed and `seed:scale` are built once, in SQLite (where the search triggers and
 * coverage-count triggers have already computed their tables), and loaded here: one seed for both
 * engines. Tables load parents first; the tree's rows parents before children; the user triggers
 * (tree rules, counts, search queue) are off during the load, since the rows arrive already
 * consistent and counted. Foreign keys stay on and are checked row by row.
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
    for (const table of tables) {
      const count = await copyTable(sqlite, client, table);
      options.onTable?.(table, count);
    }
    for (const table of tables) await client.query(`alter table "${table}" enable trigger user`);
    await resetIdentities(client, tables);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback");
    throw error;
  }
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

/** Rows in batches of one multi-row INSERT each (PostgreSQL takes at most 65,535 parameters a statement). */
async function copyTable(sqlite: Database.Database, client: pg.ClientBase, table: string): Promise<number> {
  const columns = (sqlite.prepare(`select name from pragma_table_info(?) order by cid`).all(table) as Array<{ name: string }>).map((c) => c.name);
  // The tree's rows parents first (shorter paths first); other tables refer to no row of their own.
  const order = table === "units" ? " order by length(path), id" : "";
  const perBatch = Math.max(1, Math.floor(60_000 / columns.length));
  const list = columns.map((c) => `"${c}"`).join(", ");
  const rows = sqlite.prepare(`select ${list} from "${table}"${order}`).raw(true).iterate() as IterableIterator<unknown[]>;
  let batch: unknown[][] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const values = batch.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(", ")})`).join(", ");
    await client.query(`insert into "${table}" (${list}) values ${values}`, batch.flat().map(toPg));
    count += batch.length;
    batch = [];
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length === perBatch) await flush();
  }
  await flush();
  return count;
}

const toPg = (value: unknown) => (typeof value === "bigint" ? value.toString() : value);

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
