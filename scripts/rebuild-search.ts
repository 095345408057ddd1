/**
 * Rebuilds the search index (search_terms, and on SQLite the phone trigram index) of an existing
 * database, e.g. after the phonetic rules change. Writes are kept in step by triggers otherwise.
 *
 * SQLite: the triggers' own SQL function computes the terms. PostgreSQL cannot call that JS, so
 * the terms are computed here with the same lib/search/phonetic.ts; its phone index is an
 * expression index, always in step, with nothing to rebuild.
 */
import pg from "pg";
import { databaseFile, openSqlite } from "../db/connection";
import { isPostgresUrl } from "../db/engine";
import { termsFor } from "../lib/search/phonetic";

function rebuildSqlite(): number {
  const sqlite = openSqlite(databaseFile());
  try {
    sqlite.transaction(() => {
      sqlite.exec("delete from search_terms; delete from people_phone_fts;");
      sqlite.exec(`
        insert or ignore into search_terms (term, kind, ref_id) select j.value, 'p', p.id from people p, json_each(search_terms_json(p.name_hi, p.name_en)) j;
        insert or ignore into search_terms (term, kind, ref_id) select j.value, 'u', u.id from units u, json_each(search_terms_json(u.name_hi, u.name_en, u.code)) j;
        insert into people_phone_fts (rowid, digits) select id, trim(replace(coalesce(mobile, ''), '+91', '') || ' ' || replace(coalesce(whatsapp, ''), '+91', '')) from people;
      `);
    })();
    return (sqlite.prepare("select count(*) as n from search_terms").get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

/** Rows read and written a page at a time: a state's people never sit in memory at once. */
const PAGE = 5000;
type Named = { id: number; name_hi: string; name_en: string; code: string | null };

async function rebuildPostgres(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("begin");
    // Names can't change while the index is rebuilt (reads go on; writers wait for the commit).
    await client.query("lock table people, units in share mode");
    await client.query("delete from search_terms");
    const sources = [
      { kind: "p", sql: "select id, name_hi, name_en, null as code from people where id > $1 order by id limit $2" },
      { kind: "u", sql: "select id, name_hi, name_en, code from units where id > $1 order by id limit $2" },
    ];
    for (const { kind, sql } of sources) {
      for (let after = 0; ; ) {
        const page = (await client.query<Named>(sql, [after, PAGE])).rows;
        if (page.length === 0) break;
        const terms: string[] = [];
        const ids: number[] = [];
        for (const row of page) {
          for (const term of termsFor(row.name_hi, row.name_en, row.code)) {
            terms.push(term);
            ids.push(row.id);
          }
        }
        // A word twice in one name gives one term: the duplicate is skipped, as SQLite's OR IGNORE does.
        await client.query(
          "insert into search_terms (term, kind, ref_id) select term, $1::text, ref_id from unnest($2::text[], $3::int[]) as t(term, ref_id) on conflict do nothing",
          [kind, terms, ids],
        );
        after = page[page.length - 1].id;
      }
    }
    const { n } = (await client.query<{ n: number }>("select count(*)::int as n from search_terms")).rows[0];
    await client.query("commit");
    return n;
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function main() {
  const url = process.env.DATABASE_URL;
  const started = performance.now();
  const n = isPostgresUrl(url) ? await rebuildPostgres(url) : rebuildSqlite();
  console.log(`Rebuilt the search index: ${n} terms in ${Math.round(performance.now() - started)} ms.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
