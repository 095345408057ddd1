import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { parse } from "csv-parse/sync";
import { childLevel, LEVELS, type Level } from "../../lib/tree";
import { BODIES, CATALOGUE, TITLES, type BodyKey, type TitleKey } from "./catalogue";

export type UnitRef = { id: number; path: string; level: Level };
export type PostRef = { id: number; seats: number };

export function readSeedCsv<T>(file: string): T[] {
  const text = fs.readFileSync(path.resolve(process.cwd(), "db/seed-data", file), "utf8");
  return parse(text, { columns: true, skip_empty_lines: true, trim: true }) as T[];
}

/** Deterministic PRNG (mulberry32): the same seed gives the same demo data on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}

/**
 * Writes units, people and tenures with prepared statements; ids are assigned here so a unit's
 * path ("/1/40/812/") is known at insert time. Callers wrap their work in one transaction.
 */
export class TreeWriter {
  private nextUnitId = 1;
  private nextPersonId = 1;
  private readonly insertUnit;
  private readonly insertPerson;
  private readonly insertTenure;
  readonly posts = new Map<string, PostRef>();
  readonly bodyIds = new Map<BodyKey, number>();

  constructor(private readonly sqlite: Database.Database) {
    this.insertUnit = sqlite.prepare(
      `insert into units (id, parent_id, level, name_hi, name_en, code, reserved, is_generated, path)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertPerson = sqlite.prepare(
      `insert into people (id, name_hi, name_en, mobile, whatsapp, home_unit_id) values (?, ?, ?, ?, ?, ?)`,
    );
    this.insertTenure = sqlite.prepare(
      `insert into tenures (person_id, unit_id, post_id, seat, start_date, end_date, end_kind, end_reason)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  writeCatalogue() {
    const insertBody = this.sqlite.prepare(
      "insert into bodies (id, key, name_hi, name_en, sort) values (?, ?, ?, ?, ?)",
    );
    BODIES.forEach((b, i) => {
      insertBody.run(i + 1, b.key, b.nameHi, b.nameEn, i);
      this.bodyIds.set(b.key, i + 1);
    });
    const insertPost = this.sqlite.prepare(
      `insert into posts (id, level, body_id, title_key, title_hi, title_en, seats, sort)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let id = 1;
    for (const level of LEVELS) {
      CATALOGUE[level].forEach(([body, title, seats], sort) => {
        const t = TITLES[title];
        insertPost.run(id, level, this.bodyIds.get(body), title, t.hi, t.en, seats, sort);
        this.posts.set(`${level}:${body}:${title}`, { id, seats });
        id++;
      });
    }
  }

  post(level: Level, body: BodyKey, title: TitleKey): PostRef {
    const p = this.posts.get(`${level}:${body}:${title}`);
    if (!p) throw new Error(`no post ${title} of ${body} at ${level} in the catalogue`);
    return p;
  }

  unit(
    parent: UnitRef | null,
    level: Level,
    nameHi: string,
    nameEn: string,
    extra: { code?: string | null; reserved?: string | null; generated?: boolean } = {},
  ): UnitRef {
    if (parent && childLevel(parent.level) !== level) {
      throw new Error(`a ${level} cannot sit under a ${parent.level}`);
    }
    const id = this.nextUnitId++;
    const unitPath = `${parent ? parent.path : "/"}${id}/`;
    this.insertUnit.run(
      id,
      parent?.id ?? null,
      level,
      nameHi,
      nameEn,
      extra.code ?? null,
      extra.reserved ?? null,
      extra.generated ? 1 : 0,
      unitPath,
    );
    return { id, path: unitPath, level };
  }

  person(nameHi: string, nameEn: string, mobile: string | null, homeUnitId: number | null): number {
    const id = this.nextPersonId++;
    this.insertPerson.run(id, nameHi, nameEn, mobile, mobile, homeUnitId);
    return id;
  }

  tenure(
    personId: number,
    unit: UnitRef,
    post: PostRef,
    seat: number,
    startDate: string,
    end?: { date: string; reason: string },
  ) {
    if (seat > post.seats) throw new Error(`seat ${seat} exceeds ${post.seats}`);
    this.insertTenure.run(personId, unit.id, post.id, seat, startDate, end?.date ?? null, end ? "vacated" : null, end?.reason ?? null);
  }
}

/** Demo mobiles are +91 90000 xxxxx: fictitious, and obviously so. */
export function demoMobile(n: number): string {
  if (n < 0 || n > 99_999) throw new Error("demo mobile out of range");
  return `+9190000${String(n).padStart(5, "0")}`;
}
