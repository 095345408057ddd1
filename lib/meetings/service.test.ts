import { beforeAll, describe, expect, it } from "vitest";
import { statement } from "@/db";
import { Denied } from "@/lib/auth/guard";
import { withTestDatabase } from "@/lib/testing/demo-db";
import { viewerByLogin } from "@/lib/auth/viewer-by-login";
import type { MeetingDetails } from "@/lib/validation/meetings";
import * as data from "./data";
import * as press from "./press-note";
import * as service from "./service";

withTestDatabase();

const get = async <T>(sql: string, ...p: unknown[]) => (await statement<unknown[], T>(sql).get(...p)) as T;
const all = <T>(sql: string, ...p: unknown[]) => statement<unknown[], T>(sql).all(...p);
const run = (sql: string, ...p: unknown[]) => statement(sql).run(...p);
const bodyId = async (key: string) => (await get<{ id: number }>("select id from bodies where key = ?", key)).id;
const postId = async (level: string, body: string, title: string) =>
  (await get<{ id: number }>("select p.id from posts p join bodies b on b.id = p.body_id where p.level = ? and b.key = ? and p.title_key = ?", level, body, title)).id;
const personId = async (nameHi: string) => (await get<{ id: number }>("select id from people where name_hi = ? order by id limit 1", nameHi)).id;
const version = async (meetingId: number) => (await get<{ version: number }>("select version from meetings where id = ?", meetingId)).version;

const as = (login: string) => viewerByLogin(`+91${login}`);

// Read once: the details every test starts from, and the mandal the meetings are at.
let base: MeetingDetails;
let south: { id: number; path: string };
const mandal = () => south;
beforeAll(async () => {
  south = await get<{ id: number; path: string }>("select id, path from units where name_hi = 'मखदुमपुर दक्षिणी मंडल'");
  base = {
    bodyId: [await bodyId("it_cell"), await bodyId("social_media")],
    title: "",
    date: "2026-12-05",
    time: "18:00",
    durationMinutes: 60,
    mode: "video",
    location: "https://meet.example.org/abc-defg",
    agenda: "शक्ति केंद्रों पर वर्चुअल बैठक",
    lang: "hi",
    chairId: await personId("संजय कुमार"),
    guestId: [await personId("सुरेश कुमार शर्मा")],
    postId: [await postId("shakti_kendra", "it_cell", "convenor")],
    residents: true,
  };
});

function details(over: Partial<MeetingDetails> = {}): MeetingDetails {
  return { ...base, ...over };
}

const invitees = (meetingId: number) =>
  all<{ personId: number; role: string; nameHi: string; postHi: string; attended: number | null }>(
    "select person_id as \"personId\", role, name_hi as \"nameHi\", post_hi as \"postHi\", attended from meeting_invitees where meeting_id = ? order by person_id",
    meetingId,
  );

