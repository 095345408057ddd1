import { execFile, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SCRIPT = path.resolve("scripts/prepare-db.ts");
let work: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "sangathan-prepare-"));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

type Run = { code: number; stdout: string; stderr: string };

/** The script as `npm start` runs it; AUTH_SECRET is set so it never writes the checkout's .env.local. */
function prepare(databaseUrl: string, wrap: string[] = [], env: Record<string, string | undefined> = {}): Promise<Run> {
  const command = [...wrap, process.execPath, "--import", "tsx", SCRIPT];
  // A loopback start unless a test says otherwise (the caller's own AUTH_URL/HOSTNAME do not leak in).
  const base = { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: "test-secret", SEED_DEMO: "1", AUTH_URL: undefined, HOSTNAME: undefined };
  return new Promise((resolve) => {
    execFile(command[0], command.slice(1), { env: { ...base, ...env } as NodeJS.ProcessEnv }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const count = (file: string, sql: string) => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

// A private tmpfs of a few MB shows a full disk for real; it needs root with CAP_SYS_ADMIN (unshare -m).
const canMountTmpfs = (() => {
  if (process.platform !== "linux") return false;
  const probe = spawnSync("unshare", ["-m", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt"], { stdio: "ignore" });
  return probe.status === 0;
})();

describe("scripts/prepare-db.ts", () => {
  it("creates, migrates and seeds a new database, and keeps it on the next start", async () => {
    const file = path.join(work, "fresh", "sangathan.db");
    const first = await prepare(file);
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout).toMatch(/Seeded demo data into .*sangathan\.db: \d+ units/);
    expect(count(file, "select count(*) as n from units")).toBeGreaterThan(1000);

    const second = await prepare(file);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/is ready \(\d+ units\)/);
  }, 30_000);

  it("refuses to serve the demo accounts on a public address, until their passwords are changed", async () => {
    const file = path.join(work, "demo-public", "sangathan.db");
    expect((await prepare(file)).code).toBe(0);
    const sentence = /^Cannot start: 6 accounts \(\+919000000001, .*\) still have the public demo password "sangathan-demo", and this start is public \(AUTH_URL is https\)/;
    const https = await prepare(file, [], { AUTH_URL: "https://sangathan.example.org" });
    expect(https.code).toBe(1);
    expect(https.stderr).toMatch(sentence);
    expect(https.stderr.trim().split("\n")).toHaveLength(1);
    for (const host of ["0.0.0.0", "192.168.1.20", "::"]) {
      const bound = await prepare(file, [], { HOSTNAME: host });
      expect(bound.code, host).toBe(1);
      expect(bound.stderr).toContain(`HOSTNAME is ${host}`);
    }
    // Loopback, the two-command demo: served.
    for (const host of [undefined, "127.0.0.1", "localhost", "::1"]) expect((await prepare(file, [], { HOSTNAME: host })).code, String(host)).toBe(0);
    expect((await prepare(file, [], { AUTH_URL: "http://localhost:3000" })).code).toBe(0);

    // Disabling one and changing the other five's passwords (as an admin or the holder would) lets it start.
    const db = new Database(file);
    const { hashPasswordSync } = await import("@/lib/auth/password");
    db.prepare("update accounts set disabled = 1 where login = '+919000000004'").run();
    db.prepare("update accounts set password_hash = ? where login <> '+919000000004'").run(hashPasswordSync("kesariya-patang-42"));
    db.close();
    const changed = await prepare(file, [], { AUTH_URL: "https://sangathan.example.org", HOSTNAME: "0.0.0.0" });
    expect(changed).toMatchObject({ code: 0, stderr: "" });
  }, 60_000);

  it("serves publicly a database started without demo data, whose admin came from admin:create", async () => {
    const file = path.join(work, "production", "sangathan.db");
    expect((await prepare(file, [], { SEED_DEMO: "0", AUTH_URL: "https://sangathan.example.org" })).code).toBe(0);
    const created = spawnSync(process.execPath, ["--import", "tsx", path.resolve("scripts/admin-create.ts"), "--mobile", "98765 43210", "--name", "प्रशासक"], {
      env: { ...process.env, DATABASE_URL: file, ADMIN_PASSWORD: "kesariya-patang-42" },
      encoding: "utf8",
    });
    expect(created.status, created.stderr).toBe(0);
    const run = await prepare(file, [], { SEED_DEMO: "0", AUTH_URL: "https://sangathan.example.org", HOSTNAME: "0.0.0.0" });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(count(file, "select count(*) as n from accounts")).toBe(1);
  }, 60_000);

  it("refuses a database whose folder cannot be created, naming the path", async () => {
    // Root ignores permission bits, so the folder sits under a regular file: no user can create it.
    const blocker = path.join(work, "file.txt");
    fs.writeFileSync(blocker, "");
    const run = await prepare(path.join(blocker, "db.sqlite"));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Cannot create the database folder ${blocker}: part of that path is a file, not a folder`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);

  it("refuses a database migrated by a newer version, and leaves it as it was", async () => {
    const fresh = path.join(work, "newer", "sangathan.db");
    expect((await prepare(fresh)).code).toBe(0);
    const db = new Database(fresh);
    db.prepare("insert into __drizzle_migrations (hash, created_at) values ('from-the-future', 4102444800000)").run();
    db.close();
    const migrations = count(fresh, "select count(*) as n from __drizzle_migrations");

    const run = await prepare(fresh);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/sangathan\.db was migrated by a newer version of Sangathan Directory: it records \d+ migrations, the newest from 2100-01-01/);
    expect(run.stderr).toContain("npm run restore");
    expect(count(fresh, "select count(*) as n from __drizzle_migrations")).toBe(migrations);
  }, 30_000);

  it.skipIf(!canMountTmpfs)("says the disk is full when seeding hits SQLITE_FULL", async () => {
    const mount = fs.mkdtempSync(path.join(work, "full-"));
    const run = await prepare(path.join(mount, "sangathan.db"), ["unshare", "-m", "sh", "-c", `mount -t tmpfs -o size=3m tmpfs ${mount} && exec "$0" "$@"`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/The disk holding .*sangathan\.db is full: seeding the demo data stopped and was rolled back \(SQLITE_FULL/);
  }, 30_000);
});
