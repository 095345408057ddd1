import { describe, expect, it } from "vitest";
import { escapeText, foldLine, vcard } from "./vcard";

// A minimal reader per RFC 6350: unfold, split property and value, unescape.
function parse(text: string): Array<Record<string, string[]>> {
  const unfolded = text.replace(/\r\n[ \t]/g, "");
  const cards: Array<Record<string, string[]>> = [];
  let current: Record<string, string[]> | null = null;
  for (const line of unfolded.split("\r\n")) {
    if (line === "BEGIN:VCARD") current = {};
    else if (line === "END:VCARD" && current) {
      cards.push(current);
      current = null;
    }
    else if (current && line) {
      const i = line.indexOf(":");
      const key = line.slice(0, i).split(";")[0];
      const value = line.slice(i + 1).replace(/\\n/g, "\n").replace(/\\([\\;,])/g, "$1");
      (current[key] ??= []).push(value);
    }
  }
  return cards;
}

describe("vCard", () => {
  it("round-trips Devanagari names, commas, semicolons and newlines", () => {
    const fullName = "विकास कुमार रौशन — जिला संयोजक, आईटी सेल; जहानाबाद";
    const text = vcard({ fullName, familyName: "रौशन", givenName: "विकास कुमार", mobile: "+919000000002", note: "line one\nline two" });
    const [card] = parse(text);
    expect(card.FN[0]).toBe(fullName);
    expect(card.TEL[0]).toBe("+919000000002");
    expect(card.NOTE[0]).toBe("line one\nline two");
  });

  it("folds at 75 bytes without splitting a character", () => {
    const line = `FN:${"क".repeat(60)}`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n")) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    expect(folded).not.toContain("\uFFFD");
  });

  it("escapes the characters vCard reserves", () => {
    expect(escapeText("a\\b;c,d\ne")).toBe("a\\\\b\\;c\\,d\\ne");
  });

  it("ends every line with CRLF", () => {
    const text = vcard({ fullName: "A", familyName: "A", givenName: "", mobile: null });
    expect(text.split("\r\n").every((l) => !l.includes("\n"))).toBe(true);
    expect(text.endsWith("END:VCARD\r\n")).toBe(true);
  });
});