describe("meetings", () => {
  it("the mandal editor creates a meeting: the title from unit and bodies, the list from the rules, one audit row", async () => {
    const editor = await as("9000000003");
    const result = await service.createMeeting(editor, mandal().id, details());
    expect(result.ok).toBe(true);
    const id = (result as { data: { meetingId: number } }).data.meetingId;
    const m = await get<{ title: string; startsAt: string; version: number }>("select title, starts_at as \"startsAt\", version from meetings where id = ?", id);
    expect(m.title).toBe("मखदुमपुर दक्षिणी मंडल आईटी सेल एवं सोशल मीडिया विभाग की बैठक");
    expect(m.startsAt).toBe("2026-12-05T18:00");
    const rows = await invitees(id);
    expect(rows.find((r) => r.role === "chair")?.nameHi).toBe("संजय कुमार");
    expect(rows.find((r) => r.role === "guest")).toMatchObject({ nameHi: "सुरेश कुमार शर्मा", postHi: "जिला अध्यक्ष" });
    const expected = await data.previewInvitees(editor, { ...mandal(), level: "mandal", nameHi: "", nameEn: "" }, { posts: details().postId, residents: true }, details().chairId, details().guestId);
    expect(rows.length).toBe(expected.total);
    const audit = await all<{ action: string; outcome: string }>("select action, outcome from audit_log where target_type = 'meeting' and target_id = ? order by id", id);
    expect(audit).toEqual([{ action: "meeting.create", outcome: "ok" }]);
  });

  it("keeps the saved list as it was that day when the roster changes later, until the rules change", async () => {
    const editor = await as("9000000003");
    const created = await service.createMeeting(editor, mandal().id, details());
    const id = (created as { data: { meetingId: number } }).data.meetingId;
    const before = await invitees(id);
    const convenor = before.find((r) => r.role === "invitee" && r.postHi.includes("शक्ति केंद्र"))!;

    // Later: the convenor is replaced by someone new, and renamed in the directory.
    const tenure = await get<{ id: number; unitId: number; postId: number }>(
      "select id, unit_id as \"unitId\", post_id as \"postId\" from tenures where person_id = ? and end_date is null and post_id = ?",
      convenor.personId,
      await postId("shakti_kendra", "it_cell", "convenor"),
    );
    await run("update tenures set end_date = '2026-12-31', end_kind = 'replaced' where id = ?", tenure.id);
    const newcomer = (await get<{ id: number }>("insert into people (name_hi, name_en, mobile) values ('नया संयोजक', 'Naya Sanyojak', '+919000099901') returning id")).id;
    await run("insert into tenures (person_id, unit_id, post_id, seat, start_date) values (?, ?, ?, 1, '2027-01-01')", newcomer, tenure.unitId, tenure.postId);
    await run("update people set name_hi = 'बदला हुआ नाम' where id = ?", convenor.personId);
    expect(await invitees(id)).toEqual(before);

    // Marking attendance, then changing only the time: the list stays the snapshot.
    const m = { version: await version(id) };
    const rowIds = (await all<{ id: number }>("select id from meeting_invitees where meeting_id = ? order by id", id)).map((r) => r.id);
    expect((await service.setAttendance(editor, { meetingId: id, version: m.version, intent: "all", rowId: [], present: [] })).ok).toBe(true);
    const v2 = await version(id);
    expect((await service.updateMeeting(editor, id, v2, details({ time: "19:30" }))).ok).toBe(true);
    const kept = await invitees(id);
    expect(kept.map((r) => r.nameHi)).toEqual(before.map((r) => r.nameHi));
    expect(kept.every((r) => r.attended === 1)).toBe(true);
    expect(kept.some((r) => r.personId === newcomer)).toBe(false);
    expect(rowIds.length).toBe(kept.length);

    // Changing the rules rebuilds from today's roster: the newcomer comes in, the replaced one goes,
    // and those kept keep their snapshot and attendance.
    const v3 = await version(id);
    expect((await service.updateMeeting(editor, id, v3, details({ residents: false }))).ok).toBe(true);
    const rebuilt = await invitees(id);
    expect(rebuilt.some((r) => r.personId === newcomer)).toBe(true);
    expect(rebuilt.some((r) => r.personId === convenor.personId)).toBe(false);
    expect(rebuilt.filter((r) => r.personId !== newcomer).every((r) => r.attended === 1)).toBe(true);
  });

  it("a mandal editor's edit keeps a chief guest the district admin added from outside the editor's reach; removing one is explicit and audited", async () => {
    const admin = await as("9000000001");
    const editor = await as("9000000003");
    const kako = (await get<{ id: number }>(
      "select p.id from people p join tenures t on t.person_id = p.id and t.end_date is null join units u on u.id = t.unit_id where u.name_hi = 'काको मंडल' and u.level = 'mandal' order by p.id limit 1",
    )).id;
    expect(await service.snapshotPerson(editor, mandal(), kako)).toBeNull();
    const guests = [await personId("सुरेश कुमार शर्मा"), kako];
    const id = (await service.createMeeting(admin, mandal().id, details({ guestId: guests })) as { data: { meetingId: number } }).data.meetingId;
    const guestRows = async () => (await invitees(id)).filter((r) => r.role === "guest").map((r) => r.personId);
    expect((await guestRows()).sort()).toEqual([...guests].sort());

    // The editor saves the form as it was opened (both guests ticked): the far guest stays, as saved.
    const v1 = await version(id);
    expect((await service.updateMeeting(editor, id, v1, details({ guestId: guests, time: "19:00" }))).ok).toBe(true);
    expect((await guestRows()).sort()).toEqual([...guests].sort());

    // Unticking removes, and the audit names who went.
    const v2 = await version(id);
    expect((await service.updateMeeting(editor, id, v2, details({ guestId: [guests[0]] }))).ok).toBe(true);
    expect(await guestRows()).toEqual([guests[0]]);
    const audit = await get<{ before: string }>("select before from audit_log where action = 'meeting.update' and target_id = ? order by id desc limit 1", id);
    expect(JSON.parse(audit.before).removed).toEqual([`${(await get<{ n: string }>("select name_hi as n from people where id = ?", kako)).n} (guest)`]);

    // Adding him back is what the editor may not do: he is no longer on the meeting.
    const v3 = await version(id);
    expect(await service.updateMeeting(editor, id, v3, details({ guestId: guests }))).toEqual({ ok: false, code: "invalid", fields: { guestId: ["person_unknown"] } });
  });

  it("refuses (and audits) attendance naming rows of another meeting, and a walk-in the editor may not name", async () => {
    const editor = await as("9000000003");
    const a = (await service.createMeeting(editor, mandal().id, details()) as { data: { meetingId: number } }).data.meetingId;
    const b = (await service.createMeeting(editor, mandal().id, details()) as { data: { meetingId: number } }).data.meetingId;
    const foreign = (await all<{ id: number }>("select id from meeting_invitees where meeting_id = ? order by id", b)).map((r) => r.id);
    const v = await version(a);
    await expect(service.setAttendance(editor, { meetingId: a, version: v, intent: "save", rowId: foreign, present: foreign })).rejects.toThrow(Denied);
    expect(await version(a)).toBe(v);
    expect(await all("select 1 from meeting_invitees where meeting_id = ? and attended is not null", b)).toEqual([]);
    const kako = (await get<{ id: number }>(
      "select p.id from people p join tenures t on t.person_id = p.id and t.end_date is null join units u on u.id = t.unit_id where u.name_hi = 'काको मंडल' order by p.id limit 1",
    )).id;
    await expect(service.addWalkIn(editor, { meetingId: a, version: v, personId: kako })).rejects.toThrow(Denied);
    const refused = await all<{ action: string }>("select action from audit_log where outcome = 'denied' and target_type = 'meeting' and target_id = ? order by id", a);
    expect(refused.map((r) => r.action)).toEqual(["meeting.attendance", "meeting.walk_in"]);
    expect(await all("select 1 from audit_log where outcome = 'ok' and action = 'meeting.attendance' and target_id = ?", a)).toEqual([]);
  });

  it("the invite preview carries the counts and only the first names, not a district's whole list", async () => {
    const admin = await as("9000000001");
    const district = await get<{ id: number; path: string; nameHi: string; nameEn: string }>("select id, path, name_hi as \"nameHi\", name_en as \"nameEn\" from units where name_hi = 'जहानाबाद' and level = 'district'");
    const posts = (await all<{ id: number }>("select p.id from posts p where p.level in ('booth', 'shakti_kendra')")).map((p) => p.id);
    const preview = await data.previewInvitees(admin, { ...district, level: "district" }, { posts, residents: true }, null, []);
    expect(preview.total).toBeGreaterThan(100);
    expect(preview.people.length).toBe(60);
    expect(JSON.stringify(preview).length).toBeLessThan(30_000);
  });

  it("a walk-in not in the directory is added by name; searching on the way writes nothing when no tick changed", async () => {
    const editor = await as("9000000003");
    const id = (await service.createMeeting(editor, mandal().id, details()) as { data: { meetingId: number } }).data.meetingId;
    const audits = async () => (await all("select 1 from audit_log where target_type = 'meeting' and target_id = ?", id)).length;
    const v = await version(id);
    const before = await audits();
    expect(await service.setAttendance(editor, { meetingId: id, version: v, intent: "search", rowId: [], present: [] })).toEqual({ ok: true, data: { meetingId: id, version: v } });
    expect([await version(id), await audits()]).toEqual([v, before]);
    expect((await service.addWalkIn(editor, { meetingId: id, version: v, personId: null, name: "राहुल कुमार", post: "आईटी सेल कार्यकर्ता" })).ok).toBe(true);
    const row = await get<{ personId: number | null; role: string; nameHi: string; postHi: string; attended: number }>(
      "select person_id as \"personId\", role, name_hi as \"nameHi\", post_hi as \"postHi\", attended from meeting_invitees where meeting_id = ? and person_id is null",
      id,
    );
    expect(row).toEqual({ personId: null, role: "walk_in", nameHi: "राहुल कुमार", postHi: "आईटी सेल कार्यकर्ता", attended: 1 });
    expect(await service.addWalkIn(editor, { meetingId: id, version: await version(id), personId: null, name: " " })).toEqual({ ok: false, code: "invalid", fields: { name: ["required"] } });
    const view = (await data.getMeeting(editor, id))!;
    expect(press.pressNote(await data.meetingRecord(view, "hi"))).toContain("आईटी सेल कार्यकर्ता राहुल कुमार उपस्थित रहे।");
  });

  it("refuses a change made on an old version", async () => {
    const editor = await as("9000000003");
    const id = (await service.createMeeting(editor, mandal().id, details()) as { data: { meetingId: number } }).data.meetingId;
    expect((await service.updateMeeting(editor, id, 1, details({ time: "10:00" }))).ok).toBe(true);
    expect(await service.updateMeeting(editor, id, 1, details({ time: "11:00" }))).toEqual({ ok: false, code: "stale" });
    expect((await get<{ startsAt: string }>("select starts_at as \"startsAt\" from meetings where id = ?", id)).startsAt).toBe("2026-12-05T10:00");
  });

  it("checks the grants on every write: viewers and outsiders are refused and audited; body-limited editors only for their body", async () => {
    const editor = await as("9000000003");
    const id = (await service.createMeeting(editor, mandal().id, details()) as { data: { meetingId: number } }).data.meetingId;
    const v = await version(id);
    const viewer = await as("9000000004");
    await expect(service.createMeeting(viewer, mandal().id, details())).rejects.toThrow(Denied);
    await expect(service.updateMeeting(viewer, id, v, details())).rejects.toThrow(Denied);
    await expect(service.setAttendance(viewer, { meetingId: id, version: v, intent: "all", rowId: [], present: [] })).rejects.toThrow(Denied);
    await expect(service.savePressNote(viewer, { meetingId: id, version: v, pressNote: "x", reset: false })).rejects.toThrow(Denied);
    const refused = await all<{ action: string }>("select action from audit_log where outcome = 'denied' and actor_account_id = ? and action like 'meeting.%' order by id", viewer.accountId);
    expect(refused.map((r) => r.action)).toEqual(["meeting.create", "meeting.update", "meeting.attendance", "meeting.press_note"]);

    // The IT cell's district editor: an IT cell meeting yes, one with the social media department no.
    const itCell = await as("9000000002");
    const itCellOnly = [await bodyId("it_cell")];
    expect((await service.createMeeting(itCell, mandal().id, details({ bodyId: itCellOnly }))).ok).toBe(true);
    await expect(service.createMeeting(itCell, mandal().id, details())).rejects.toThrow(Denied);
    await expect(service.updateMeeting(itCell, id, v, details({ bodyId: itCellOnly }))).rejects.toThrow(Denied);

    // Someone the viewer cannot see at all cannot be made a guest.
    const faraway = (await get<{ id: number }>(
      "select p.id from people p join units h on h.id = p.home_unit_id join units d on h.path like d.path || '%' where d.name_en = 'Saran' and d.level = 'district' and not exists (select 1 from tenures t join units u on u.id = t.unit_id where t.person_id = p.id and u.level in ('state')) order by p.id limit 1",
    )).id;
    expect(await service.createMeeting(editor, mandal().id, details({ guestId: [faraway] }))).toEqual({ ok: false, code: "invalid", fields: { guestId: ["person_unknown"] } });
  });

  it("shows a meeting to those who see its unit in full and to nobody else", async () => {
    const id = (await service.createMeeting(await as("9000000003"), mandal().id, details()) as { data: { meetingId: number } }).data.meetingId;
    expect((await data.getMeeting(await as("9000000004"), id))?.editable).toBe(false);
    expect((await data.getMeeting(await as("9000000003"), id))?.editable).toBe(true);
    const ac = (await get<{ id: number }>("select id from units where name_hi = 'मखदुमपुर' and level = 'assembly'")).id;
    expect((await data.listMeetings(await as("9000000004"), ac, {}))!.rows.some((r) => r.id === id)).toBe(true);
    // An account whose grant lies elsewhere (a viewer of another mandal).
    const other = await get<{ id: number; path: string }>("select id, path from units where name_hi = 'काको मंडल'");
    const outsider = { accountId: 999, personId: null, name: "x", grants: [{ unitId: other.id, unitPath: other.path, role: "viewer" as const, bodyId: null }] };
    expect(await data.getMeeting(outsider, id)).toBeNull();
    expect(await data.listMeetings(outsider, mandal().id, {})).toBeNull();
  });

  it("the demo's report meeting invites only those who held their invited post on its day (14 June 2020)", async () => {
    const m = (await data.listMeetings(await as("9000000003"), mandal().id, { to: "2020-12-31" }))!.rows.find((r) => r.reconstructed)!;
    const invitees = await all<{ personId: number }>("select person_id as \"personId\" from meeting_invitees where meeting_id = ? and role = 'invitee' and attended is null", m.id);
    expect(invitees.length).toBeGreaterThan(0);
    const notYet = await all<{ name: string }>(
      `select p.name_hi as name from meeting_invitees i join people p on p.id = i.person_id
       where i.meeting_id = ? and i.role = 'invitee' and i.attended is null
         and not exists (select 1 from tenures t where t.person_id = i.person_id and t.start_date <= '2020-06-14' and (t.end_date is null or t.end_date >= '2020-06-14'))`,
      m.id,
    );
    expect(notYet).toEqual([]);
  });

  it("the demo's report meeting drafts the report's press note", async () => {
    const m = (await data.listMeetings(await as("9000000003"), mandal().id, { to: "2020-12-31" }))!.rows.find((r) => r.reconstructed)!;
    const view = (await data.getMeeting(await as("9000000003"), m.id))!;
    const note = press.pressNote(await data.meetingRecord(view, "hi"));
    expect(note).toContain("भाजपा मखदुमपुर दक्षिणी मंडल आईटी सेल एवं सोशल मीडिया विभाग की वीडियो कॉन्फ्रेंसिंग बैठक");
    expect(note).toContain("बैठक की अध्यक्षता मंडल आईटी सेल संयोजक संजय कुमार ने की।");
    expect(note).toContain(
      "मुख्य अतिथि के रूप में जिला अध्यक्ष श्री सुरेश कुमार शर्मा, प्रदेश अनुसूचित जाति मोर्चा अध्यक्ष सह मखदुमपुर विधानसभा प्रभारी श्री अजीत चौधरी और जिला आईटी सेल संयोजक श्री विकास कुमार रौशन शामिल हुए।",
    );
    expect(note).toContain(
      "बैठक में प्रदेश अनुसूचित जाति मोर्चा मंत्री रानी कुमारी, जिला महामंत्री धर्मेंद्र चौहान, जिला आईटी सेल सह-संयोजक रितेश रंजन, मखदुमपुर विधानसभा आईटी सेल संयोजक अभय भारती, अजीत कुमार और मंडल युवा मोर्चा अध्यक्ष संजय कुमार द्विवेदी उपस्थित रहे।",
    );
    // The report's dateline, its invited line, its agenda with the oblique verb, the district president's speech.
    expect(note.split("\n")[2].startsWith("जहानाबाद। ")).toBe(true);
    expect(note).toContain("बैठक में सभी आईटी सेल शक्ति केंद्र संयोजक एवं मंडल में निवास करने वाले ऊपर की इकाइयों के पदाधिकारी आमंत्रित थे।");
    expect(note).toContain("कार्यकर्ताओं को सोशल मीडिया से जोड़ने पर चर्चा हुई।");
    expect(note).toContain("जिलाध्यक्ष श्री सुरेश कुमार शर्मा ने कार्यकर्ताओं को संबोधित करते हुए कहा कि इस बार चुनाव में आईटी सेल एवं सोशल मीडिया का महत्व पहले से कई गुना बढ़ गया है।");
    // In English for an English reader: names, posts, unit and bodies all in English.
    const en = press.pressNote(await data.meetingRecord(view, "en"));
    expect(en.split("\n")[0]).toBe("BJP Makhdumpur South (Dakshini) Mandal IT Cell and Social Media Department video meeting");
    expect(en).toContain("It was chaired by Sanjay Kumar (mandal IT Cell convenor).");
    expect(en).toContain("Suresh Kumar Sharma (district president), Ajit Chaudhary (state SC Morcha president and Makhdumpur assembly in-charge) and Vikas Kumar Raushan (district IT Cell convenor) attended as chief guests.");
  });
});
