/**
 * The login limits attacked on a real seeded database (SQLite, and PostgreSQL): racing many
 * attempts at once, a flood of refused attempts carrying oversized addresses, and the retention
 * of the login tables.
 */
import { describe, expect, it } from "vitest";
import { statement } from "@/db";
import { withTestDatabase } from "@/lib/testing/demo-db";
import * as login from "@/lib/auth/login";

withTestDatabase();

const PASSWORD = "sangathan-demo";
const count = async (sql: string, ...args: unknown[]) => (await statement<unknown[], { n: number }>(sql).get(...args))!.n;

describe("the per-account limit counts attempts still being checked", () => {
  it("30 at once, the right password 15th: at most 5 are checked and the 15th is refused", async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login.authenticate("9000000003", i === 14 ? PASSWORD : `wrong-${i}`, "203.0.113.5")),
    );
    const checked = results.filter((r) => r.kind !== "rate_limited");
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(results[14]!.kind).toBe("rate_limited");
    expect(results.some((r) => r.kind === "ok")).toBe(false);
    expect(await count("select count(*) as n from login_attempts where login = '+919000000003'")).toBeLessThanOrEqual(5);
  }, 120_000);

  it("a right password is recorded as a success, not a failure", async () => {
    const result = await login.authenticate("9000000009", PASSWORD, "203.0.113.6");
    expect(result.kind).toBe("ok");
    expect(await statement("select ok from login_attempts where login = '+919000000009'").all()).toEqual([{ ok: 1 }]);
  });
});

describe("a flood of refused attempts cannot fill the audit log", () => {
  it("300 refused attempts, each with a 12 KB address, write a few small audit rows", async () => {
    for (let i = 0; i < 5; i++) await login.authenticate("9000000004", `wrong-${i}`, "198.51.100.9");
    const rowsBefore = await count("select count(*) as n from audit_log");
    const bytesBefore = await count("select coalesce(sum(length(after)), 0) as n from audit_log");
    const attemptsBefore = await count("select count(*) as n from login_attempts");
    for (let i = 0; i < 300; i++) {
      const junk = `${i}.`.padEnd(12 * 1024, "x");
      const result = await login.authenticate("9000000004", PASSWORD, junk);
      expect(result.kind).toBe("rate_limited");
    }
    const rows = (await count("select count(*) as n from audit_log")) - rowsBefore;
    const bytes = (await count("select coalesce(sum(length(after)), 0) as n from audit_log")) - bytesBefore;
    expect(rows).toBeLessThanOrEqual(2);
    expect(bytes).toBeLessThan(1024);
    // Refused attempts are not checked and not stored as attempts.
    expect((await count("select count(*) as n from login_attempts")) - attemptsBefore).toBe(0);
    // The one row counts them all, against a valid address or "unknown", never the free text.
    const row = (await statement<[], { after: string }>("select after from audit_log where action = 'login.rate_limited' order by id desc limit 1").get())!;
    const after = JSON.parse(row.after) as { address: string; count: number; firstAt: string; lastAt: string };
    expect(after.address).toBe("unknown");
    expect(after.count).toBe(300);
    expect(after.firstAt <= after.lastAt).toBe(true);
  }, 60_000);

  it("a login holding a NUL character is a wrong login, not an error (PostgreSQL refuses NUL in text)", async () => {
    expect(await login.authenticate("98765\u000012345", "x", "203.0.113.8")).toEqual({ kind: "invalid" });
  });

  it("addresses are stored only as an IP or 'unknown'", async () => {
    await login.authenticate("9000000099", "x", "<script>alert(1)</script>");
    await login.authenticate("9000000098", "x", "2001:db8::1");
    const stored = await statement("select login, address from login_attempts where login in ('+919000000099', '+919000000098') order by login").all();
    expect(stored).toEqual([
      { login: "+919000000098", address: "2001:db8::1" },
      { login: "+919000000099", address: "unknown" },
    ]);
  });
});
