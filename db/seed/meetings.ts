import type Database from "better-sqlite3";
import { joinPosts, postLabel, type PostPlace } from "../../lib/meetings/post-label";
import type { UnitRef } from "./tree-writer";

/**
 * The source report's meeting, recorded after the fact (reconstructed): मखदुमपुर दक्षिणी मंडल's
 * IT cell and social media department by video conference in mid-2020, chaired by the mandal IT
 * cell convenor, with the report's chief guests, invitees (every shakti kendra IT cell convenor
 * and the district office-bearers living in the mandal) and the attendees it names, in its order.
 * Posts are written as the report gives them (a snapshot), whatever the roster's later dates say.
 */
export type ReportPeople = {
  sanjay: number;
  suresh: number;
  ajitC: number;
  vikas: number;
  rani: number;
  dharmendra: number;
  ritesh: number;
  abhay: number;
  ajitK: number;
  sanjayD: number;
};

const MEETING_DAY = "2020-06-14";
const CONVENORS_FROM = "2020-01-15";

const AGENDA = [
  "आगामी विधानसभा चुनाव को लेकर सभी शक्ति केंद्रों पर वर्चुअल बैठक के आयोजन के लिए आईटी सेल की तैयारी",
  "कार्यकर्ताओं को सोशल मीडिया से जोड़ना",
];
const DECISIONS = [
  "सभी शक्ति केंद्र आईटी सेल संयोजक जूम एप के द्वारा वर्चुअल बैठक की तैयारी में जुट जाएँ",
  "कार्यकर्ता हर बूथ पर घर-घर जाकर व्हाट्सएप नंबर लेकर शक्ति केंद्र का व्हाट्सएप ग्रुप शीघ्र बनाएँ",
  "मंडल अध्यक्ष, शक्ति केंद्र प्रभारी एवं बूथ अध्यक्ष प्रधानमंत्री गरीब कल्याण योजना की राहत सामग्री पर निगरानी रखें",
];
const MINUTES =
  "जिलाध्यक्ष श्री सुरेश कुमार शर्मा ने कार्यकर्ताओं को संबोधित करते हुए कहा कि इस बार चुनाव में आईटी सेल एवं सोशल मीडिया का महत्व पहले से कई गुना बढ़ गया है। " +
  "जिला संयोजक विकास कुमार रौशन ने जनकल्याणकारी योजनाओं के प्रचार-प्रसार पर विचार-विमर्श किया; प्रदेश और जिला नेतृत्व के दिशा-निर्देश आईटी सेल एवं सोशल मीडिया विभाग बूथ स्तर तक पहुँचाएगा।";

