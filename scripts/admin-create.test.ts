import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SCRIPT = path.resolve("scripts/admin-create.ts");
let work: string;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "sangathan-admin-create-"));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function adminCreate(databaseUrl: string, password: string): Promise<{ code: number; stderr: string }> {
  const args = ["--import", "tsx", SCRIPT, "--mobile", "98765 43210", "--name", "परीक्षा प्रशासक", "--name-en", "Test Admin"];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { env: { ...process.env, DATABASE_URL: databaseUrl, ADMIN_PASSWORD: password } }, (error, _stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
    );
  });
}

describe("scripts/admin-create.ts", () => {
  it("refuses one of the commonest passwords and makes no account; takes an uncommon one", async () => {
    const file = path.join(work, "prod.db");
    const refused = await adminCreate(file, "India@12345");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("admin:create: the password is one of the commonest passwords");
    const db = () => new Database(file, { readonly: true });
    const accounts = (d: Database.Database) => (d.prepare("select count(*) as n from accounts").get() as { n: number }).n;
    // Refused before the database is even opened.
    expect(fs.existsSync(file)).toBe(false);
    expect((await adminCreate(file, "kesariya-patang-42")).code).toBe(0);
    const d = db();
    expect(accounts(d)).toBe(1);
    d.close();
  }, 30_000);
});
