import { describe, expect, it } from "vitest";
import { DatabaseBusy, DatabaseUnreachable, databaseTrouble } from "./errors";

describe("databaseTrouble", () => {
  it("names the two troubles, also wrapped as next-auth wraps what authorize() throws", () => {
    expect(databaseTrouble(new DatabaseBusy())).toBe("busy");
    expect(databaseTrouble(new DatabaseUnreachable())).toBe("unreachable");
    expect(databaseTrouble(Object.assign(new Error("CallbackRouteError"), { cause: { err: new DatabaseUnreachable() } }))).toBe("unreachable");
    expect(databaseTrouble(new Error("outer", { cause: new DatabaseBusy() }))).toBe("busy");
  });

  it("knows them by digest, not class: Next bundles this module once per layer, the engine throws one layer's copy", () => {
    // What another bundle's DatabaseUnreachable looks like from here.
    const otherCopy = Object.assign(new Error("the database did not answer"), { name: "DatabaseUnreachable", digest: "DATABASE_UNREACHABLE" });
    expect(otherCopy instanceof DatabaseUnreachable).toBe(false);
    expect(databaseTrouble(otherCopy)).toBe("unreachable");
  });

  it("any other error is none of them", () => {
    expect(databaseTrouble(new Error("disk full"))).toBeNull();
    expect(databaseTrouble(Object.assign(new Error("x"), { digest: "NEXT_REDIRECT;replace;/;307;" }))).toBeNull();
    expect(databaseTrouble("text")).toBeNull();
    expect(databaseTrouble(null)).toBeNull();
  });
});
