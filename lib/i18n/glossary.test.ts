import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GLOSSARY, variantsIn } from "./glossary";

const DIR = path.resolve(__dirname, "../../messages/hi");

function values(value: unknown, at: string, out: Array<[string, string]> = []): Array<[string, string]> {
  if (typeof value === "string") out.push([at, value]);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) values(v, at ? `${at}.${k}` : k, out);
  return out;
}

const hindi = fs.readdirSync(DIR).flatMap((f) => values(JSON.parse(fs.readFileSync(path.join(DIR, f), "utf8")), "").map(([k, v]) => ({ file: f, key: k, value: v })));

describe("Hindi glossary", () => {
  it("knows each forbidden variant when it sees one", () => {
    expect(variantsIn("आरंभ तिथि").map((v) => v.term.concept)).toEqual(["date"]);
    expect(variantsIn("आरंभ तारीख")).toEqual([]);
    expect(variantsIn("मुख्य अतिथि")).toEqual([]);
    expect(variantsIn("तिथियाँ").map((v) => v.term.concept)).toEqual(["date"]);
  });

  it("no Hindi message uses a variant outside the glossary", () => {
    const found = hindi.flatMap((m) => variantsIn(m.value).map((v) => `${m.file} ${m.key}: "${v.variant}" (${v.term.concept}: ${v.term.hi})`));
    expect(found).toEqual([]);
  });

  it("no adjective guesses the gender of a placeholder (नई {level}): use a select on the level", () => {
    const found = hindi.filter((m) => /(नई|नया|नए) \{[a-zA-Z]+\}/.test(m.value)).map((m) => `${m.file} ${m.key}: ${m.value}`);
    expect(found).toEqual([]);
  });

  it("each concept has one Hindi and one English word, none of them forbidden elsewhere", () => {
    const forbidden = GLOSSARY.flatMap((t) => t.not);
    for (const t of GLOSSARY) expect(forbidden.filter((v) => t.hi.split(/[ ,()]+/).includes(v)), t.concept).toEqual([]);
  });
});
