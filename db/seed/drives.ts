import type Database from "better-sqlite3";

/**
 * The report's two drives, as the district president would set them: an IT cell convenor at every
 * shakti kendra of Jehanabad, and a WhatsApp group for every shakti kendra of मखदुमपुर दक्षिणी मंडल,
 * part done (every other one of its shakti kendras, in tree order, already has its group's link).
 * Deadlines are fixed dates, so the demo reads the same on every machine.
 */
export function seedDrives(sqlite: Database.Database) {
  const unitId = (nameEn: string, level: string) =>
    (sqlite.prepare("select id, path from units where name_en = ? and level = ? order by id limit 1").get(nameEn, level) as { id: number; path: string } | undefined) ??
    (() => {
      throw new Error(`seedDrives: no ${level} named ${nameEn}`);
    })();
  const jehanabad = unitId("Jehanabad", "district");
  const mSouth = unitId("Makhdumpur South (Dakshini) Mandal", "mandal");
  const itConvenor = sqlite
    .prepare("select p.id from posts p join bodies b on b.id = p.body_id where p.level = 'shakti_kendra' and b.key = 'it_cell' and p.title_key = 'convenor'")
    .get() as { id: number };
  const president = sqlite.prepare("select id from accounts where login = '+919000000001'").get() as { id: number } | undefined;

  const insert = sqlite.prepare(
    "insert into drives (unit_id, name, kind, level, post_id, deadline, created_by_account_id, created_at) values (?, ?, ?, 'shakti_kendra', ?, ?, ?, ?)",
  );
  insert.run(jehanabad.id, "हर शक्ति केंद्र में आईटी सेल संयोजक", "post", itConvenor.id, "2027-03-31", president?.id ?? null, "2026-11-01T04:30:00.000Z");
  insert.run(mSouth.id, "हर शक्ति केंद्र का व्हाट्सएप समूह", "whatsapp", null, "2027-01-31", president?.id ?? null, "2026-11-01T04:35:00.000Z");

  const shaktiKendras = sqlite
    .prepare("select id from units where level = 'shakti_kendra' and path >= ? and path < ? order by path")
    .all(mSouth.path, mSouth.path.slice(0, -1) + "0") as Array<{ id: number }>;
  const setLink = sqlite.prepare("update units set whatsapp_url = ? where id = ?");
  shaktiKendras.forEach((sk, i) => {
    if (i % 2 === 0) setLink.run(`https://chat.whatsapp.com/DemoMkdSouth${String(sk.id).padStart(6, "0")}`, sk.id);
  });
}
