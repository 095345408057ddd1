/**
 * Run before the app starts: makes sure an auth secret exists, applies migrations, and seeds
 * the demo data when the database is new. A second run keeps the data. DATABASE_URL names a SQLite
 * file (the default) or a PostgreSQL database (postgres://…; db/pg/prepare.ts does its part).
 *   --fresh       delete the database file (or empty the PostgreSQL database) first (e2e runs start from a known state)
 *   SEED_DEMO=0   a production start: only the bodies and post catalogue, no demo tree or people
 * Refuses to go on (exit code 1, one plain sentence) when the database or its folder cannot be
 * written, the disk is full, the PostgreSQL server cannot be reached, the database was migrated by
 * a newer version of the app, or the start is public (AUTH_URL https, or HOSTNAME beyond loopback)
 * while an account keeps the demo password.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type Database from "better-sqlite3";
import { createDb, databaseFile, migrateDb, openSqlite } from "../db/connection";
import { type Dialect, dialectOf } from "../db/dialect";
import { type Engine, engineKindOf } from "../db/engine";
import { createPostgresEngine } from "../db/engine-pg";
import { createSqliteEngine } from "../db/engine-sqlite";
import { PostgresStartupError, preparePostgres } from "../db/pg/prepare";
import { type AppliedMigrations, newerSchemaMessage, readJournal } from "../db/schema-version";
import { DEMO_PASSWORD, DEMO_SALT, seedCatalogue, seedDemo } from "../db/seed";
import { purgeExpired } from "../lib/auth/retention";
import { ensureCoverageCounts } from "../lib/coverage/counts";
import { verifyPasswordSync } from "../lib/auth/password";

/** A startup problem the operator can fix; printed as its message alone. */
class StartupError extends Error {}

const shown = (file: string) => {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : file;
};

function errorCode(e: unknown): string {
  return typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";
}

function causes(e: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let c = e; c && chain.length < 5; c = (c as { cause?: unknown }).cause) chain.push(c);
  return chain;
}

function freeBytes(dir: string): number {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return Infinity;
  }
}

/** SQLite and file-system failures that have a plain cause, as a StartupError; others unchanged. */
function explain(e: unknown, file: string, doing: string): unknown {
  const chain = causes(e);
  const code = chain.map(errorCode).find((c) => c !== "") ?? "";
  const detail = `(${code || "error"}: ${e instanceof Error ? e.message : String(e)})`;
  // SQLite rolls a transaction back itself on SQLITE_FULL; drizzle's migrator then fails on its own
  // ROLLBACK and reports that instead, so an almost full disk is recognised by its free space too.
  const full = chain.find((c) => ["SQLITE_FULL", "ENOSPC"].includes(errorCode(c)));
  const free = freeBytes(path.dirname(file));
  if (full || free < 1024 * 1024) {
    const why = full ? `${errorCode(full)}: ${(full as Error).message}` : `${Math.round(free / 1024)} KB free`;
    return new StartupError(`The disk holding ${shown(file)} is full: ${doing} stopped and was rolled back (${why}). Free some space, then start again.`);
  }
  if (code.startsWith("SQLITE_READONLY") || code === "EACCES" || code === "EPERM" || code === "EROFS") {
    return new StartupError(`Cannot write the database ${shown(file)} while ${doing} ${detail}. The app needs to write the file and to create ${path.basename(file)}-wal and -shm beside it in ${path.dirname(file)}.`);
  }
  if (code.startsWith("SQLITE_CANTOPEN")) {
    return new StartupError(`Cannot open the database ${shown(file)} ${detail}. Check DATABASE_URL: it must name a file (not a folder) in a folder this user can write.`);
  }
  if (code === "SQLITE_NOTADB" || code.startsWith("SQLITE_CORRUPT")) {
    return new StartupError(`${shown(file)} is damaged or not a SQLite database ${detail}. Restore a snapshot: npm run restore -- <snapshot file>.`);
  }
  return e;
}

function step<T>(file: string, doing: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    throw explain(e, file, doing);
  }
}

async function stepAsync<T>(file: string, doing: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw explain(e, file, doing);
  }
}

function checkWritable(file: string) {
  const dir = path.dirname(file);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    const notFolder = errorCode(e) === "EEXIST" || errorCode(e) === "ENOTDIR";
    throw new StartupError(
      `Cannot create the database folder ${dir}${notFolder ? ": part of that path is a file, not a folder" : ""} (${(e as Error).message}). Check DATABASE_URL and the folder's permissions.`,
    );
  }
  for (const target of fs.existsSync(file) ? [dir, file] : [dir]) {
    try {
      fs.accessSync(target, fs.constants.R_OK | fs.constants.W_OK);
    } catch (e) {
      throw explain(e, file, `checking ${target}`);
    }
  }
}

/** The migrations this version ships against those the database records: a newer database is refused. */
function checkSchemaNotNewer(sqlite: Database.Database, file: string) {
  const hasTable = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  if (!hasTable) return;
  const applied = sqlite.prepare("select count(*) as n, max(cast(created_at as integer)) as newest from __drizzle_migrations").get() as AppliedMigrations;
  const refusal = newerSchemaMessage(readJournal("drizzle"), applied, shown(file), "a snapshot taken before the upgrade (npm run restore -- <snapshot file>)");
  if (refusal) throw new StartupError(refusal);
}

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|::1|\[::1\]|::ffff:127(?:\.\d{1,3}){3})$/i;

