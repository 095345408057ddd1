/**
 * A consistent online snapshot of the database, safe while the app is serving:
 *   npm run backup
 * DATABASE_URL (default data/sangathan.db) → BACKUP_DIR (default data/backups/) as
 * sangathan-YYYYMMDD-HHMMSSZ.db, checked with integrity_check; then only the newest BACKUP_KEEP
 * (default 14) snapshots are kept.
 */
import path from "node:path";
import { databaseFile } from "../db/connection";
import { backupDatabase, OpsError } from "../lib/ops/backup";

const relative = (file: string) => {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : file;
};
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  const source = databaseFile();
  const dir = path.resolve(process.cwd(), process.env.BACKUP_DIR?.trim() || "data/backups");
  const keepRaw = process.env.BACKUP_KEEP?.trim() || "14";
  const keep = /^\d+$/.test(keepRaw) ? Number(keepRaw) : NaN;
  const r = await backupDatabase({ source, dir, keep });
  console.log(`Backed up ${relative(source)} → ${relative(r.file)} (${megabytes(r.bytes)}, ${r.pages} pages, ${r.ms} ms); integrity_check: ${r.integrity}.`);
  console.log(
    r.deleted.length > 0
      ? `Kept the newest ${keep} snapshots; deleted ${r.deleted.length}: ${r.deleted.join(", ")}.`
      : `${r.kept} snapshot${r.kept === 1 ? "" : "s"} in ${relative(dir)} (keeping the newest ${keep}).`,
  );
}

main().catch((e) => {
  console.error(e instanceof OpsError ? `Backup failed: ${e.message}` : e);
  process.exitCode = 1;
});
