import vCard from "vcf";
import { describe, expect, it } from "vitest";
import { escapeText, foldLine, vcard } from "./vcard";

// The cards are read back with the `vcf` package (unfolding, properties, parameters), not with a
// reader of our own. Text values stay escaped as vCard 3.0 writes them (vcf does not unescape).
function parse(text: string): vCard[] {
  return vCard.parse(text);
}

function single(card: vCard, key: string): vCard.Property {
  const prop = card.get(key);
  expect(Array.isArray(prop), `${key} is one property`).toBe(false);
  return prop as vCard.Property;
}

describe("vCard", () => {
  it("writes Devanagari names, a mobile and a WhatsApp number, escaping commas, semicolons and newlines", () => {
    const text = vcard({
      fullName: "विकास कुमार रौशन — जिला संयोजक, आईटी सेल; जहानाबाद",
      familyName: "रौशन",
      givenName: "विकास कुमार",
      mobile: "+919000000002",
      whatsapp: "+919000000102",
      org: "आईटी सेल",
      note: "line one\nline two",
    });
    const cards = parse(text);
    expect(cards).toHaveLength(1);
    const [card] = cards;
    expect(single(card, "fn").valueOf()).toBe("विकास कुमार रौशन — जिला संयोजक\\, आईटी सेल\\; जहानाबाद");
    expect(single(card, "n").valueOf()).toBe("रौशन;विकास कुमार;;;");
    expect(single(card, "org").valueOf()).toBe("आईटी सेल");
    expect(single(card, "note").valueOf()).toBe("line one\\nline two");
    const tels = card.get("tel") as vCard.Property[];
    expect(tels.map((t) => [t.valueOf(), t.toJSON()[1]])).toEqual([
      ["+919000000002", { type: "cell" }],
      ["+919000000102", { type: ["cell", "x-whatsapp"] }],
    ]);
  });

  it("writes no telephone when there is no mobile, and one when the WhatsApp number is the mobile", () => {
    const [none, same] = parse(
      vcard({ fullName: "अजीत कुमार", familyName: "कुमार", givenName: "अजीत", mobile: null }) +
        vcard({ fullName: "संजय कुमार", familyName: "कुमार", givenName: "संजय", mobile: "+919000000003", whatsapp: "+919000000003" }),
    );
    expect(single(none, "fn").valueOf()).toBe("अजीत कुमार");
    expect(none.get("tel")).toBeUndefined();
    expect(single(same, "tel").valueOf()).toBe("+919000000003");
  });

  it("folds a long Devanagari line at 75 bytes without splitting a character, and vcf unfolds it whole", () => {
    const text = vcard({ fullName: "क".repeat(60), familyName: "क", givenName: "", mobile: null });
    const physical = text.split("\r\n");
    expect(physical.filter((l) => l.startsWith("FN:") || l.startsWith(" "))).toHaveLength(3);
    for (const part of physical) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
    expect(text).not.toContain("\uFFFD");
    expect(single(parse(text)[0], "fn").valueOf()).toBe("क".repeat(60));
  });

  it("leaves a line of 75 bytes unfolded", () => {
    expect(foldLine("FN:" + "a".repeat(72))).toBe("FN:" + "a".repeat(72));
    expect(foldLine("FN:" + "a".repeat(73))).toBe("FN:" + "a".repeat(72) + "\r\n a");
  });

  it("escapes the characters vCard reserves", () => {
    expect(escapeText("a\\b;c,d\ne")).toBe("a\\\\b\\;c\\,d\\ne");
  });

  it("ends every line with CRLF", () => {
    expect(vcard({ fullName: "A", familyName: "A", givenName: "", mobile: null })).toBe(
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nN:A;;;;\r\nEND:VCARD\r\n",
    );
  });
});