/** Why this start is reachable from beyond this machine, or null for a loopback-only start. */
function publicBecause(): string | null {
  const authUrl = process.env.AUTH_URL?.trim();
  if (authUrl && /^https:\/\//i.test(authUrl)) return "AUTH_URL is https";
  const host = process.env.HOSTNAME?.trim();
  if (host && !LOOPBACK.test(host)) return `HOSTNAME is ${host}`;
  return null;
}

// `position`, not LIKE: SQLite's LIKE ignores case, and a base64 salt does not.
const demoPasswordCandidates = (d: Dialect) =>
  `select login, password_hash as hash from accounts
   where disabled = 0 and (${d.position("password_hash", "?")} > 0 or login like '+9190000%') order by login`;

/**
 * The demo accounts log in with a password printed in the README. On a public start, every enabled
 * account that could still have it is checked: those hashed with the seed's demo salt, and those
 * with the seed's fictitious +91 90000 numbers (demo databases seeded before the salt was fixed).
 */
async function checkNoDemoPasswords(engine: Engine) {
  const why = publicBecause();
  if (!why) return;
  const salt = DEMO_SALT.toString("base64");
  const candidates = await engine.statement<[string], { login: string; hash: string }>(demoPasswordCandidates(dialectOf(engine.kind))).all(`$${salt}$`);
  const demo = candidates.filter((a) => verifyPasswordSync(DEMO_PASSWORD, a.hash)).map((a) => a.login);
  if (demo.length === 0) return;
  throw new StartupError(
    `${demo.length} account${demo.length === 1 ? "" : "s"} (${demo.join(", ")}) still have the public demo password "${DEMO_PASSWORD}", and this start is public (${why}): ` +
      "start on a new database without the demo (SEED_DEMO=0, then npm run admin:create), or change or disable those accounts' passwords first, or serve on loopback only (no HOSTNAME, AUTH_URL http).",
  );
}

function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return;
  const envFile = path.resolve(process.cwd(), ".env.local");
  const current = fs.existsSync(envFile) ? fs.readFileSync(envFile, "utf8") : "";
  if (/^AUTH_SECRET=/m.test(current)) return;
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(envFile, `${current}${current && !current.endsWith("\n") ? "\n" : ""}AUTH_SECRET=${secret}\n`, { mode: 0o600 });
  console.log("Generated AUTH_SECRET into .env.local (ignored by git).");
}

/** Migrates (and seeds) the SQLite file, then leaves the last checks to an engine on it. */
async function prepareSqlite(fresh: boolean) {
  const file = databaseFile();
  if (fresh) {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  }
  checkWritable(file);
  const sqlite = step(file, "opening it", () => openSqlite(file));
  try {
    checkSchemaNotNewer(sqlite, file);
    step(file, "applying migrations", () => migrateDb(createDb(sqlite)));
    // The coverage counts' triggers (drizzle/0014): put back, and the counts rebuilt, if a later
    // migration's table rebuild dropped them.
    const recreated = step(file, "checking the coverage counts", () => ensureCoverageCounts(sqlite));
    if (recreated.length > 0) console.log(`Recreated ${recreated.join(", ")} and rebuilt the coverage counts.`);
    // Fresh statistics after migrations that rebuild tables: the planner picks indexes by them.
    sqlite.pragma("analysis_limit = 2000");
    sqlite.pragma("optimize = 0x10002");
    const { n } = sqlite.prepare("select count(*) as n from units").get() as { n: number };
    const { bodies } = sqlite.prepare("select count(*) as bodies from bodies").get() as { bodies: number };
    if (process.env.SEED_DEMO === "0" || n > 0) {
      if (bodies === 0) {
        step(file, "writing the post catalogue", () => sqlite.transaction(() => seedCatalogue(sqlite))());
        console.log("Wrote the bodies and post catalogue (no demo data).");
      }
    }
    if (n === 0 && process.env.SEED_DEMO !== "0") {
      const started = performance.now();
      step(file, "seeding the demo data", () => sqlite.transaction(() => seedDemo(sqlite))());
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
  const engine = step(file, "opening it", () => createSqliteEngine(file));
  try {
    await checkNoDemoPasswords(engine);
    // Retention: old login attempts, revoked session ids and stored uploads (audit rows are kept).
    await stepAsync(file, "removing expired login attempts and uploads", () => purgeExpired(engine));
  } finally {
    await engine.close();
  }
}

/** The PostgreSQL database: migrated and seeded by db/pg/prepare.ts, then the same last checks. */
async function preparePostgresDatabase(url: string, fresh: boolean) {
  console.log(await preparePostgres(url, { fresh, seed: process.env.SEED_DEMO === "0" ? "catalogue" : "demo" }));
  const engine = createPostgresEngine(url, { max: 2 });
  try {
    await checkNoDemoPasswords(engine);
    await purgeExpired(engine);
  } finally {
    await engine.close();
  }
}

async function main() {
  ensureAuthSecret();
  const fresh = parseArgs({ options: { fresh: { type: "boolean" } } }).values.fresh === true;
  const url = process.env.DATABASE_URL;
  if (engineKindOf(url) === "postgres") await preparePostgresDatabase(url!, fresh);
  else await prepareSqlite(fresh);
}

main().catch((e: unknown) => {
  if (e instanceof StartupError || e instanceof PostgresStartupError) console.error(`Cannot start: ${e.message}`);
  else console.error(e);
  process.exitCode = 1;
});
