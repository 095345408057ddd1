/**
 * Puts a snapshot back as the database (DATABASE_URL, default data/sangathan.db):
 *   npm run restore -- data/backups/sangathan-20261127-021500Z.db
 * Stop the app first: the restore refuses while another process has the database open. The
 * current database is kept as <db>.before-restore-<timestamp>; a snapshot that fails
 * integrity_check is refused.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { databaseFile } from "../db/connection";
import { OpsError, restoreDatabase } from "../lib/ops/backup";

const relative = (file: string) => {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : file;
};

function main() {
  let args: string[] = [];
  try {
    args = parseArgs({ options: {}, allowPositionals: true }).positionals;
  } catch {
    // An unknown option: the usage below.
  }
  if (args.length !== 1) {
    console.error("Usage: npm run restore -- <snapshot file>   (snapshots are in data/backups/ unless BACKUP_DIR says otherwise)");
    process.exitCode = 2;
    return;
  }
  const snapshot = path.resolve(process.cwd(), args[0]);
  const target = databaseFile();
  console.log(`Restoring ${relative(snapshot)} into ${relative(target)}. The app must be stopped while this runs.`);
  const r = restoreDatabase({ snapshot, target });
  if (r.previous) console.log(`The database as it was is kept at ${relative(r.previous)}.`);
  console.log(`Restored ${relative(target)} (${(r.bytes / 1024 / 1024).toFixed(1)} MB) from ${relative(snapshot)}; integrity_check: ok.`);
  console.log("Start the app again with npm start (it applies any migrations the snapshot lacks).");
}

try {
  main();
} catch (e) {
  console.error(e instanceof OpsError ? `Restore refused: ${e.message}` : e);
  process.exitCode = 1;
}
