import { afterAll, beforeAll, expect, it } from "vitest";
import { purgeExpired } from "@/lib/auth/retention";
import { makeTestDatabase } from "@/lib/testing/demo-db";

let t: ReturnType<typeof makeTestDatabase>;
beforeAll(() => {
  t = makeTestDatabase();
});
afterAll(() => t.cleanup());

const ago = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();

it("purges old login attempts, revoked session ids and stored uploads; keeps the recent ones and the audit log", () => {
  const s = t.sqlite;
  const account = (s.prepare("select id from accounts order by id limit 1").get() as { id: number }).id;
  const unit = (s.prepare("select id from units order by id limit 1").get() as { id: number }).id;
  const audit = (s.prepare("select count(*) as n from audit_log").get() as { n: number }).n;
  const attempt = s.prepare("insert into login_attempts (at, login, address, ok) values (?, ?, '192.0.2.1', 0)");
  attempt.run(ago(31), "old");
  attempt.run(ago(29), "recent");
  const revoked = s.prepare("insert into revoked_sessions (sid, revoked_at) values (?, ?)");
  revoked.run("old-sid", ago(14 / 24));
  revoked.run("new-sid", ago(1 / 24));
  const upload = s.prepare("insert into imports (account_id, unit_id, file_name, rows, created_at, applied_at) values (?, ?, ?, '[{\"a\":1}]', ?, ?)");
  upload.run(account, unit, "stale.csv", ago(2), null);
  upload.run(account, unit, "pending.csv", ago(0.5), null);
  upload.run(account, unit, "applied-old.csv", ago(9), ago(8));
  upload.run(account, unit, "applied-new.csv", ago(3), ago(2));

  expect(purgeExpired(s)).toEqual({ loginAttempts: 1, revokedSessions: 1, importsDeleted: 1, importsEmptied: 1 });
  expect(s.prepare("select login from login_attempts where login in ('old', 'recent')").all()).toEqual([{ login: "recent" }]);
  expect(s.prepare("select sid from revoked_sessions").all()).toEqual([{ sid: "new-sid" }]);
  expect(s.prepare("select file_name as f, rows from imports order by id").all()).toEqual([
    { f: "pending.csv", rows: '[{"a":1}]' },
    { f: "applied-old.csv", rows: "[]" },
    { f: "applied-new.csv", rows: '[{"a":1}]' },
  ]);
  expect((s.prepare("select count(*) as n from audit_log").get() as { n: number }).n).toBe(audit);
  // A second run finds nothing more.
  expect(purgeExpired(s)).toEqual({ loginAttempts: 0, revokedSessions: 0, importsDeleted: 0, importsEmptied: 0 });
});
