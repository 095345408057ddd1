import { expect, it } from "vitest";
import { statement, transaction } from "@/db";
import { purgeExpired } from "@/lib/auth/retention";
import { withTestDatabase } from "@/lib/testing/demo-db";

withTestDatabase();

const ago = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();
const db = { statement, transaction };

it("purges old login attempts, revoked session ids and stored uploads; keeps the recent ones and the audit log", async () => {
  const account = (await statement<[], { id: number }>("select id from accounts order by id limit 1").get())!.id;
  const unit = (await statement<[], { id: number }>("select id from units order by id limit 1").get())!.id;
  const auditRows = () => statement<[], { n: number }>("select count(*) as n from audit_log").get();
  const audit = (await auditRows())!.n;
  const attempt = statement("insert into login_attempts (at, login, address, ok) values (?, ?, '192.0.2.1', 0)");
  await attempt.run(ago(31), "old");
  await attempt.run(ago(29), "recent");
  const revoked = statement("insert into revoked_sessions (sid, revoked_at) values (?, ?)");
  await revoked.run("old-sid", ago(14 / 24));
  await revoked.run("new-sid", ago(1 / 24));
  const upload = statement("insert into imports (account_id, unit_id, file_name, rows, created_at, applied_at) values (?, ?, ?, '[{\"a\":1}]', ?, ?)");
  await upload.run(account, unit, "stale.csv", ago(2), null);
  await upload.run(account, unit, "pending.csv", ago(0.5), null);
  await upload.run(account, unit, "applied-old.csv", ago(9), ago(8));
  await upload.run(account, unit, "applied-new.csv", ago(3), ago(2));

  expect(await purgeExpired(db)).toEqual({ loginAttempts: 1, revokedSessions: 1, importsDeleted: 1, importsEmptied: 1 });
  expect(await statement("select login from login_attempts where login in ('old', 'recent')").all()).toEqual([{ login: "recent" }]);
  expect(await statement("select sid from revoked_sessions").all()).toEqual([{ sid: "new-sid" }]);
  expect(await statement("select file_name as f, rows from imports order by id").all()).toEqual([
    { f: "pending.csv", rows: '[{"a":1}]' },
    { f: "applied-old.csv", rows: "[]" },
    { f: "applied-new.csv", rows: '[{"a":1}]' },
  ]);
  expect((await auditRows())!.n).toBe(audit);
  // A second run finds nothing more.
  expect(await purgeExpired(db)).toEqual({ loginAttempts: 0, revokedSessions: 0, importsDeleted: 0, importsEmptied: 0 });
});
