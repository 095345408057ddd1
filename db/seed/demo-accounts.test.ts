import { describe, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/testing/demo-db";

const db = withTestDatabase();

describe("the demo seed's accounts", () => {
  it("are the README's six logins, each with its one grant", () => {
    const rows = db.sqlite
      .prepare(
        `select a.login, a.display_name as name, g.role, u.name_hi as unit, b.key as body, p.name_hi as person
         from accounts a join grants g on g.account_id = a.id join units u on u.id = g.unit_id
         left join bodies b on b.id = g.body_id join people p on p.id = a.person_id order by a.id`,
      )
      .all();
    expect(rows).toEqual([
      { login: "+919000000001", name: "सुरेश कुमार शर्मा", role: "admin", unit: "जहानाबाद", body: null, person: "सुरेश कुमार शर्मा" },
      { login: "+919000000002", name: "विकास कुमार रौशन", role: "editor", unit: "जहानाबाद", body: "it_cell", person: "विकास कुमार रौशन" },
      { login: "+919000000003", name: "संजय कुमार", role: "editor", unit: "मखदुमपुर दक्षिणी मंडल", body: null, person: "संजय कुमार" },
      { login: "+919000000004", name: "अभय भारती", role: "viewer", unit: "मखदुमपुर", body: null, person: "अभय भारती" },
      { login: "+919000000009", name: "नीरज कुमार सिन्हा", role: "admin", unit: "बिहार", body: null, person: "नीरज कुमार सिन्हा" },
      { login: "+919000000010", name: "अजीत कुमार", role: "viewer", unit: "मखदुमपुर दक्षिणी मंडल", body: null, person: "अजीत कुमार" },
    ]);
  });
});
