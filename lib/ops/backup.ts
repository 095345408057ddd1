import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * Online backup and restore of the SQLite file. Plain functions over paths (no "server-only", no
 * app connection), so `scripts/backup.ts`, `scripts/restore.ts` and the tests share them.
 */

/** A failure the operator can act on; its message is printed as is, without a stack. */
export class OpsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OpsError";
  }
}

export const SNAPSHOT_PATTERN = /^sangathan-\d{8}-\d{6}Z\.db$/;
// One step copies every page under one read transaction: a writer in another process then cannot
// restart the copy (SQLite restarts a stepwise backup whenever another connection writes).
const ALL_PAGES = 0x7fffffff;

/** 2026-11-27T02:15:00.123Z → "20261127-021500Z". */
export function timestamp(at: Date): string {
  return `${at.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15)}Z`;
}

export function snapshotName(at: Date): string {
  return `sangathan-${timestamp(at)}.db`;
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function errorCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : undefined;
}

function fsyncPath(target: string) {
  const fd = fs.openSync(target, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function requireFile(file: string, what: string) {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new OpsError(`${what} ${file} does not exist.`);
  }
  if (!stat.isFile()) throw new OpsError(`${what} ${file} is not a file.`);
}

function requireWritableDir(dir: string, what: string) {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    // access() says yes to root on any folder; a real file proves the folder takes writes.
    const probe = path.join(dir, `.write-probe-${process.pid}`);
    fs.writeFileSync(probe, "");
    fs.rmSync(probe);
  } catch (e) {
    throw new OpsError(`${what} ${dir} is not writable: ${reason(e)}`);
  }
}

/** "ok", or what PRAGMA integrity_check found (its first lines). */
export function integrityCheck(db: Database.Database): string {
  const rows = db.pragma("integrity_check", { simple: false }) as Array<{ integrity_check: string }>;
  return rows.map((r) => r.integrity_check).slice(0, 5).join("; ");
}

/** The snapshots in a folder (only files named like ours), oldest first. */
export function listSnapshots(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => SNAPSHOT_PATTERN.test(name))
    .sort();
}

/** Deletes all but the newest `keep` snapshots; returns the deleted names. */
export function pruneSnapshots(dir: string, keep: number): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new OpsError(`BACKUP_KEEP must be a whole number of at least 1 (got ${keep}).`);
  const all = listSnapshots(dir);
  const doomed = all.slice(0, Math.max(0, all.length - keep));
  for (const name of doomed) fs.rmSync(path.join(dir, name));
  return doomed;
}

export type BackupProgress = { totalPages: number; remainingPages: number };

export type BackupOptions = {
  source: string;
  dir: string;
  keep?: number;
  now?: () => Date;
  /** Pages copied per step; by default all of them in one step (see ALL_PAGES). */
  pagesPerStep?: number;
  /** Called between steps: the tests write to the source here. */
  onStep?: (progress: BackupProgress) => void;
};

export type BackupResult = { file: string; bytes: number; pages: number; ms: number; integrity: "ok"; deleted: string[]; kept: number };

/**
 * A consistent snapshot of a live database (WAL lets it read beside the app's writes) into
 * `dir/sangathan-YYYYMMDD-HHMMSSZ.db`, a self-contained file (rollback journal, no -wal), checked
 * with integrity_check before it gets its name; then the oldest beyond `keep` are deleted.
 */
