import { describe, expect, it } from "vitest";
import { devanagariName, latinName, toLatin } from "./transliterate";

describe("Devanagari to Latin", () => {
  it.each([
    ["विकास कुमार रौशन", "Vikas Kumar Raushan"],
    ["धर्मेंद्र चौहान", "Dharmendra Chauhan"],
    ["रितेश रंजन", "Ritesh Ranjan"],
    ["शक्ति केंद्र", "Shakti Kendra"],
    ["बगहा", "Bagaha"],
  ])("%s → %s", (hindi, latin) => {
    expect(latinName(hindi)).toBe(latin);
  });

  it("passes Latin through, lower-cased", () => {
    expect(toLatin("Sanjay")).toBe("sanjay");
  });

  it("spells nukta letters as Hindi speakers do", () => {
    expect(toLatin("ठाढ़ी")).toBe("tharhi");
  });
});

describe("Latin to a Devanagari suggestion", () => {
  it.each([
    ["Pawan Kumar", "पवन कुमर"],
    ["sanjay", "संजय"],
    ["Kishor Yadav", "किशोर यदव"],
    ["Deepak Chaudhary", "दीपक चौधरी"],
  ])("%s → %s", (latin, hindi) => {
    expect(devanagariName(latin)).toBe(hindi);
  });

  it("ignores what is not a letter", () => {
    expect(devanagariName("  ram123 ")).toBe(" रम ");
  });
});
