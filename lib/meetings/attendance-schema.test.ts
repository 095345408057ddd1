import { describe, expect, it } from "vitest";
import { attendanceSchema } from "@/lib/validation/meetings";

describe("the attendance form's input", () => {
  const many = Array.from({ length: 5189 }, (_, i) => i + 1).join(",");

  it("'all present' needs no row ids: a list of 5189 (or any) is accepted and ignored", () => {
    const r = attendanceSchema.safeParse({ meetingId: "7", version: "3", intent: "all", rowId: many, present: many });
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ intent: "all", rowId: [], present: [] });
    expect(attendanceSchema.safeParse({ meetingId: "7", version: "3", intent: "all" }).success).toBe(true);
  });

  it("a page of ticks is at most a few pages' rows; more is refused, not cut", () => {
    const page = Array.from({ length: 200 }, (_, i) => i + 1).join(",");
    expect(attendanceSchema.safeParse({ meetingId: "7", version: "3", intent: "save", rowId: page, present: "1,2" }).success).toBe(true);
    expect(attendanceSchema.safeParse({ meetingId: "7", version: "3", intent: "save", rowId: many, present: "" }).success).toBe(false);
  });
});
