import { describe, expect, it } from "vitest";
import { clockText, durationText, invitationText, waLink } from "./invitation";
import type { MeetingRecord } from "./types";

const meeting: MeetingRecord = {
  lang: "hi",
  unitName: "मखदुमपुर दक्षिणी मंडल",
  bodies: ["आईटी सेल", "सोशल मीडिया विभाग"],
  title: "मखदुमपुर दक्षिणी मंडल आईटी सेल एवं सोशल मीडिया विभाग की बैठक",
  startsAt: "2026-12-04T18:00",
  durationMinutes: 90,
  mode: "video",
  location: "https://meet.example/abc-defg",
  agenda: ["हर शक्ति केंद्र पर वर्चुअल बैठक", " ", "व्हाट्सएप ग्रुप"],
  chair: null,
  guests: [],
  attendees: [],
  decisions: [],
};

describe("the WhatsApp invitation", () => {
  it("names the chair and the chief guests as the report does, and who sends it", () => {
    const m = {
      ...meeting,
      chair: { name: "संजय कुमार", post: "मंडल आईटी सेल संयोजक" },
      guests: [{ name: "सुरेश कुमार शर्मा", post: "जिलाध्यक्ष" }, { name: "अजीत चौधरी", post: "" }],
    };
    const text = invitationText(m);
    expect(text).toContain("लिंक: https://meet.example/abc-defg\n\nअध्यक्षता: मंडल आईटी सेल संयोजक संजय कुमार\nमुख्य अतिथि: जिलाध्यक्ष श्री सुरेश कुमार शर्मा और श्री अजीत चौधरी\n\n*बैठक के मुख्य बिंदु:*");
    expect(text.endsWith("\n\n— भाजपा मखदुमपुर दक्षिणी मंडल आईटी सेल एवं सोशल मीडिया विभाग")).toBe(true);
    const en = invitationText({ ...m, lang: "en", unitName: "Makhdumpur South Mandal", bodies: ["IT Cell"], chair: { name: "Sanjay Kumar", post: "mandal IT Cell convenor" }, guests: [{ name: "Suresh Kumar Sharma", post: "district president" }] });
    expect(en).toContain("Chair: Sanjay Kumar (mandal IT Cell convenor)\nChief guest: Suresh Kumar Sharma (district president)");
    expect(en.endsWith("— BJP Makhdumpur South Mandal IT Cell")).toBe(true);
  });

  it("by video: title, weekday and date, India time, length, link, numbered agenda, closing", () => {
    expect(invitationText(meeting)).toBe(
      [
        "*मखदुमपुर दक्षिणी मंडल आईटी सेल एवं सोशल मीडिया विभाग की बैठक*",
        "",
        "तारीख: शुक्रवार, 4 दिसंबर 2026",
        "समय: शाम 6 बजे",
        "अवधि: 1 घंटा 30 मिनट",
        "लिंक: https://meet.example/abc-defg",
        "",
        "*बैठक के मुख्य बिंदु:*",
        "1. हर शक्ति केंद्र पर वर्चुअल बैठक",
        "2. व्हाट्सएप ग्रुप",
        "",
        "आप सादर आमंत्रित हैं। कृपया समय पर जुड़ें।",
        "",
        "— भाजपा मखदुमपुर दक्षिणी मंडल आईटी सेल एवं सोशल मीडिया विभाग",
      ].join("\n"),
    );
  });

  it("at a place, without an agenda", () => {
    const m = { ...meeting, mode: "place" as const, location: "जिला कार्यालय, जहानाबाद", startsAt: "2026-12-05T10:30", durationMinutes: 120, agenda: [] };
    expect(invitationText(m)).toBe(
      [
        "*मखदुमपुर दक्षिणी मंडल आईटी सेल एवं सोशल मीडिया विभाग की बैठक*",
        "",
        "तारीख: शनिवार, 5 दिसंबर 2026",
        "समय: सुबह 10:30",
        "अवधि: 2 घंटे",
        "स्थान: जिला कार्यालय, जहानाबाद",
        "",
        "आप सादर आमंत्रित हैं। कृपया समय पर पहुँचें।",
        "",
        "— भाजपा मखदुमपुर दक्षिणी मंडल आईटी सेल एवं सोशल मीडिया विभाग",
      ].join("\n"),
    );
  });

  it("by phone", () => {
    const m = { ...meeting, mode: "phone" as const, location: "90000 00003 पर कॉल करें", durationMinutes: 30, agenda: [] };
    expect(invitationText(m)).toContain("समय: शाम 6 बजे\nअवधि: 30 मिनट\nफोन: 90000 00003 पर कॉल करें\n\nआप सादर आमंत्रित हैं। कृपया समय पर जुड़ें।");
  });

  it("in English", () => {
    const m = { ...meeting, lang: "en" as const, unitName: "Makhdumpur South Mandal", bodies: ["IT Cell"], title: "Makhdumpur South IT Cell meeting", startsAt: "2026-12-04T12:15", durationMinutes: 60, agenda: ["Election preparation"] };
    expect(invitationText(m)).toBe(
      [
        "*Makhdumpur South IT Cell meeting*",
        "",
        "Date: Friday, 4 December 2026",
        "Time: 12:15 pm",
        "Duration: 1 hour",
        "Link: https://meet.example/abc-defg",
        "",
        "*Agenda:*",
        "1. Election preparation",
        "",
        "You are cordially invited. Please join on time.",
        "",
        "— BJP Makhdumpur South Mandal IT Cell",
      ].join("\n"),
    );
  });

  it("leaves out an unreadable time and an empty place rather than printing blanks", () => {
    const text = invitationText({ ...meeting, startsAt: "kal", location: "", durationMinutes: 0, agenda: [] });
    expect(text).toBe("*मखदुमपुर दक्षिणी मंडल आईटी सेल एवं सोशल मीडिया विभाग की बैठक*\n\nआप सादर आमंत्रित हैं। कृपया समय पर जुड़ें।\n\n— भाजपा मखदुमपुर दक्षिणी मंडल आईटी सेल एवं सोशल मीडिया विभाग");
  });
});

