import { describe, expect, it } from "vitest";
import { safeCell } from "./cell-safety";

describe("safeCell", () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ["+91 90000", "'+91 90000"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\r=1", "'\r=1"],
  ])("neutralises %j", (input, expected) => {
    expect(safeCell(input)).toBe(expected);
  });

  it.each(["विकास कुमार रौशन", "Vikas", "90000 00001", "2024-01-10", "a=b"])("leaves %j alone", (input) => {
    expect(safeCell(input)).toBe(input);
  });

  it("writes empty for missing values", () => {
    expect(safeCell(null)).toBe("");
    expect(safeCell(undefined)).toBe("");
  });
});
