import { describe, expect, it } from "vitest";
import { defaultTitle, honoured, joinList, oblique, parseStartsAt, pressNote } from "./press-note";
import type { MeetingRecord } from "./types";

const hi: MeetingRecord = {
  lang: "hi",
  unitName: "मखदुमपुर दक्षिणी मंडल",
  bodies: ["आईटी सेल"],
  title: "मखदुमपुर दक्षिणी मंडल आईटी सेल की बैठक",
  startsAt: "2026-11-30T18:00",
  durationMinutes: 60,
  mode: "video",
  location: "https://meet.example/abc",
  agenda: [],
  chair: null,
  guests: [],
  attendees: [],
  decisions: [],
};

const en: MeetingRecord = {
  ...hi,
  lang: "en",
  unitName: "Makhdumpur South (Dakshini) Mandal",
  bodies: ["IT Cell"],
  title: "Makhdumpur South (Dakshini) Mandal IT Cell meeting",
};

const suresh = { name: "सुरेश कुमार शर्मा", post: "जिलाध्यक्ष" };
const ajit = { name: "अजीत चौधरी", post: "" };
const vikas = { name: "विकास कुमार रौशन", post: "जिला आईटी सेल संयोजक" };
const sureshEn = { name: "Suresh Kumar Sharma", post: "District President" };
const ajitEn = { name: "Ajit Chaudhary", post: "" };
const vikasEn = { name: "Vikas Kumar Raushan", post: "District IT Cell Convenor" };

/** The paragraph after the headline. */
const body = (m: MeetingRecord) => pressNote(m).split("\n\n")[1];

describe("joinList and the title", () => {
  it("joins one, two and many with the word before the last", () => {
    expect(joinList([], "और")).toBe("");
    expect(joinList(["क"], "और")).toBe("क");
    expect(joinList(["क", "ख"], "और")).toBe("क और ख");
    expect(joinList(["क", "ख", "ग", "घ"], "और")).toBe("क, ख, ग और घ");
  });

  it("pre-fills the title from unit and bodies, bodies joined by एवं as the reports do", () => {
    expect(defaultTitle("hi", "मखदुमपुर दक्षिणी मंडल", ["आईटी सेल", "सोशल मीडिया विभाग"])).toBe("मखदुमपुर दक्षिणी मंडल आईटी सेल एवं सोशल मीडिया विभाग की बैठक");
    expect(defaultTitle("hi", "जहानाबाद", ["संगठन", "युवा मोर्चा", "महिला मोर्चा"])).toBe("जहानाबाद संगठन, युवा मोर्चा एवं महिला मोर्चा की बैठक");
    expect(defaultTitle("hi", "जहानाबाद", [])).toBe("जहानाबाद की बैठक");
    expect(defaultTitle("en", "Makhdumpur South (Dakshini) Mandal", ["IT Cell", "Social Media Department"])).toBe(
      "Makhdumpur South (Dakshini) Mandal IT Cell and Social Media Department meeting",
    );
  });

  it("reads India time from the record and refuses what is not a time", () => {
    expect(parseStartsAt("2020-06-05T18:00")).toEqual({ date: "2020-06-05", hour: 18, minute: 0 });
    expect(parseStartsAt("2020-02-30T18:00")).toBeNull();
    expect(parseStartsAt("2020-06-05T24:00")).toBeNull();
    expect(parseStartsAt("2020-06-05")).toBeNull();
  });
});

