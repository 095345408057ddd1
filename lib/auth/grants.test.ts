import { describe, expect, it } from "vitest";
import { canWrite, covers, roleAtLeast, topmostGrants, unitVisibility, type ScopedGrant } from "./grants";

const district: ScopedGrant = { unitId: 17, unitPath: "/1/17/", role: "admin", bodyId: null };
const itCellEditor: ScopedGrant = { unitId: 17, unitPath: "/1/17/", role: "editor", bodyId: 2 };
const mandalEditor: ScopedGrant = { unitId: 462, unitPath: "/1/17/257/462/", role: "editor", bodyId: null };
const viewer: ScopedGrant = { unitId: 257, unitPath: "/1/17/257/", role: "viewer", bodyId: null };

describe("roles", () => {
  it("orders viewer < editor < admin", () => {
    expect(roleAtLeast("admin", "editor")).toBe(true);
    expect(roleAtLeast("editor", "editor")).toBe(true);
    expect(roleAtLeast("viewer", "editor")).toBe(false);
  });
});

describe("subtree coverage", () => {
  it("covers the unit itself and everything below, nothing beside", () => {
    expect(covers(district, "/1/17/")).toBe(true);
    expect(covers(district, "/1/17/257/462/900/")).toBe(true);
    // "/1/170/" shares the characters "/1/17" but is a different district.
    expect(covers(district, "/1/170/")).toBe(false);
    expect(covers(district, "/1/")).toBe(false);
  });
});

describe("which units an account can see", () => {
  it("sees its subtree in full and the units above it by name only", () => {
    expect(unitVisibility([mandalEditor], "/1/17/257/462/900/")).toBe("full");
    expect(unitVisibility([mandalEditor], "/1/17/257/")).toBe("above");
    expect(unitVisibility([mandalEditor], "/1/")).toBe("above");
    expect(unitVisibility([mandalEditor], "/1/17/257/500/")).toBe("none");
    expect(unitVisibility([mandalEditor], "/1/5/")).toBe("none");
  });

  it("sees nothing without grants", () => {
    expect(unitVisibility([], "/1/")).toBe("none");
  });

  it("takes the widest of several grants", () => {
    expect(unitVisibility([mandalEditor, viewer], "/1/17/257/500/")).toBe("full");
  });
});

describe("writes", () => {
  it("needs the role and the subtree", () => {
    expect(canWrite([viewer], "/1/17/257/462/", "editor")).toBe(false);
    expect(canWrite([mandalEditor], "/1/17/257/462/900/", "editor")).toBe(true);
    expect(canWrite([mandalEditor], "/1/17/257/500/", "editor")).toBe(false);
    expect(canWrite([mandalEditor], "/1/17/257/462/", "admin")).toBe(false);
  });

  it("limits a body-scoped grant to that body's posts", () => {
    expect(canWrite([itCellEditor], "/1/17/257/", "editor", 2)).toBe(true);
    expect(canWrite([itCellEditor], "/1/17/257/", "editor", 1)).toBe(false);
    expect(canWrite([itCellEditor], "/1/17/257/", "editor", null)).toBe(false);
    expect(canWrite([district], "/1/17/257/", "editor", 1)).toBe(true);
  });

  it("policy: a body-scoped grant limits writes only; the whole subtree stays readable (and exportable)", () => {
    expect(unitVisibility([itCellEditor], "/1/17/257/462/")).toBe("full");
    expect(unitVisibility([itCellEditor], "/1/")).toBe("above");
  });
});

describe("topmost grants", () => {
  it("drops grants nested inside another", () => {
    expect(topmostGrants([mandalEditor, district]).map((g) => g.unitPath)).toEqual(["/1/17/"]);
  });
});
