import { execFile, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { freePort } from "./free-port";

/**
 * A throwaway PostgreSQL for tests: initdb into a temp folder, started on a free port with its
 * socket in that folder, fsync off (tests only), removed by stop(). About a second to start.
 * initdb refuses to run as root: as root, the server runs as the `postgres` user (runuser).
 */

const run = promisify(execFile);
const PG_ROOT = "/usr/lib/postgresql";
const SUPERUSER = "postgres";

export type PgServer = { url: string; stop(): Promise<void> };

/** The newest installed PostgreSQL's bin folder (Debian's layout: /usr/lib/postgresql/<major>/bin). */
export function pgBinDir(): string {
  const majors = fs.existsSync(PG_ROOT)
    ? fs.readdirSync(PG_ROOT).filter((v) => fs.existsSync(path.join(PG_ROOT, v, "bin", "initdb")))
    : [];
  if (majors.length === 0) {
    throw new Error(`No PostgreSQL binaries under ${PG_ROOT}/*/bin: install postgresql (apt-get install postgresql)`);
  }
  const newest = majors.sort((a, b) => Number(b) - Number(a))[0];
  return path.join(PG_ROOT, newest, "bin");
}

const isRoot = () => process.getuid?.() === 0;

/** A PostgreSQL binary's command line, as the postgres user when we are root. */
function asServerUser(bin: string, args: string[]): [string, string[]] {
  return isRoot() ? ["runuser", ["-u", SUPERUSER, "--", bin, ...args]] : [bin, args];
}

async function pgCommand(bin: string, args: string[]): Promise<void> {
  const [file, argv] = asServerUser(bin, args);
  try {
    // From a folder the server's user may enter (the project's may be closed to it).
    await run(file, argv, { cwd: os.tmpdir() });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(`${path.basename(bin)} failed: ${stderr.trim() || String(error)}`);
  }
}

/** Starts a fresh server; `url` points at its `postgres` database as the superuser. */
export async function startPgServer(): Promise<PgServer> {
  const bin = pgBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sangathan-pg-"));
  if (isRoot()) spawnSync("chown", [SUPERUSER, dir]);
  const data = path.join(dir, "data");
  const ctl = path.join(bin, "pg_ctl");
  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    const [file, argv] = asServerUser(ctl, ["-D", data, "-m", "immediate", "stop"]);
    spawnSync(file, argv, { stdio: "ignore", cwd: os.tmpdir() });
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await pgCommand(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", SUPERUSER, "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]);
    const port = await startOnFreePort(ctl, data, dir);
    // A test run that dies before stop() must not leave a server behind.
    process.once("exit", stopNow);
    return {
      url: `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`,
      async stop() {
        if (stopped) return;
        await pgCommand(ctl, ["-D", data, "-m", "fast", "-w", "stop"]);
        stopped = true;
        process.off("exit", stopNow);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    stopNow();
    throw error;
  }
}

/** Another process may take the port between the probe and the start: a few tries. */
async function startOnFreePort(ctl: string, data: string, socketDir: string): Promise<number> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const options = `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    try {
      await pgCommand(ctl, ["-D", data, "-w", "-t", "30", "-l", path.join(socketDir, "log"), "-o", options, "start"]);
      return port;
    } catch (error) {
      lastError = error;
    }
  }
  const log = path.join(socketDir, "log");
  const tail = fs.existsSync(log) ? fs.readFileSync(log, "utf8").trim().split("\n").slice(-5).join("\n") : "";
  throw new Error(`PostgreSQL did not start: ${String(lastError)}\n${tail}`);
}

/** The same server's URL with another database. */
function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Creates a database on the server of `url` and returns its URL. `template` copies another
 * database (a migrated one, say: faster than migrating again). `icuLocale` gives the database an
 * ICU default collation (a language's order), to show that the schema's "C" columns do not use it.
 */
export async function createDatabase(url: string, name: string, options: { template?: string; icuLocale?: string } = {}): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const template = options.template ?? (options.icuLocale ? "template0" : undefined);
    const parts = [`CREATE DATABASE ${quoteIdent(name)}`];
    if (template) parts.push(`TEMPLATE ${quoteIdent(template)}`);
    if (options.icuLocale) parts.push(`LOCALE_PROVIDER icu ICU_LOCALE ${pg.escapeLiteral(options.icuLocale)} LOCALE 'C.UTF-8'`);
    await client.query(parts.join(" "));
  } finally {
    await client.end();
  }
  return withDatabase(url, name);
}

/** Runs the PostgreSQL migrations (drizzle-pg/) on the database of `url`. */
export async function migratePg(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await migrate(drizzle(client), { migrationsFolder: path.resolve(/*turbopackIgnore: true*/ process.cwd(), "drizzle-pg") });
  } finally {
    await client.end();
  }
}
