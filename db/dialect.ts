import { type EngineKind, engineKindOf } from "./engine";

/**
 * The only SQL that differs between the engines. Everything else is written once, in text both
 * SQLite and PostgreSQL read the same way (quoted camelCase aliases, `is not distinct from`,
 * `on conflict do nothing`, `string_agg`, `case … then 1 else 0 end` for flags, times bound from JS).
 * A statement that needs one of these takes the dialect as its source's argument:
 *
 *   const byIds = query<[string], Unit>((d) => `select … from units where id in (${d.jsonInts("?")})`);
 */
export type Dialect = {
  readonly kind: EngineKind;
  /** The integers of a JSON array parameter, as a one-column subquery body (`id in (…)`). */
  jsonInts(param: string): string;
  /** The strings of a JSON array parameter, as a one-column subquery body. */
  jsonTexts(param: string): string;
  /**
   * Whether `column` is one of the integers of a JSON array parameter: a condition. PostgreSQL
   * reads the array once (`= any`), so it is no relation of the join for the planner to order: an
   * `in (subquery)` made planning the unit page's residents cost more than running them.
   */
  inJsonInts(column: string, param: string): string;
  /** Whether `column` is one of the strings of a JSON array parameter: a condition, as inJsonInts. */
  inJsonTexts(column: string, param: string): string;
  /** Rows {p, e, b} of a JSON array of grant objects (path, effective role, body id), as a subquery body. */
  jsonGrantRows(param: string): string;
  /** A text value of a JSON object stored in a text column (audit_log.before/after). */
  jsonText(column: string, key: string): string;
  /** 1-based position of `needle` in `haystack`, 0 when absent. */
  position(haystack: string, needle: string): string;
  /** The ids of a path ("/1/40/812/") as rows `(value, depth)` with depth 0 for the root; a FROM item named `alias`. */
  pathIds(path: string, alias: string): string;
  /** People whose mobile or WhatsApp digits contain the bound digit run: a subquery body selecting `id`. */
  phoneMatch(): string;
  /** The bound value phoneMatch() and phoneHas() take for a digit run. */
  phoneParam(digits: string): string;
  /** Whether the person `idColumn` has the bound digit run in a number: a boolean condition. */
  phoneHas(idColumn: string): string;
  /**
   * A search's FROM and WHERE: each candidate `c` (a subquery body selecting `term` and `id`, wanted
   * in (term, id) order) joined to its `table` row `alias`, kept when every check and the filter
   * hold. PostgreSQL runs the checks (the query's other words) row by row in that order, in
   * subqueries it cannot flatten, so ORDER BY c.term, c.id with a LIMIT stops early: as a plain
   * join it expects almost no row to pass, builds every candidate of a common name with hash joins
   * and sorts them all. The filter (the viewer's scope) stays a plain condition on the `alias` row,
   * so it runs after the checks, on the few candidates that pass them (a condition on c alone would
   * be pushed below the join and run for every candidate). SQLite's join walks the terms index in
   * order by itself.
   */
  eachCandidate(candidates: string, table: string, alias: string, checks: string[], filter: string): string;
  /** A statement to run after inserting rows with explicit ids, so later inserts get new ids (PostgreSQL's identities; SQLite needs none). */
  resetIdentities(): string;
};

const sqlite: Dialect = {
  kind: "sqlite",
  jsonInts: (p) => `select value from json_each(${p})`,
  jsonTexts: (p) => `select value from json_each(${p})`,
  inJsonInts: (column, p) => `${column} in (select value from json_each(${p}))`,
  inJsonTexts: (column, p) => `${column} in (select value from json_each(${p}))`,
  jsonGrantRows: (p) => `select value ->> 'p' as p, value ->> 'e' as e, cast(value ->> 'b' as integer) as b from json_each(${p})`,
  jsonText: (column, key) => `(${column} ->> '${key}')`,
  position: (haystack, needle) => `instr(${haystack}, ${needle})`,
  pathIds: (path, alias) => `(select value, key as depth from json_each('[' || replace(trim(${path}, '/'), '/', ',') || ']')) ${alias}`,
  phoneMatch: () => "select rowid as id from people_phone_fts where digits match ?",
  phoneParam: (digits) => `"${digits}"`,
  phoneHas: (idColumn) => `exists (select 1 from people_phone_fts f where f.rowid = ${idColumn} and f.digits match ?)`,
  eachCandidate: (candidates, table, alias, checks, filter) =>
    `(${candidates}) c join ${table} ${alias} on ${alias}.id = c.id where ${[...checks, filter].join(" and ")}`,
  resetIdentities: () => "select 0 as done",
};

// people_phone_digits(mobile, whatsapp) and its trigram index: drizzle-pg/0003_search_queue.sql.
const postgres: Dialect = {
  kind: "postgres",
  jsonInts: (p) => `select cast(value as integer) from jsonb_array_elements_text(cast(${p} as jsonb))`,
  jsonTexts: (p) => `select value from jsonb_array_elements_text(cast(${p} as jsonb))`,
  inJsonInts: (column, p) => `${column} = any(cast(array(select jsonb_array_elements_text(cast(${p} as jsonb))) as integer[]))`,
  inJsonTexts: (column, p) => `${column} = any(array(select jsonb_array_elements_text(cast(${p} as jsonb))))`,
  jsonGrantRows: (p) => `select p, e, b from jsonb_to_recordset(cast(${p} as jsonb)) as x(p text, e text, b integer)`,
  jsonText: (column, key) => `(cast(${column} as jsonb) ->> '${key}')`,
  position: (haystack, needle) => `strpos(${haystack}, ${needle})`,
  pathIds: (path, alias) => `(select value, ord - 1 as depth from unnest(cast(string_to_array(trim(${path}, '/'), '/') as integer[])) with ordinality as j(value, ord)) ${alias}`,
  phoneMatch: () => "select id from people where people_phone_digits(mobile, whatsapp) like ?",
  phoneParam: (digits) => `%${digits}%`,
  phoneHas: (idColumn) => `exists (select 1 from people f where f.id = ${idColumn} and people_phone_digits(f.mobile, f.whatsapp) like ?)`,
  // OFFSET 0 keeps each subquery whole; the LATERAL one is then run per candidate, in the index's order.
  eachCandidate: (candidates, table, alias, checks, filter) =>
    `(${candidates} order by term, id offset 0) c
     cross join lateral (select * from ${table} ${alias} where ${[`${alias}.id = c.id`, ...checks].join(" and ")} offset 0) ${alias}
     where ${filter}`,
  // drizzle-pg/0004_identities.sql
  resetIdentities: () => "select reset_identities() as done",
};

export function dialectOf(kind: EngineKind): Dialect {
  return kind === "postgres" ? postgres : sqlite;
}

/** The dialect of the engine DATABASE_URL selects now. */
export function dialect(): Dialect {
  return dialectOf(engineKindOf());
}
