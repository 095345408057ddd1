import { describe, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/testing/demo-db";
import * as r from "./reachable";
import * as units from "@/lib/data/units";
import * as guard from "@/lib/auth/guard";
import { viewerFromDb } from "@/lib/auth/viewer-from-db";

const t = withTestDatabase();

const assemblyItConvenor = () =>
  t.sqlite
    .prepare(
      `select t.id as "tenureId", u.id as "unitId" from tenures t join units u on u.id = t.unit_id join posts p on p.id = t.post_id join bodies b on b.id = p.body_id
       where u.level = 'assembly' and u.name_hi = 'मखदुमपुर' and b.key = 'it_cell' and p.title_key = 'convenor' and t.end_date is null`,
    )
    .get() as { tenureId: number; unitId: number };

const numberShownTo = async (login: string) => {
  const page = (await units.getUnitPage(viewerFromDb(t.sqlite, login), assemblyItConvenor().unitId))!;
  return page.bodies.flatMap((b) => b.seats).find((s) => s.holder?.tenureId === assemblyItConvenor().tenureId)!.holder!.mobile;
};

describe("a holder reachable from below", () => {
  it("by default the mandal editor below sees the name, not the number", async () => {
    expect(await numberShownTo("+919000000003")).toBeNull();
  });

  it("an editor who is no admin of the unit is refused, and the refusal is audited", async () => {
    const before = (t.sqlite.prepare("select count(*) as n from audit_log where action = 'tenure.reachable' and outcome = 'denied'").get() as { n: number }).n;
    await expect(r.setReachableBelow(viewerFromDb(t.sqlite, "+919000000003"), assemblyItConvenor().tenureId, true)).rejects.toThrow(guard.Denied);
    expect(await numberShownTo("+919000000003")).toBeNull();
    const after = (t.sqlite.prepare("select count(*) as n from audit_log where action = 'tenure.reachable' and outcome = 'denied'").get() as { n: number }).n;
    expect(after).toBe(before + 1);
  });

  it("after the district admin marks it, everyone below sees the number; taken back, names only again", async () => {
    await r.setReachableBelow(viewerFromDb(t.sqlite, "+919000000001"), assemblyItConvenor().tenureId, true);
    expect(await numberShownTo("+919000000003")).toBe("+919000000004");
    await r.setReachableBelow(viewerFromDb(t.sqlite, "+919000000001"), assemblyItConvenor().tenureId, false);
    expect(await numberShownTo("+919000000003")).toBeNull();
    expect((t.sqlite.prepare("select count(*) as n from audit_log where action = 'tenure.reachable' and outcome = 'ok'").get() as { n: number }).n).toBe(2);
  });
});
