import { describe, expect, it } from "vitest";
import { isoDateSchema } from "./roster";

describe("a form's date", () => {
  it("takes a calendar date that exists, typed as YYYY-MM-DD (spaces around trimmed)", () => {
    expect(isoDateSchema.parse("2024-02-29")).toBe("2024-02-29");
    expect(isoDateSchema.parse(" 2025-11-30 ")).toBe("2025-11-30");
  });

  it.each(["2023-02-29", "2024-02-31", "2024-13-01", "2024-1-1", "30-11-2025", "2025-11-30T10:00", "", "1949-12-31", "2101-01-01"])(
    "refuses %j with the code 'date'",
    (value) => {
      const result = isoDateSchema.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.message)).toEqual(["date"]);
    },
  );
});
