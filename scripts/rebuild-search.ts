/**
 * Rebuilds the search index (search_terms and the phone trigram index) of an existing database,
 * e.g. after the phonetic rules change. Writes are kept in step by triggers otherwise.
 */
import { databaseFile, openSqlite } from "../db/connection";

const sqlite = openSqlite(databaseFile());
const started = performance.now();
sqlite.transaction(() => {
  sqlite.exec("delete from search_terms; delete from people_phone_fts;");
  sqlite.exec(`
    insert or ignore into search_terms (term, kind, ref_id) select j.value, 'p', p.id from people p, json_each(search_terms_json(p.name_hi, p.name_en)) j;
    insert or ignore into search_terms (term, kind, ref_id) select j.value, 'u', u.id from units u, json_each(search_terms_json(u.name_hi, u.name_en, u.code)) j;
    insert into people_phone_fts (rowid, digits) select id, trim(replace(coalesce(mobile, ''), '+91', '') || ' ' || replace(coalesce(whatsapp, ''), '+91', '')) from people;
  `);
})();
const { n } = sqlite.prepare("select count(*) as n from search_terms").get() as { n: number };
console.log(`Rebuilt the search index: ${n} terms in ${Math.round(performance.now() - started)} ms.`);
sqlite.close();
