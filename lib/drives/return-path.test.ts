import { describe, expect, it } from "vitest";
import { driveReturnPath, withSavedFlag } from "./return-path";

describe("the way back to a drive after filling a seat", () => {
  it("accepts a drive's page, with or without its unit", () => {
    expect(driveReturnPath("/drives/12")).toBe("/drives/12");
    expect(driveReturnPath("/drives/12?unit=345")).toBe("/drives/12?unit=345");
    expect(driveReturnPath(["/drives/3?unit=4", "/x"])).toBe("/drives/3?unit=4");
  });

  it("refuses anything else: other hosts, other pages, tricks with slashes, dots, schemes and encodings", () => {
    for (const bad of [
      undefined,
      null,
      "",
      "//evil.example/drives/1",
      "https://evil.example/drives/1",
      "/\\evil.example",
      "/drives/",
      "/drives/abc",
      "/drives/1/../../admin",
      "/drives/1?unit=2&next=//evil",
      "/drives/1?unit=",
      "/drives/1#x",
      "/drives/1%2F..%2F",
      "/units/5",
      " /drives/1",
      "/drives/1\n",
      "/drives/1234567890123",
      "javascript:alert(1)",
      42,
    ]) {
      expect(driveReturnPath(bad), String(bad)).toBeNull();
    }
  });

  it("marks the return as saved without breaking the drive's query", () => {
    expect(withSavedFlag("/drives/12")).toBe("/drives/12?filled=1");
    expect(withSavedFlag("/drives/12?unit=3")).toBe("/drives/12?unit=3&filled=1");
  });
});
