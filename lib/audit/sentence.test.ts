import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";
import { AUDIT_ACTIONS } from "./actions";
import { auditSentence, readableValue, type SentenceEntry } from "./sentence";

async function translator(locale: "hi" | "en") {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages }) as unknown as { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };
  return t;
}

const base = (action: string, outcome: SentenceEntry["outcome"] = "ok"): SentenceEntry => ({
  action,
  outcome,
  actor: { nameHi: "सुरेश कुमार शर्मा", nameEn: "Suresh Kumar Sharma" },
  target: "रमेश पासवान",
  unit: "मखदुमपुर दक्षिणी मंडल",
  before: { nameHi: "पुराना नाम", nameEn: "Old name" },
  after: { rows: 41, format: "xlsx", filters: { bodyId: 2, vacantOnly: false }, via: "import", reason: "password", stored: true, limit: 5, file: "सूची नवंबर", written: 3 },
  names: { post: "आईटी सेल संयोजक", body: "आईटी सेल", unit: null },
});

describe("audit sentences", () => {
  it("tells a download the way the issue asks", async () => {
    const t = await translator("hi");
    expect(auditSentence(base("export"), "hi", t, "आपके दायरे से बाहर कोई")).toBe(
      "सुरेश कुमार शर्मा ने मखदुमपुर दक्षिणी मंडल की आईटी सेल की संपर्क सूची (41 नाम, Excel) डाउनलोड की।",
    );
    const en = await translator("en");
    expect(auditSentence(base("tenure.assign", "ok"), "en", en, "someone")).toBe(
      "Suresh Kumar Sharma made रमेश पासवान आईटी सेल संयोजक of मखदुमपुर दक्षिणी मंडल (from an uploaded sheet).",
    );
  });

  it("counts a download's names, not its rows: an all-seats sheet's vacant seats are no names; a vacant list counts its posts", async () => {
    const hi = await translator("hi");
    const en = await translator("en");
    const download = (after: Record<string, unknown>): SentenceEntry => ({ ...base("export"), after: { format: "csv", ...after }, names: { post: null, body: null, unit: null } });
    const allSeats = download({ rows: 21, named: 16, filters: { allSeats: true, vacantOnly: false } });
    expect(auditSentence(allSeats, "hi", hi, "x")).toBe("सुरेश कुमार शर्मा ने मखदुमपुर दक्षिणी मंडल की संपर्क सूची (16 नाम, CSV) डाउनलोड की।");
    expect(auditSentence(allSeats, "en", en, "x")).toBe("Suresh Kumar Sharma downloaded the contact list of मखदुमपुर दक्षिणी मंडल (16 names, CSV).");
    const vacant = download({ rows: 5, named: 0, filters: { vacantOnly: true } });
    expect(auditSentence(vacant, "hi", hi, "x")).toBe("सुरेश कुमार शर्मा ने मखदुमपुर दक्षिणी मंडल की रिक्त पदों की सूची (5 पद, CSV) डाउनलोड की।");
    // Entries written before names were counted: their rows stand in (right for all but all-seats sheets).
    expect(auditSentence(download({ rows: 41, filters: {} }), "hi", hi, "x")).toContain("(41 नाम, CSV)");
  });

  it("names a refused attempt as refused, and an outside actor as outside", async () => {
    const t = await translator("hi");
    const s = auditSentence({ ...base("tenure.vacate", "denied"), actor: "outside" }, "hi", t, t("audit.outsideInSentence"));
    expect(s).toBe("आपके दायरे से बाहर किसी ने यह करना चाहा — पद से हटाना — पर इसकी अनुमति नहीं थी; कुछ नहीं बदला।");
  });

  it("says a WhatsApp link was added when there was none, removed when it is gone, changed otherwise", async () => {
    const hi = await translator("hi");
    const en = await translator("en");
    const wa = (before: unknown, after: unknown): SentenceEntry => ({ ...base("unit.whatsapp"), target: "घोसी मंडल", before: { whatsappUrl: before }, after: { whatsappUrl: after } });
    const link = "https://chat.whatsapp.com/AbCdEf";
    expect(auditSentence(wa(null, link), "hi", hi, "x")).toBe("सुरेश कुमार शर्मा ने घोसी मंडल के व्हाट्सएप समूह का लिंक जोड़ा।");
    expect(auditSentence(wa("", link), "hi", hi, "x")).toBe("सुरेश कुमार शर्मा ने घोसी मंडल के व्हाट्सएप समूह का लिंक जोड़ा।");
    expect(auditSentence(wa(link, null), "hi", hi, "x")).toBe("सुरेश कुमार शर्मा ने घोसी मंडल के व्हाट्सएप समूह का लिंक हटाया।");
    expect(auditSentence(wa(link, `${link}2`), "hi", hi, "x")).toBe("सुरेश कुमार शर्मा ने घोसी मंडल के व्हाट्सएप समूह का लिंक बदला।");
    expect(auditSentence(wa(null, link), "en", en, "x")).toBe("Suresh Kumar Sharma added the WhatsApp group link of घोसी मंडल.");
    expect(auditSentence(wa(link, null), "en", en, "x")).toBe("Suresh Kumar Sharma removed the WhatsApp group link of घोसी मंडल.");
    expect(auditSentence(wa(link, `${link}2`), "en", en, "x")).toBe("Suresh Kumar Sharma changed the WhatsApp group link of घोसी मंडल.");
    // Redacted (a unit outside the reader's grants): both sides are the same marker; nothing is told.
    expect(auditSentence(wa("[outside]", "[outside]"), "hi", hi, "x")).toContain("का लिंक बदला");
  });

  it("names a drive's kind in words, not by its stored value", async () => {
    const hi = await translator("hi");
    const en = await translator("en");
    const date = (iso: string) => iso;
    expect(readableValue("meeting", "kind", "hi", hi, date)).toBe("बैठक हुई हो");
    expect(readableValue("post", "kind", "hi", hi, date)).toBe("एक पद भरा हो");
    expect(readableValue("whatsapp", "kind", "hi", hi, date)).toBe("व्हाट्सएप समूह का लिंक हो");
    expect(readableValue("meeting", "kind", "en", en, date)).not.toBe("meeting");
    expect(readableValue("meeting", "title", "hi", hi, date)).toBe("meeting");
  });

  for (const locale of ["hi", "en"] as const) {
    it(`renders every action and outcome in ${locale} without codes or placeholders`, async () => {
      const t = await translator(locale);
      for (const action of Object.keys(AUDIT_ACTIONS)) {
        for (const outcome of ["ok", "denied", "failed"] as const) {
          const s = auditSentence(base(action, outcome), locale, t, "x");
          expect(s, `${action} ${outcome}`).not.toMatch(/[{}]|\b[a-z_]+\.[a-z_]+\b|undefined|NaN/);
          expect(s.length, `${action} ${outcome}`).toBeGreaterThan(10);
        }
      }
    });
  }
});

