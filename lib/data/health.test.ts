import { describe, expect, it } from "vitest";
import { statement } from "@/db";
import { withTestDatabase } from "@/lib/testing/demo-db";
import { databaseProblems } from "./health";

const t = withTestDatabase();

describe("the health probe", () => {
  it("finds nothing wrong with a migrated, writable database", async () => {
    expect(await databaseProblems()).toEqual([]);
  });

  it("reports a database whose migrations are not recorded", async () => {
    // Each engine's migrator keeps its own table: the probe must read the right one.
    await statement(t.engine === "postgres" ? "delete from drizzle.__drizzle_migrations" : "delete from __drizzle_migrations").run();
    expect(await databaseProblems()).toEqual(["no migrations applied"]);
  });
});
