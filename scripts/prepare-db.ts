/**
 * Run before the app starts: makes sure an auth secret exists, applies migrations, and seeds
 * the demo data when the database is new. A second run keeps the data.
 *   --fresh       delete the database file first (e2e runs start from a known state)
 *   SEED_DEMO=0   a production start: only the bodies and post catalogue, no demo tree or people
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createDb, databaseFile, migrateDb, openSqlite } from "../db/connection";
import { seedCatalogue, seedDemo } from "../db/seed";

function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return;
  const envFile = path.resolve(process.cwd(), ".env.local");
  const current = fs.existsSync(envFile) ? fs.readFileSync(envFile, "utf8") : "";
  if (/^AUTH_SECRET=/m.test(current)) return;
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(envFile, `${current}${current && !current.endsWith("\n") ? "\n" : ""}AUTH_SECRET=${secret}\n`, { mode: 0o600 });
  console.log("Generated AUTH_SECRET into .env.local (ignored by git).");
}

function main() {
  ensureAuthSecret();
  const file = databaseFile();
  if (process.argv.includes("--fresh")) {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  }
  const sqlite = openSqlite(file);
  try {
    migrateDb(createDb(sqlite));
    const { n } = sqlite.prepare("select count(*) as n from units").get() as { n: number };
    const { bodies } = sqlite.prepare("select count(*) as bodies from bodies").get() as { bodies: number };
    if (process.env.SEED_DEMO === "0" || n > 0) {
      if (bodies === 0) {
        sqlite.transaction(() => seedCatalogue(sqlite))();
        console.log("Wrote the bodies and post catalogue (no demo data).");
      }
    }
    if (n === 0 && process.env.SEED_DEMO !== "0") {
      const started = performance.now();
      sqlite.transaction(() => seedDemo(sqlite))();
      const counts = sqlite
        .prepare("select (select count(*) from units) units, (select count(*) from people) people, (select count(*) from tenures) tenures")
        .get() as Record<string, number>;
      console.log(
        `Seeded demo data into ${path.relative(process.cwd(), file)}: ${counts.units} units, ${counts.people} people, ${counts.tenures} tenures (${Math.round(performance.now() - started)} ms).`,
      );
    } else {
      console.log(`Database ${path.relative(process.cwd(), file)} is ready (${n} units).`);
    }
  } finally {
    sqlite.close();
  }
}

main();