describe("the Hindi press note", () => {
  it("with nobody but the unit: no empty sentences", () => {
    expect(pressNote(hi)).toBe(
      "भाजपा मखदुमपुर दक्षिणी मंडल आईटी सेल की वीडियो कॉन्फ्रेंसिंग बैठक\n\n" +
        "भाजपा मखदुमपुर दक्षिणी मंडल आईटी सेल की बैठक 30 नवंबर 2026 को वीडियो कॉन्फ्रेंसिंग के माध्यम से हुई।",
    );
  });

  it("one chief guest, one present", () => {
    const m = { ...hi, chair: { name: "संजय कुमार", post: "मंडल आईटी सेल संयोजक" }, guests: [suresh], attendees: [{ name: "अभय भारती", post: "" }] };
    expect(body(m)).toBe(
      "भाजपा मखदुमपुर दक्षिणी मंडल आईटी सेल की बैठक 30 नवंबर 2026 को वीडियो कॉन्फ्रेंसिंग के माध्यम से हुई। " +
        "बैठक की अध्यक्षता मंडल आईटी सेल संयोजक संजय कुमार ने की। " +
        "मुख्य अतिथि के रूप में जिलाध्यक्ष श्री सुरेश कुमार शर्मा शामिल हुए। " +
        "बैठक में अभय भारती उपस्थित रहे।",
    );
  });

  it("two chief guests, two present", () => {
    const m = { ...hi, guests: [suresh, ajit], attendees: [{ name: "रितेश रंजन", post: "जिला आईटी सेल सह-संयोजक" }, { name: "अजीत कुमार", post: "" }] };
    expect(body(m)).toBe(
      "भाजपा मखदुमपुर दक्षिणी मंडल आईटी सेल की बैठक 30 नवंबर 2026 को वीडियो कॉन्फ्रेंसिंग के माध्यम से हुई। " +
        "मुख्य अतिथि के रूप में जिलाध्यक्ष श्री सुरेश कुमार शर्मा और श्री अजीत चौधरी शामिल हुए। " +
        "बैठक में जिला आईटी सेल सह-संयोजक रितेश रंजन और अजीत कुमार उपस्थित रहे।",
    );
  });

  it("many chief guests and present, with agenda and decisions", () => {
    const m = {
      ...hi,
      guests: [suresh, ajit, vikas],
      attendees: [{ name: "क", post: "" }, { name: "ख", post: "" }, { name: "ग", post: "बूथ अध्यक्ष" }, { name: "घ", post: "" }],
      agenda: ["चुनाव की तैयारी", " व्हाट्सएप ग्रुप।", ""],
      decisions: ["हर बूथ का व्हाट्सएप ग्रुप बनेगा।"],
    };
    expect(body(m)).toBe(
      "भाजपा मखदुमपुर दक्षिणी मंडल आईटी सेल की बैठक 30 नवंबर 2026 को वीडियो कॉन्फ्रेंसिंग के माध्यम से हुई। " +
        "मुख्य अतिथि के रूप में जिलाध्यक्ष श्री सुरेश कुमार शर्मा, श्री अजीत चौधरी और जिला आईटी सेल संयोजक श्री विकास कुमार रौशन शामिल हुए। " +
        "बैठक में चुनाव की तैयारी और व्हाट्सएप ग्रुप पर चर्चा हुई। " +
        "तय हुआ कि हर बूथ का व्हाट्सएप ग्रुप बनेगा। " +
        "बैठक में क, ख, बूथ अध्यक्ष ग और घ उपस्थित रहे।",
    );
  });

  it("women named as women are in Bihar take the feminine verb; a mixed group the masculine", () => {
    const women = { ...hi, guests: [{ name: "सुनीता देवी", post: "जिला उपाध्यक्ष" }], attendees: [{ name: "रानी कुमारी", post: "" }, { name: "श्रीमती मीना सिंह", post: "" }] };
    expect(body(women)).toContain("मुख्य अतिथि के रूप में जिला उपाध्यक्ष सुनीता देवी शामिल हुईं।");
    expect(body(women)).toContain("बैठक में रानी कुमारी और श्रीमती मीना सिंह उपस्थित रहीं।");
    const mixed = { ...hi, attendees: [{ name: "रानी कुमारी", post: "" }, { name: "संजय कुमार", post: "" }] };
    expect(body(mixed)).toContain("बैठक में रानी कुमारी और संजय कुमार उपस्थित रहे।");
  });

  it("says how the meeting met: at a place, by phone, or just when", () => {
    expect(body({ ...hi, mode: "place", location: "जिला कार्यालय, जहानाबाद" })).toBe(
      "भाजपा मखदुमपुर दक्षिणी मंडल आईटी सेल की बैठक 30 नवंबर 2026 को जिला कार्यालय, जहानाबाद में हुई।",
    );
    expect(body({ ...hi, mode: "phone", location: "+919000000003" })).toBe("भाजपा मखदुमपुर दक्षिणी मंडल आईटी सेल की बैठक 30 नवंबर 2026 को फोन पर हुई।");
    expect(body({ ...hi, mode: "place", location: " " })).toBe("भाजपा मखदुमपुर दक्षिणी मंडल आईटी सेल की बैठक 30 नवंबर 2026 को हुई।");
    expect(pressNote({ ...hi, mode: "place" }).split("\n")[0]).toBe("भाजपा मखदुमपुर दक्षिणी मंडल आईटी सेल की बैठक");
  });

  it("leaves out what the record lacks, never a blank or 'undefined'", () => {
    const m = { ...hi, startsAt: "", chair: { name: " ", post: "संयोजक" }, guests: [{ name: "", post: "जिलाध्यक्ष" }], attendees: [{ name: "  ", post: "" }], agenda: [" "], decisions: ["।"] };
    expect(body(m)).toBe("भाजपा मखदुमपुर दक्षिणी मंडल आईटी सेल की बैठक वीडियो कॉन्फ्रेंसिंग के माध्यम से हुई।");
    expect(pressNote(m)).not.toMatch(/undefined|null| {2}| ।/);
  });

  it("keeps a title someone wrote as the headline", () => {
    expect(pressNote({ ...hi, title: "चुनाव तैयारी बैठक" }).split("\n")[0]).toBe("चुनाव तैयारी बैठक");
  });
});