describe("clock and length as people say them", () => {
  it("12-hour India time with the part of the day", () => {
    expect(clockText("hi", 0, 15)).toBe("रात 12:15");
    expect(clockText("hi", 5, 0)).toBe("सुबह 5 बजे");
    expect(clockText("hi", 12, 0)).toBe("दोपहर 12 बजे");
    expect(clockText("hi", 16, 5)).toBe("शाम 4:05");
    expect(clockText("hi", 21, 0)).toBe("रात 9 बजे");
    expect(clockText("en", 0, 15)).toBe("12:15 am");
    expect(clockText("en", 12, 0)).toBe("12 pm");
    expect(clockText("en", 18, 30)).toBe("6:30 pm");
  });

  it("hours and minutes, singular and plural", () => {
    expect(durationText("hi", 60)).toBe("1 घंटा");
    expect(durationText("hi", 150)).toBe("2 घंटे 30 मिनट");
    expect(durationText("en", 61)).toBe("1 hour 1 minute");
    expect(durationText("en", 45)).toBe("45 minutes");
    expect(durationText("en", 0)).toBe("");
  });
});

describe("wa.me links", () => {
  const text = "*बैठक* 4 दिसंबर\nलिंक: https://meet.example/a?b=1&c=2 #1";

  it("to one Indian mobile typed any common way, the text intact", () => {
    for (const typed of ["+91 90000 00003", "09000000003", "९००००००००३", "919000000003"]) {
      const url = new URL(waLink(text, typed));
      expect(url.origin + url.pathname).toBe("https://wa.me/919000000003");
      expect(url.searchParams.get("text")).toBe(text);
    }
  });

  it("without a number (or with one that is not a mobile) WhatsApp lets the sender pick the chat", () => {
    for (const mobile of [undefined, "", "12345"]) {
      const url = new URL(waLink(text, mobile));
      expect(url.origin + url.pathname).toBe("https://wa.me/");
      expect(url.searchParams.get("text")).toBe(text);
    }
    expect(waLink("a b&c")).toBe("https://wa.me/?text=a%20b%26c");
  });
});
