import { describe, expect, it } from "vitest";
import { MIN_PASSWORD_LENGTH } from "./password";
import { passwordProblem } from "./password-policy";

describe("password policy", () => {
  it("refuses the commonest passwords, whatever their case", () => {
    for (const p of ["password123", "1234567890", "qwertyuiop", "sangathan-demo", "Sangathan-Demo", "india12345", "iloveindia", "jaishreeram"]) {
      expect(passwordProblem(p), p).toBe("password_common");
    }
  });

  it("refuses a common word with digits or symbols stuck on, runs and sequences", () => {
    for (const p of ["India@2024!", "rahul@1987", "#Krishna2025", "Password@2026", "aaaaaaaaaaaa", "ababababab", "1234567890123"]) {
      expect(passwordProblem(p), p).toBe("password_common");
    }
  });

  it("refuses the account's own mobile number, in any spelling", () => {
    expect(passwordProblem("9000000010", "+919000000010")).toBe("password_mobile");
    expect(passwordProblem("x9000000010y", "+91 90000 00010")).toBe("password_mobile");
    expect(passwordProblem("9000000010", "+919000000099")).toBeNull();
  });

  it("refuses short and overlong passwords", () => {
    expect(passwordProblem("a".repeat(MIN_PASSWORD_LENGTH - 1))).toBe("password_short");
    expect(passwordProblem("Gh7#".repeat(51))).toBe("password_long");
  });

  it("accepts an uncommon password of sufficient length", () => {
    for (const p of ["नीला-आसमान-2026", "kesariya-patang-42", "Makhdumpur booth 17 ki chabi"]) expect(passwordProblem(p, "+919000000010"), p).toBeNull();
  });
});
