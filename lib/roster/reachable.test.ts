import { describe, expect, it } from "vitest";
import { statement } from "@/db";
import { withTestDatabase } from "@/lib/testing/demo-db";
import { viewerByLogin } from "@/lib/auth/viewer-by-login";
import * as r from "./reachable";
import * as units from "@/lib/data/units";
import * as guard from "@/lib/auth/guard";

withTestDatabase();

const assemblyItConvenor = async () =>
  (await statement<[], { tenureId: number; unitId: number }>(
    `select t.id as "tenureId", u.id as "unitId" from tenures t join units u on u.id = t.unit_id join posts p on p.id = t.post_id join bodies b on b.id = p.body_id
     where u.level = 'assembly' and u.name_hi = 'मखदुमपुर' and b.key = 'it_cell' and p.title_key = 'convenor' and t.end_date is null`,
  ).get())!;

const numberShownTo = async (login: string) => {
  const convenor = await assemblyItConvenor();
  const page = (await units.getUnitPage(await viewerByLogin(login), convenor.unitId))!;
  return page.bodies.flatMap((b) => b.seats).find((s) => s.holder?.tenureId === convenor.tenureId)!.holder!.mobile;
};

const audited = async (outcome: string) =>
  (await statement<[string], { n: number }>("select count(*) as n from audit_log where action = 'tenure.reachable' and outcome = ?").get(outcome))!.n;

describe("a holder reachable from below", () => {
  it("by default the mandal editor below sees the name, not the number", async () => {
    expect(await numberShownTo("+919000000003")).toBeNull();
  });

  it("an editor who is no admin of the unit is refused, and the refusal is audited", async () => {
    const before = await audited("denied");
    await expect(r.setReachableBelow(await viewerByLogin("+919000000003"), (await assemblyItConvenor()).tenureId, true)).rejects.toThrow(guard.Denied);
    expect(await numberShownTo("+919000000003")).toBeNull();
    expect(await audited("denied")).toBe(before + 1);
  });

  it("after the district admin marks it, everyone below sees the number; taken back, names only again", async () => {
    await r.setReachableBelow(await viewerByLogin("+919000000001"), (await assemblyItConvenor()).tenureId, true);
    expect(await numberShownTo("+919000000003")).toBe("+919000000004");
    await r.setReachableBelow(await viewerByLogin("+919000000001"), (await assemblyItConvenor()).tenureId, false);
    expect(await numberShownTo("+919000000003")).toBeNull();
    expect(await audited("ok")).toBe(2);
  });
});