export async function backupDatabase(options: BackupOptions): Promise<BackupResult> {
  const { source, dir, keep = 14, now = () => new Date(), pagesPerStep = ALL_PAGES, onStep } = options;
  if (!Number.isInteger(keep) || keep < 1) throw new OpsError(`BACKUP_KEEP must be a whole number of at least 1 (got ${keep}).`);
  requireFile(source, "The database");
  requireWritableDir(dir, "The backup folder");

  let name = snapshotName(now());
  for (let tries = 0; fs.existsSync(path.join(dir, name)); tries++) {
    // Two backups within one second: wait for the next second's name rather than overwrite.
    if (tries === 2) throw new OpsError(`A snapshot named ${name} already exists in ${dir}.`);
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
    name = snapshotName(now());
  }
  const file = path.join(dir, name);
  const partial = path.join(dir, `.${name}.partial`);
  const started = performance.now();

  let src: Database.Database;
  try {
    src = new Database(source, { fileMustExist: true });
    src.pragma("busy_timeout = 5000");
  } catch (e) {
    throw new OpsError(`Cannot open the database ${source}: ${reason(e)}`);
  }
  try {
    let pages = 0;
    try {
      // Created empty and owner-only first: SQLite writes into it (and gives its journal the same
      // mode), so a snapshot of names and mobiles is never readable by other users, whatever the umask.
      fs.closeSync(fs.openSync(partial, "wx", 0o600));
      fs.chmodSync(partial, 0o600);
      const done = await src.backup(partial, {
        progress: (p) => {
          onStep?.(p);
          return pagesPerStep;
        },
      });
      pages = done.totalPages;
    } catch (e) {
      const full = errorCode(e) === "SQLITE_FULL" || errorCode(e) === "ENOSPC";
      throw new OpsError(`The backup of ${source} into ${dir} failed${full ? " (the disk is full)" : ""}: ${reason(e)}`);
    }
    const copy = new Database(partial, { fileMustExist: true });
    let integrity: string;
    try {
      copy.pragma("journal_mode = DELETE");
      integrity = integrityCheck(copy);
    } finally {
      copy.close();
    }
    if (integrity !== "ok") throw new OpsError(`The snapshot of ${source} failed integrity_check (${integrity}); nothing was kept.`);
    fsyncPath(partial);
    fs.renameSync(partial, file);
    fsyncPath(dir);
    const ms = Math.round(performance.now() - started);
    const deleted = pruneSnapshots(dir, keep);
    return { file, bytes: fs.statSync(file).size, pages, ms, integrity: "ok", deleted, kept: listSnapshots(dir).length };
  } finally {
    src.close();
    for (const leftover of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(leftover, { force: true });
  }
}

export type RestoreOptions = { snapshot: string; target: string; now?: () => Date; busyTimeoutMs?: number };
export type RestoreResult = { target: string; previous: string | null; bytes: number };

/** Copies the snapshot beside the target and checks that copy; refuses a damaged or foreign file. */
function stageSnapshot(snapshot: string, staging: string) {
  fs.copyFileSync(snapshot, staging);
  let problem: string | null = null;
  try {
    const db = new Database(staging, { fileMustExist: true });
    try {
      const integrity = integrityCheck(db);
      if (integrity !== "ok") problem = `it fails integrity_check (${integrity})`;
      else if (!db.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get()) {
        problem = "it is not a Sangathan Directory database (no migrations table)";
      }
    } finally {
      db.close();
    }
  } catch (e) {
    problem = `it cannot be read as a database (${reason(e)})`;
  }
  if (problem) {
    for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(staging + suffix, { force: true });
    throw new OpsError(`Refusing to restore ${snapshot}: ${problem}.`);
  }
}

/**
 * Proves no other process uses the target: BEGIN IMMEDIATE fails while the app writes, and
 * leaving WAL mode fails while any other connection merely has the file open (each holds a shared
 * lock in WAL mode). Leaving WAL also folds the -wal into the file, so the copy set aside is whole.
 * Returns false when the file cannot be opened as a database at all (it is then set aside as is).
 */
function quiesceTarget(target: string, busyTimeoutMs: number): boolean {
  let db: Database.Database;
  try {
    db = new Database(target, { fileMustExist: true });
  } catch {
    return false;
  }
  const inUse = `The database ${target} is in use by another process. Stop the app first (systemctl stop …, or Ctrl-C on npm start), then run the restore again.`;
  try {
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    try {
      db.exec("BEGIN IMMEDIATE");
      db.exec("ROLLBACK");
    } catch (e) {
      if (errorCode(e) === "SQLITE_BUSY" || errorCode(e) === "SQLITE_LOCKED") throw new OpsError(inUse);
      return false;
    }
    try {
      db.pragma("journal_mode = DELETE");
    } catch (e) {
      if (errorCode(e) === "SQLITE_BUSY" || errorCode(e) === "SQLITE_LOCKED") throw new OpsError(inUse);
      return false;
    }
    return true;
  } finally {
    db.close();
  }
}

/**
 * Replaces `target` with a checked copy of `snapshot`. The current database is first set aside as
 * `<target>.before-restore-<timestamp>`; its -wal and -shm are removed so the restored file is read
 * as it is. Refuses while another process has the target open.
 */
export function restoreDatabase(options: RestoreOptions): RestoreResult {
  const { snapshot, target, now = () => new Date(), busyTimeoutMs = 250 } = options;
  requireFile(snapshot, "The snapshot");
  if (path.resolve(snapshot) === path.resolve(target)) throw new OpsError("The snapshot is the database itself; nothing to restore.");
  requireWritableDir(path.dirname(target), "The database folder");

  const stamp = timestamp(now());
  const staging = `${target}.restoring-${stamp}`;
  stageSnapshot(snapshot, staging);
  try {
    let previous: string | null = null;
    if (fs.existsSync(target)) {
      const whole = quiesceTarget(target, busyTimeoutMs);
      previous = `${target}.before-restore-${stamp}`;
      fs.copyFileSync(target, previous);
      // An unreadable current file keeps its -wal beside the copy: it may hold the last changes.
      if (!whole && fs.existsSync(`${target}-wal`)) fs.copyFileSync(`${target}-wal`, `${previous}-wal`);
      fsyncPath(previous);
    }
    for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(target + suffix, { force: true });
    fsyncPath(staging);
    fs.renameSync(staging, target);
    fsyncPath(path.dirname(target));
    return { target, previous, bytes: fs.statSync(target).size };
  } finally {
    fs.rmSync(staging, { force: true });
  }
}
