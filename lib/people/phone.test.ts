import { describe, expect, it } from "vitest";
import { formatMobile, normaliseMobile } from "./phone";

describe("normaliseMobile", () => {
  it.each([
    ["98765 43210", "+919876543210"],
    ["+91-98765-43210", "+919876543210"],
    ["09876543210", "+919876543210"],
    ["919876543210", "+919876543210"],
    ["(98765) 43210", "+919876543210"],
    ["9000000001", "+919000000001"],
    ["९८७६५ ४३२१०", "+919876543210"],
  ])("accepts %s as %s", (input, expected) => {
    expect(normaliseMobile(input)).toBe(expected);
  });

  it.each([
    ["5876543210", "a landline, not a mobile"],
    ["12345", "too short"],
    ["98765432101234", "too long"],
    ["+1 415 555 0100", "not Indian"],
    ["98765abc10", "letters"],
    ["", "empty"],
  ])("refuses %s (%s)", (input) => {
    expect(normaliseMobile(input)).toBeNull();
  });

  it("ignores zero-width characters pasted with the number", () => {
    expect(normaliseMobile("98765\u200B43210")).toBe("+919876543210");
  });
});

describe("formatMobile", () => {
  it("writes the national number in two groups of five", () => {
    expect(formatMobile("+919000000001")).toBe("90000 00001");
  });
});
