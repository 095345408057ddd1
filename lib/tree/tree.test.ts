import { describe, expect, it } from "vitest";
import { childLevel, isAncestor, isWithin, LEVELS, levelDepth, pathIds, subtreeEnd } from "./index";

describe("levels", () => {
  it("runs from the state down to the booth", () => {
    expect(LEVELS).toEqual(["state", "district", "assembly", "mandal", "shakti_kendra", "booth"]);
  });

  it("gives each level its child, and the booth none", () => {
    expect(childLevel("state")).toBe("district");
    expect(childLevel("mandal")).toBe("shakti_kendra");
    expect(childLevel("shakti_kendra")).toBe("booth");
    expect(childLevel("booth")).toBeNull();
  });

  it("numbers the levels from the state (0) to the booth (5)", () => {
    expect(levelDepth("state")).toBe(0);
    expect(levelDepth("assembly")).toBe(2);
    expect(levelDepth("booth")).toBe(5);
  });
});

describe("paths", () => {
  it("splits a materialised path into its unit ids, root first", () => {
    expect(pathIds("/1/17/257/")).toEqual([1, 17, 257]);
    expect(pathIds("/1/")).toEqual([1]);
  });

  it("bounds a subtree as a string range, excluding siblings whose ids share a prefix", () => {
    const start = "/1/17/";
    const end = subtreeEnd(start);
    expect(end).toBe("/1/170");
    const inRange = (p: string) => p >= start && p < end;
    expect(inRange("/1/17/")).toBe(true);
    expect(inRange("/1/17/999999/5/")).toBe(true);
    expect(inRange("/1/170/")).toBe(false);
    expect(inRange("/1/18/")).toBe(false);
    expect(inRange("/1/16/99/")).toBe(false);
  });

  it("tells a unit within a subtree (itself included) from one beside it", () => {
    expect(isWithin("/1/17/", "/1/17/")).toBe(true);
    expect(isWithin("/1/17/257/900/", "/1/17/")).toBe(true);
    expect(isWithin("/1/170/", "/1/17/")).toBe(false);
    expect(isWithin("/1/", "/1/17/")).toBe(false);
  });

  it("tells a strict ancestor", () => {
    expect(isAncestor("/1/", "/1/17/257/")).toBe(true);
    expect(isAncestor("/1/17/", "/1/17/257/")).toBe(true);
    expect(isAncestor("/1/17/257/", "/1/17/257/")).toBe(false);
    expect(isAncestor("/1/17/", "/1/170/")).toBe(false);
    expect(isAncestor("/1/17/257/", "/1/17/")).toBe(false);
  });
});