describe("the English press note", () => {
  const opening = "A meeting of the BJP Makhdumpur South (Dakshini) Mandal IT Cell was held by video conference on 30 November 2026.";

  it("with nobody but the unit", () => {
    expect(pressNote(en)).toBe(`BJP Makhdumpur South (Dakshini) Mandal IT Cell video meeting\n\n${opening}`);
  });

  it("one chief guest, one present", () => {
    const m = { ...en, chair: { name: "Sanjay Kumar", post: "Mandal IT Cell Convenor" }, guests: [sureshEn], attendees: [{ name: "Abhay Bharti", post: "" }] };
    expect(body(m)).toBe(
      `${opening} It was chaired by Sanjay Kumar (Mandal IT Cell Convenor). Suresh Kumar Sharma (District President) attended as chief guest. Present was Abhay Bharti.`,
    );
  });

  it("two chief guests, two present", () => {
    const m = { ...en, guests: [sureshEn, ajitEn], attendees: [{ name: "Ritesh Ranjan", post: "" }, { name: "Ajit Kumar", post: "" }] };
    expect(body(m)).toBe(
      `${opening} Suresh Kumar Sharma (District President) and Ajit Chaudhary attended as chief guests. Present were Ritesh Ranjan and Ajit Kumar.`,
    );
  });

  it("many chief guests and present, with agenda and decisions, at a place", () => {
    const m = {
      ...en,
      mode: "place" as const,
      location: "the district office",
      guests: [sureshEn, ajitEn, vikasEn],
      attendees: [{ name: "A", post: "" }, { name: "B", post: "Booth President" }, { name: "C", post: "" }],
      agenda: ["election preparation", "WhatsApp groups."],
      decisions: ["every booth forms a WhatsApp group"],
    };
    expect(body(m)).toBe(
      "A meeting of the BJP Makhdumpur South (Dakshini) Mandal IT Cell was held at the district office on 30 November 2026. " +
        "Suresh Kumar Sharma (District President), Ajit Chaudhary and Vikas Kumar Raushan (District IT Cell Convenor) attended as chief guests. " +
        "The meeting discussed election preparation and WhatsApp groups. " +
        "It was decided that every booth forms a WhatsApp group. " +
        "Present were A, B (Booth President) and C.",
    );
  });

  it("by phone", () => {
    expect(body({ ...en, mode: "phone" })).toBe("A meeting of the BJP Makhdumpur South (Dakshini) Mandal IT Cell was held by phone on 30 November 2026.");
  });
});