export function seedReportMeeting(sqlite: Database.Database, mandal: UnitRef, people: ReportPeople) {
  const body = (key: string) => (sqlite.prepare("select id from bodies where key = ?").get(key) as { id: number }).id;
  const postsOf = sqlite.prepare(
    `select u.id as "unitId", u.level, u.name_hi as "unitHi", u.name_en as "unitEn", b.key as "bodyKey", b.name_hi as "bodyHi", b.name_en as "bodyEn",
            p.title_hi as "titleHi", p.title_en as "titleEn"
     from tenures t join units u on u.id = t.unit_id join posts p on p.id = t.post_id join bodies b on b.id = p.body_id
     where t.person_id = ? and t.end_date is null order by length(u.path), b.sort, p.sort`,
  );
  const person = sqlite.prepare("select name_hi as \"nameHi\", name_en as \"nameEn\" from people where id = ?");
  const snapshot = (personId: number) => {
    const posts = postsOf.all(personId) as Array<PostPlace & { unitId: number }>;
    const { nameHi, nameEn } = person.get(personId) as { nameHi: string; nameEn: string };
    const own = (p: { unitId: number }) => p.unitId === mandal.id;
    return {
      nameHi,
      nameEn,
      postHi: joinPosts("hi", posts.map((p) => postLabel("hi", p, own(p)))),
      postEn: joinPosts("en", posts.map((p) => postLabel("en", p, own(p)))),
      unitId: posts[0]?.unitId ?? null,
    };
  };
  const itConvenorAtSk = sqlite
    .prepare(
      `select p.id from posts p join bodies b on b.id = p.body_id where p.level = 'shakti_kendra' and b.key = 'it_cell' and p.title_key = 'convenor'`,
    )
    .get() as { id: number };
  // The report invited "सभी आईटी सेल शक्ति केंद्र संयोजक" of the mandal: the demo's convenors there
  // (seeded with starts in 2021 and later) are dated from before the meeting, where no earlier
  // holder of the seat stands in the way, so the reconstructed record agrees with the roster's history.
  sqlite
    .prepare(
      `update tenures set start_date = ?
       where post_id = ? and end_date is null and start_date > ?
         and unit_id in (select id from units where level = 'shakti_kendra' and path > ? and path < ?)
         and not exists (select 1 from tenures o where o.unit_id = tenures.unit_id and o.post_id = tenures.post_id and o.seat = tenures.seat and o.id <> tenures.id)`,
    )
    .run(CONVENORS_FROM, itConvenorAtSk.id, MEETING_DAY, mandal.path, mandal.path.slice(0, -1) + "0");
  const skConvenors = sqlite
    .prepare(
      // Those who held the post on the meeting's day, not today's roster (a convenor from 2021 was not invited in 2020).
      `select t.person_id as "personId" from units u join tenures t on t.unit_id = u.id
       where u.level = 'shakti_kendra' and u.path > ? and u.path < ? and t.post_id = ?
         and t.start_date <= ? and (t.end_date is null or t.end_date >= ?)
       order by u.path`,
    )
    .all(mandal.path, mandal.path.slice(0, -1) + "0", itConvenorAtSk.id, MEETING_DAY, MEETING_DAY) as Array<{ personId: number }>;
  const account = sqlite.prepare("select id from accounts where person_id = ?").get(people.sanjay) as { id: number } | undefined;

  const meetingId = Number(
    sqlite
      .prepare(
        `insert into meetings (unit_id, title, starts_at, duration_minutes, mode, location, agenda, lang, invite_rules, minutes, decisions, reconstructed, created_by_account_id, created_at)
         values (?, ?, ?, 90, 'video', ?, ?, 'hi', ?, ?, ?, 1, ?, ?)`,
      )
      .run(
        mandal.id,
        "मखदुमपुर दक्षिणी मंडल आईटी सेल एवं सोशल मीडिया विभाग की बैठक",
        `${MEETING_DAY}T11:00`,
        "https://zoom.us/j/0000000000",
        AGENDA.join("\n"),
        JSON.stringify({ posts: [itConvenorAtSk.id], residents: true }),
        MINUTES,
        DECISIONS.join("\n"),
        account?.id ?? null,
        "2020-06-15T10:00:00.000Z",
      ).lastInsertRowid,
  );
  sqlite.prepare("insert into meeting_bodies (meeting_id, body_id) values (?, ?), (?, ?)").run(meetingId, body("it_cell"), meetingId, body("social_media"));

  const insert = sqlite.prepare(
    `insert into meeting_invitees (meeting_id, person_id, role, name_hi, name_en, post_hi, post_en, unit_id, attended, sort)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let sort = 0;
  const add = (personId: number, role: "chair" | "guest" | "invitee", attended: boolean | null) => {
    const s = snapshot(personId);
    insert.run(meetingId, personId, role, s.nameHi, s.nameEn, s.postHi, s.postEn, s.unitId, attended === null ? null : attended ? 1 : 0, ++sort);
  };
  add(people.sanjay, "chair", true);
  for (const g of [people.suresh, people.ajitC, people.vikas]) add(g, "guest", true);
  // The attendees the report names, in its order; then the shakti kendras' IT cell convenors it
  // invited ("…समेत आईटी सेल के कई कार्यकर्ता"), whose attendance it does not record by name.
  const named = [people.rani, people.dharmendra, people.ritesh, people.abhay, people.ajitK, people.sanjayD];
  for (const p of named) add(p, "invitee", true);
  for (const { personId } of skConvenors) if (!named.includes(personId) && personId !== people.sanjay) add(personId, "invitee", null);
  return meetingId;
}