describe("meeting audit sentences", () => {
  it("counts the invited with the right plural, and words a refused create as a create", async () => {
    const t = await translator("hi");
    const one = { ...base("meeting.create"), after: { title: "आईटी सेल की बैठक", invited: 1 } };
    expect(auditSentence(one, "hi", t, "x")).toBe("सुरेश कुमार शर्मा ने मखदुमपुर दक्षिणी मंडल की बैठक “आईटी सेल की बैठक” बनाई (1 व्यक्ति आमंत्रित)।");
    expect(auditSentence({ ...one, after: { title: "आईटी सेल की बैठक", count: 41 } }, "hi", t, "x")).toContain("(41 लोग आमंत्रित)");
    const en = await translator("en");
    expect(auditSentence(one, "en", en, "x")).toContain("(1 person invited)");
    expect(auditSentence({ ...base("meeting.create", "denied"), after: { bodyIds: [2] } }, "hi", t, "x")).toBe(
      "सुरेश कुमार शर्मा ने मखदुमपुर दक्षिणी मंडल में बैठक बनानी चाही, पर इसकी अनुमति नहीं थी; कुछ नहीं बदला।",
    );
  });

  it("labels a meeting's list size as the invited, not as times", async () => {
    const t = await translator("hi");
    expect(t("audit.fields.invited")).toBe("आमंत्रित");
  });
});