describe("the source report's meeting", () => {
  // Sentences of the district's report (shared/reference/jehanabad-it-cell-meeting-report.hi.txt), verbatim.
  const REPORT_HEADLINE = "भाजपा मखदुमपुर दक्षिणी मंडल आईटी सेल एवं सोशल मीडिया विभाग की वीडियो कॉन्फ्रेंसिंग बैठक";
  const REPORT_CHAIR = "अध्यक्षता आईटी सेल के मंडल संयोजक संजय कुमार ने की";
  const REPORT_GUESTS = "मुख्य अतिथि के रुप में जिलाध्यक्ष श्री सुरेश कुमार शर्मा एवं प्रदेश अनुसूचित मोर्चा के प्रदेश अध्यक्ष सह मखदुमपुर विधानसभा प्रभारी अजीत चौधरी एवं आईटी सेल के जिला संयोजक विकास कुमार रौशन सामिल हुए।";

  const REPORT_INVITED = "सभी आईटी सेल शक्ति केंद्र संयोजक एवं";
  const REPORT_SPEECH = "जिलाध्यक्ष श्री सुरेश कुमार शर्मा ने कार्यकर्ताओं को संबोधित करते हुए कहा कि इस बार चुनाव में आईटी सेल एवं सोशल मीडिया का महत्व पहले से कई गुना बढ़ गया है";

  const report: MeetingRecord = {
    lang: "hi",
    unitName: "मखदुमपुर दक्षिणी मंडल",
    bodies: ["आईटी सेल", "सोशल मीडिया विभाग"],
    title: "मखदुमपुर दक्षिणी मंडल आईटी सेल एवं सोशल मीडिया विभाग की बैठक",
    startsAt: "2020-06-05T11:00",
    durationMinutes: 90,
    mode: "video",
    location: "",
    agenda: ["आगामी विधानसभा चुनाव को लेकर सभी शक्ति केंद्रों पर वर्चुअल बैठक के आयोजन के लिए आईटी सेल की तैयारी", "कार्यकर्ताओं को सोशल मीडिया से जोड़ना"],
    dateline: "जहानाबाद",
    invited: ["आईटी सेल शक्ति केंद्र संयोजक", "मंडल में निवास करने वाले ऊपर की इकाइयों के पदाधिकारी"],
    minutes: [REPORT_SPEECH],
    chair: { name: "संजय कुमार", post: "आईटी सेल के मंडल संयोजक" },
    guests: [
      { name: "सुरेश कुमार शर्मा", post: "जिलाध्यक्ष" },
      { name: "अजीत चौधरी", post: "प्रदेश अनुसूचित मोर्चा के प्रदेश अध्यक्ष सह मखदुमपुर विधानसभा प्रभारी" },
      { name: "विकास कुमार रौशन", post: "आईटी सेल के जिला संयोजक" },
    ],
    attendees: [
      { name: "रानी कुमारी", post: "अनुसूचित जाति मोर्चा की प्रदेश मंत्री" },
      { name: "धर्मेंद्र चौहान", post: "जिला महामंत्री" },
      { name: "रितेश रंजन", post: "जिला आईटी सेल सह-संयोजक" },
      { name: "अभय भारती", post: "मखदुमपुर विधानसभा आईटी सेल संयोजक" },
      { name: "अजीत कुमार", post: "" },
      { name: "संजय कुमार द्विवेदी", post: "युवा मोर्चा मंडल अध्यक्ष" },
    ],
    decisions: [],
  };

  it("reads like the report: its headline, its chair sentence, its chief guests with their posts", () => {
    const [headline, , paragraph] = pressNote(report).split("\n");
    expect(headline).toBe(REPORT_HEADLINE);
    expect(paragraph).toContain(REPORT_CHAIR);
    expect(paragraph).toContain("भाजपा मखदुमपुर दक्षिणी मंडल आईटी सेल एवं सोशल मीडिया विभाग की बैठक 5 जून 2020 को वीडियो कॉन्फ्रेंसिंग के माध्यम से हुई।");
    // The report's guest sentence, its slips (रुप, सामिल) corrected, एवं read as और; श्री before every chief guest's name.
    const ours = REPORT_GUESTS.replace("रुप", "रूप")
      .replace("सामिल", "शामिल")
      .replace(/ एवं (?=प्रदेश)/, ", ")
      .replace(/ एवं (?=आईटी)/, " और ")
      .replace(/प्रभारी (?=अजीत)/, "प्रभारी श्री ")
      .replace(/संयोजक (?=विकास)/, "संयोजक श्री ");
    expect(paragraph).toContain(ours);
    expect(paragraph).toContain("बैठक में आगामी विधानसभा चुनाव को लेकर सभी शक्ति केंद्रों पर वर्चुअल बैठक के आयोजन के लिए आईटी सेल की तैयारी और कार्यकर्ताओं को सोशल मीडिया से जोड़ने पर चर्चा हुई।");
    // The report's dateline, its invited line and the district president's speech (the minutes).
    expect(paragraph.startsWith("जहानाबाद। भाजपा मखदुमपुर दक्षिणी मंडल")).toBe(true);
    expect(paragraph).toContain(`बैठक में ${REPORT_INVITED} मंडल में निवास करने वाले ऊपर की इकाइयों के पदाधिकारी आमंत्रित थे।`);
    expect(paragraph).toContain(`${REPORT_SPEECH}।`);
    expect(paragraph.indexOf(REPORT_SPEECH)).toBeGreaterThan(paragraph.indexOf("पर चर्चा हुई"));
    expect(paragraph.endsWith(
      "बैठक में अनुसूचित जाति मोर्चा की प्रदेश मंत्री रानी कुमारी, जिला महामंत्री धर्मेंद्र चौहान, जिला आईटी सेल सह-संयोजक रितेश रंजन, मखदुमपुर विधानसभा आईटी सेल संयोजक अभय भारती, अजीत कुमार और युवा मोर्चा मंडल अध्यक्ष संजय कुमार द्विवेदी उपस्थित रहे।",
    )).toBe(true);
  });
});

