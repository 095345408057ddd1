/**
 * A district-wide meeting of every booth president (about 2,000 invitees at state scale): the
 * invite preview through the app's data layer (rules expanded in SQL, each person's post worded,
 * chair and guests checked), then the saved meeting's invitee CSV read to its end through the
 * same stream the download serves. On a copy of the database. Run with the react-server
 * condition: `tsx --conditions=react-server scripts/bench/meetings.ts`. Prints one JSON line.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { viewerByLogin } from "../../lib/auth/viewer-by-login";

const SOURCE = process.env.SCALE_DATABASE_URL ?? "data/scale.db";
const COPY = "data/bench-meetings.db";
const ITERATIONS = Number(process.env.BENCH_MEETING_ITERATIONS ?? 30);

function percentile(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function main() {
  if (!fs.existsSync(SOURCE)) throw new Error(`${SOURCE} is missing: run npm run seed:scale first`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(COPY + suffix, { force: true });
  const source = new Database(SOURCE, { readonly: true });
  await source.backup(COPY);
  source.close();
  process.env.DATABASE_URL = path.resolve(COPY);
  const { createDb, migrateDb, openSqlite } = await import("../../db/connection");
  const migrating = openSqlite(COPY);
  migrateDb(createDb(migrating));
  migrating.close();

  const { getSqlite } = await import("../../db");
  const { previewInvitees, getMeeting } = await import("../../lib/meetings/data");
  const { createMeeting } = await import("../../lib/meetings/service");
  const { inviteesCsv } = await import("../../lib/meetings/export");
  const sqlite = getSqlite();
  const viewer = await viewerByLogin("+919000000009");

  // The district whose booth presidents number closest to 2,000 (the case).
  const district = sqlite
    .prepare(
      `select d.id, d.path, d.level, d.name_hi as "nameHi", d.name_en as "nameEn", count(*) as n
       from units d join units b on b.level = 'booth' and b.path >= d.path and b.path < substr(d.path, 1, length(d.path) - 1) || '0'
       join tenures t on t.unit_id = b.id and t.end_date is null
       join posts p on p.id = t.post_id and p.title_key = 'president'
       where d.level = 'district' group by d.id order by abs(n - 2000) limit 1`,
    )
    .get() as { id: number; path: string; level: "district"; nameHi: string; nameEn: string; n: number };
  const boothPresident = (sqlite.prepare("select p.id from posts p join bodies b on b.id = p.body_id where p.level = 'booth' and b.key = 'sangathan' and p.title_key = 'president'").get() as { id: number }).id;
  const rules = { posts: [boothPresident], residents: true };
  const guest = (sqlite.prepare("select person_id as id from tenures where unit_id = ? and end_date is null limit 1").get(district.id) as { id: number } | undefined)?.id;

  const times: number[] = [];
  let invitees = 0;
  for (let i = 0; i < ITERATIONS; i++) {
    const t0 = performance.now();
    const preview = await previewInvitees(viewer, district, rules, null, guest ? [guest] : []);
    times.push(performance.now() - t0);
    invitees = preview.total;
  }

  const created = await createMeeting(viewer, district.id, {
    bodyId: [(sqlite.prepare("select id from bodies where key = 'sangathan'").get() as { id: number }).id],
    title: "",
    date: "2027-01-15",
    time: "11:00",
    durationMinutes: 60,
    mode: "video",
    location: "https://meet.example.org/booth-presidents",
    agenda: "बूथ अध्यक्षों की बैठक",
    lang: "hi",
    chairId: null,
    guestId: guest ? [guest] : [],
    postId: rules.posts,
    residents: true,
  });
  if (!created.ok) throw new Error(`meeting not saved: ${JSON.stringify(created)}`);
  const t1 = performance.now();
  const meeting = (await getMeeting(viewer, created.data.meetingId))!;
  const labels = { headers: ["role", "nameHi", "nameEn", "post", "mobile", "whatsapp", "attended"], roles: { chair: "c", guest: "g", invitee: "i", walk_in: "w" }, yes: "y", no: "n" };
  const reader = inviteesCsv(viewer, meeting, "hi", labels).getReader();
  let bytes = 0;
  let chunks = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    bytes += r.value.byteLength;
    chunks += 1;
  }
  const csvMs = performance.now() - t1;
  console.log(JSON.stringify({ district: district.nameEn, invitees, previewP50Ms: percentile(times, 50), previewP95Ms: percentile(times, 95), iterations: ITERATIONS, saved: meeting.people.length, csvMs, csvBytes: bytes, csvChunks: chunks }));
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(COPY + suffix, { force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
