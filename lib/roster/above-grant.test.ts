import { describe, expect, it } from "vitest";
import { statement } from "@/db";
import { withTestDatabase } from "@/lib/testing/demo-db";
import { viewerByLogin } from "@/lib/auth/viewer-by-login";
import * as service from "./service";
import * as guard from "@/lib/auth/guard";

// A review found a mandal editor could rewrite the number of a district office-bearer who lives in
// his mandal (home unit inside the grant, post above it). The district's record is the district's.
withTestDatabase();

const districtOfficerLivingInTheMandal = () =>
  statement<[], { id: number; nameHi: string; nameEn: string; mobile: string; version: number }>(
    `select p.id, p.name_hi as "nameHi", p.name_en as "nameEn", p.mobile, p.version from people p
     join units h on h.id = p.home_unit_id join tenures t on t.person_id = p.id and t.end_date is null join units u on u.id = t.unit_id
     where h.name_hi = 'मखदुमपुर दक्षिणी मंडल' and u.level = 'district' order by p.id limit 1`,
  ).get();

describe("a person holding a post above the editor's grant", () => {
  it("cannot be corrected by the mandal editor (refused, audited, unchanged); the district admin can", async () => {
    const officer = (await districtOfficerLivingInTheMandal())!;
    expect(officer).toBeDefined();
    const input = { personId: officer.id, version: officer.version, nameHi: officer.nameHi, nameEn: officer.nameEn, mobile: "91111 11111", whatsapp: "", homeUnitId: null };
    await expect(service.updatePerson(await viewerByLogin("+919000000003"), input as never)).rejects.toThrow(guard.Denied);
    expect((await statement<[number], { mobile: string }>("select mobile from people where id = ?").get(officer.id))!.mobile).toBe(officer.mobile);
    const result = await service.updatePerson(await viewerByLogin("+919000000001"), input as never);
    expect(result.ok).toBe(true);
  });
});