describe("Hindi grammar of the note", () => {
  it("an infinitive agenda point takes the oblique -ने before पर चर्चा हुई; nouns in -ना stay", () => {
    expect(oblique("कार्यकर्ताओं को सोशल मीडिया से जोड़ना")).toBe("कार्यकर्ताओं को सोशल मीडिया से जोड़ने");
    expect(oblique("शक्ति केंद्र का व्हाट्सएप ग्रुप बनाना")).toBe("शक्ति केंद्र का व्हाट्सएप ग्रुप बनाने");
    expect(oblique("प्रधानमंत्री गरीब कल्याण योजना")).toBe("प्रधानमंत्री गरीब कल्याण योजना");
    expect(oblique("बूथ समिति की सूचना")).toBe("बूथ समिति की सूचना");
    expect(oblique("आईटी सेल की तैयारी")).toBe("आईटी सेल की तैयारी");
    const note = pressNote({ ...hi, agenda: ["व्हाट्सएप ग्रुप बनाना", "कार्यकर्ताओं को जोड़ना"] });
    expect(note).toContain("बैठक में व्हाट्सएप ग्रुप बनाने और कार्यकर्ताओं को जोड़ने पर चर्चा हुई।");
  });

  it("श्री before a chief guest's name, not a woman's nor one already titled; the chair as named", () => {
    expect(honoured("सुरेश कुमार शर्मा")).toBe("श्री सुरेश कुमार शर्मा");
    expect(honoured("रानी कुमारी")).toBe("रानी कुमारी");
    expect(honoured("श्रीमती सुनीता सिंह")).toBe("श्रीमती सुनीता सिंह");
    expect(honoured("डॉ. अजय सिंह")).toBe("डॉ. अजय सिंह");
    expect(body({ ...hi, chair: suresh })).toContain("बैठक की अध्यक्षता जिलाध्यक्ष सुरेश कुमार शर्मा ने की।");
    expect(body({ ...hi, guests: [suresh] })).toContain("मुख्य अतिथि के रूप में जिलाध्यक्ष श्री सुरेश कुमार शर्मा शामिल हुए।");
  });
});
