/**
 * Refusing a database migrated by a newer version of the app, on either engine: the migrations this
 * version ships (a drizzle-kit journal) against those the database's own table records. Running an
 * older version on a newer schema could damage the data, so startup stops with this sentence.
 */
import fs from "node:fs";
import path from "node:path";

/** One migration in a drizzle-kit journal (`<folder>/meta/_journal.json`); `when` is in ms. */
export type JournalEntry = { tag: string; when: number };

/** What the database's migrations table records: how many, and the newest one's created_at in ms. */
export type AppliedMigrations = { n: number; newest: number | null };

/** The migrations a folder of this version ships (drizzle/ or drizzle-pg/), relative to the project root. */
export function readJournal(folder: string): JournalEntry[] {
  const file = path.resolve(process.cwd(), folder, "meta/_journal.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { entries: JournalEntry[] }).entries;
}

const day = (ms: number | null) => (ms && Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : "an unknown date");

/**
 * The sentence refusing a database (named `where`) that records more migrations than `journal`, or one
 * newer than its newest; null when this version may run on it. `restoreHint` says how this engine's
 * data goes back to before the upgrade.
 */
export function newerSchemaMessage(journal: JournalEntry[], applied: AppliedMigrations, where: string, restoreHint: string): string | null {
  const newestKnown = journal.reduce<JournalEntry | null>((a, b) => (a && a.when >= b.when ? a : b), null);
  if (applied.n <= journal.length && (applied.newest ?? 0) <= (newestKnown?.when ?? 0)) return null;
  const upTo = newestKnown ? `, up to ${day(newestKnown.when)} (${newestKnown.tag})` : "";
  return (
    `${where} was migrated by a newer version of Sangathan Directory: it records ${applied.n} migrations, the newest from ${day(applied.newest)}; ` +
    `this version knows ${journal.length}${upTo}. Running an older version on it could damage its data. ` +
    `Deploy the newer version again, or restore ${restoreHint}.`
  );
}
