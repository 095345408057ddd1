/**
 * The raw baseline: the same data the app's pages need, by plain SQL through better-sqlite3, with
 * no framework, no session, no scope checks. Used in-process and behind a bare node:http server.
 */
import http from "node:http";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { queryWords } from "../../lib/search/phonetic";

export function rawQueries(file: string) {
  const db = new Database(file, { readonly: true });
  db.pragma("cache_size = -262144");
  const unit = db.prepare("select id, parent_id, level, name_hi, name_en, code, whatsapp_url, path from units where id = ?");
  const crumbs = db.prepare("select id, level, name_hi, name_en from units where id in (select value from json_each(?)) order by length(path)");
  const seats = db.prepare(
    `select p.id, p.title_hi, p.title_en, p.seats, b.name_hi as body_hi, b.name_en as body_en, t.id as tenure_id, t.seat, t.start_date,
            pe.id as person_id, pe.name_hi, pe.name_en, pe.mobile, pe.whatsapp
     from posts p join bodies b on b.id = p.body_id
     left join tenures t on t.post_id = p.id and t.unit_id = ? and t.end_date is null
     left join people pe on pe.id = t.person_id where p.level = ? order by b.sort, p.sort, t.seat`,
  );
  const children = db.prepare("select id, level, name_hi, name_en, code, path from units where parent_id = ? order by id");
  const filled = db.prepare(
    "select t.unit_id, count(*) as filled from units u join tenures t on t.unit_id = u.id and t.end_date is null where u.parent_id = ? group by t.unit_id",
  );
  const booths = db.prepare("select count(*) as n from units where level = 'booth' and path >= ? and path < ?");
  const person = db.prepare("select id, name_hi, name_en, mobile, whatsapp, home_unit_id from people where id = ?");
  const tenures = db.prepare(
    `select t.id, u.id as unit_id, u.name_hi, p.title_hi, b.name_hi as body_hi, t.start_date, t.end_date
     from tenures t join units u on u.id = t.unit_id join posts p on p.id = t.post_id join bodies b on b.id = p.body_id where t.person_id = ?`,
  );
  const term = db.prepare(
    `select p.id, p.name_hi, p.name_en, p.mobile from (select distinct ref_id as id from search_terms where kind = 'p' and (term = ? or (term >= ? and term < ?))) c
     join people p on p.id = c.id limit 20`,
  );
  const phone = db.prepare("select p.id, p.name_hi, p.name_en, p.mobile from people_phone_fts f join people p on p.id = f.rowid where f.digits match ? limit 20");
  const next = (s: string) => s.slice(0, -1) + String.fromCharCode(s.charCodeAt(s.length - 1) + 1);

  return {
    unitPage(id: number) {
      const u = unit.get(id) as { id: number; level: string; path: string } | undefined;
      if (!u) return null;
      const ids = u.path.split("/").filter(Boolean).map(Number);
      const kids = children.all(u.id) as Array<{ id: number; path: string }>;
      return {
        unit: u,
        breadcrumb: crumbs.all(JSON.stringify(ids)),
        seats: seats.all(u.id, u.level),
        children: kids.map((c) => ({ ...c, booths: (booths.get(c.path, c.path.slice(0, -1) + "0") as { n: number }).n })),
        filled: filled.all(u.id),
      };
    },
    personPage(id: number) {
      return { person: person.get(id), tenures: tenures.all(id) };
    },
    search(q: string) {
      const digits = q.replace(/\D/g, "");
      if (digits.length >= 3) return phone.all(`"${digits}"`);
      const words = queryWords(q);
      const w = [...words].sort((a, b) => (b.skeleton?.length ?? 0) - (a.skeleton?.length ?? 0))[0];
      if (!w) return [];
      const key = w.skeleton ?? w.plain;
      return term.all(w.plain, key, next(key));
    },
    close: () => db.close(),
  };
}

/** A bare node:http server answering the same data as JSON (run as its own process). */
export function serveRaw(file: string, port: number) {
  const raw = rawQueries(file);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    let body: unknown = null;
    const m = /^\/(unit|person)\/(\d+)$/.exec(url.pathname);
    if (m) body = m[1] === "unit" ? raw.unitPage(Number(m[2])) : raw.personPage(Number(m[2]));
    else if (url.pathname === "/search") body = raw.search(url.searchParams.get("q") ?? "");
    res.writeHead(body === null ? 404 : 200, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  });
  server.listen(port, "127.0.0.1");
  return server;
}

if (process.argv[1]?.endsWith("raw.ts")) {
  // npx tsx scripts/bench/raw.ts serve <db> <port>
  const [mode, db, port] = parseArgs({ options: {}, allowPositionals: true }).positionals;
  if (mode === "serve") {
    serveRaw(db, Number(port));
    console.log(`raw server on ${port}`);
  }
}
