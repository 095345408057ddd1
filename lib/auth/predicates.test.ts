import { describe, expect, it } from "vitest";
import type { ScopedGrant } from "./grants";
import { canImportInto, personEditable, personVisibleInFull, visibleInFull } from "./predicates";

const mandalEditor: ScopedGrant = { unitId: 462, unitPath: "/1/17/257/462/", role: "editor", bodyId: null };
const itCellEditor: ScopedGrant = { unitId: 17, unitPath: "/1/17/", role: "editor", bodyId: 2 };
const districtViewer: ScopedGrant = { unitId: 17, unitPath: "/1/17/", role: "viewer", bodyId: null };
const boothEditor: ScopedGrant = { unitId: 9001, unitPath: "/1/17/257/462/900/9001/", role: "editor", bodyId: null };

describe("visible in full", () => {
  it("is the granted subtree, not the units above it or beside it", () => {
    expect(visibleInFull([mandalEditor], "/1/17/257/462/900/")).toBe(true);
    expect(visibleInFull([mandalEditor], "/1/17/257/")).toBe(false);
    expect(visibleInFull([mandalEditor], "/1/17/257/4620/")).toBe(false);
    expect(visibleInFull([], "/1/")).toBe(false);
  });
});

describe("a person in full", () => {
  it("by their home or any post, now or before, inside the grants", () => {
    expect(personVisibleInFull([mandalEditor], { homePath: "/1/17/257/462/900/", posts: [] })).toBe(true);
    expect(personVisibleInFull([mandalEditor], { homePath: null, posts: [{ path: "/1/17/257/462/" }] })).toBe(true);
    expect(personVisibleInFull([mandalEditor], { homePath: "/1/17/257/", posts: [{ path: "/1/17/" }] })).toBe(false);
    expect(personVisibleInFull([mandalEditor], { homePath: null, posts: [] })).toBe(false);
  });
});

describe("can edit this person", () => {
  it("an editor of their home", () => {
    expect(personEditable([mandalEditor], { homePath: "/1/17/257/462/900/", posts: [] })).toBe(true);
  });

  it("a viewer of their home cannot", () => {
    expect(personEditable([districtViewer], { homePath: "/1/17/257/462/", posts: [] })).toBe(false);
  });

  it("an editor of a body's post they hold now, not of a post they held before", () => {
    const itPostNow = { homePath: "/1/17/300/", posts: [{ path: "/1/17/257/", bodyId: 2, current: true }] };
    const itPostBefore = { homePath: "/1/17/300/", posts: [{ path: "/1/17/257/", bodyId: 2, current: false }] };
    expect(personEditable([itCellEditor], itPostNow)).toBe(true);
    expect(personEditable([itCellEditor], itPostBefore)).toBe(false);
  });

  it("not someone who holds a post now above or beside the grants, though he lives inside them", () => {
    const districtOfficer = { homePath: "/1/17/257/462/", posts: [{ path: "/1/17/", bodyId: 1, current: true }] };
    expect(personEditable([mandalEditor], districtOfficer)).toBe(false);
    expect(personEditable([{ ...mandalEditor, unitId: 17, unitPath: "/1/17/" }], districtOfficer)).toBe(true);
    // A post held before does not count.
    expect(personEditable([mandalEditor], { homePath: "/1/17/257/462/", posts: [{ path: "/1/17/", bodyId: 1, current: false }] })).toBe(true);
  });

  it("an editor limited to one body cannot edit through another body's post, nor by the home", () => {
    expect(personEditable([itCellEditor], { homePath: null, posts: [{ path: "/1/17/257/", bodyId: 1, current: true }] })).toBe(false);
    expect(personEditable([itCellEditor], { homePath: "/1/17/257/", posts: [] })).toBe(false);
  });
});

describe("can import into this unit", () => {
  it("an editor of the unit or of a unit below it, when the unit is visible in full", () => {
    expect(canImportInto([mandalEditor], "/1/17/257/462/")).toBe(true);
    expect(canImportInto([mandalEditor], "/1/17/257/462/900/")).toBe(true);
    expect(canImportInto([districtViewer, boothEditor], "/1/17/257/462/")).toBe(true);
  });

  it("not a viewer, not above the grant, not beside it", () => {
    expect(canImportInto([districtViewer], "/1/17/257/462/")).toBe(false);
    // An editor below a unit the account sees only by name cannot import there.
    expect(canImportInto([mandalEditor], "/1/17/257/")).toBe(false);
    expect(canImportInto([mandalEditor], "/1/17/257/4620/")).toBe(false);
    expect(canImportInto([], "/1/")).toBe(false);
  });
});
