import { describe, expect, it } from "vitest";
import { type JournalEntry, newerSchemaMessage, readJournal } from "./schema-version";

const JAN = Date.UTC(2025, 0, 10);
const MAR = Date.UTC(2025, 2, 5);
// Out of order on purpose: the newest is found by date, not by place.
const journal: JournalEntry[] = [
  { tag: "0000_first", when: JAN },
  { tag: "0002_third", when: MAR },
  { tag: "0001_second", when: JAN + 1 },
];
const refuse = (n: number, newest: number | null) => newerSchemaMessage(journal, { n, newest }, "data/x.db", "a snapshot (npm run restore)");

describe("newerSchemaMessage", () => {
  it("lets this version run on a database it migrated, or one an older version migrated", () => {
    expect(refuse(3, MAR)).toBeNull();
    expect(refuse(1, JAN)).toBeNull();
    expect(refuse(0, null)).toBeNull();
  });

  it("refuses a database recording more migrations than this version ships, naming both sides", () => {
    expect(refuse(4, MAR)).toBe(
      "data/x.db was migrated by a newer version of Sangathan Directory: it records 4 migrations, the newest from 2025-03-05; " +
        "this version knows 3, up to 2025-03-05 (0002_third). Running an older version on it could damage its data. " +
        "Deploy the newer version again, or restore a snapshot (npm run restore).",
    );
  });

  it("refuses a database whose newest migration is newer than this version's newest, though it counts no more", () => {
    expect(refuse(3, MAR + 1)).toContain("it records 3 migrations, the newest from 2025-03-05; this version knows 3");
    expect(refuse(2, Date.UTC(2100, 0, 1))).toContain("the newest from 2100-01-01");
  });

  it("says an unknown date where the database records none, and refuses any migration when this version ships none", () => {
    expect(refuse(4, null)).toContain("the newest from an unknown date;");
    expect(newerSchemaMessage([], { n: 1, newest: JAN }, "db", "x")).toContain("this version knows 0. Running");
  });
});

describe("readJournal", () => {
  it("reads both engines' shipped journals, each entry with a tag and a date", () => {
    for (const folder of ["drizzle", "drizzle-pg"]) {
      const entries = readJournal(folder);
      expect(entries.length).toBeGreaterThan(0);
      for (const e of entries) expect(e).toMatchObject({ tag: expect.stringMatching(/^\d{4}_/), when: expect.any(Number) });
    }
  });
});
