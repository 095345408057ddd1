import { describe, expect, it } from "vitest";
import { rosterMessage, shareLink, vacancyMessage } from "./whatsapp";

const bodies = [
  {
    nameHi: "संगठन",
    nameEn: "Organisation",
    seats: [
      { titleHi: "अध्यक्ष", titleEn: "President", vacantSeats: 0, holder: { nameHi: "अशोक मिश्रा", nameEn: "Ashok Mishra", mobile: "+919000010638" } },
      { titleHi: "उपाध्यक्ष", titleEn: "Vice-president", vacantSeats: 2, holder: null },
    ],
  },
];

describe("the WhatsApp list", () => {
  it("names each post and holder, with the number only when the sender may see it", () => {
    const full = rosterMessage("hi", "मखदुमपुर दक्षिणी मंडल", bodies, { withNumbers: true, vacantWord: "रिक्त" });
    expect(full).toBe("*मखदुमपुर दक्षिणी मंडल*\n\n*संगठन*\n• अध्यक्ष: अशोक मिश्रा — 90000 10638\n• उपाध्यक्ष: रिक्त ×2");
    const names = rosterMessage("en", "Makhdumpur South", bodies, { withNumbers: false, vacantWord: "vacant" });
    expect(names).toContain("• President: Ashok Mishra\n");
    expect(names).not.toMatch(/\d{5}/);
  });

  it("a vacancy list and a share link that survives Devanagari, newlines and &", () => {
    const text = vacancyMessage("IT convenor vacant", [{ name: "हाटी & ठाढ़ी", code: "12", vacant: 1 }], null);
    expect(text).toBe("*IT convenor vacant*\n• 12 · हाटी & ठाढ़ी");
    const url = new URL(shareLink(text));
    expect(url.host).toBe("wa.me");
    expect(url.searchParams.get("text")).toBe(text);
  });
});
