import "server-only";
import { statement } from "@/db";
import { LEVELS, pathIds, subtreeEnd, type Level } from "@/lib/tree";

/**
 * The current rosters of a subtree as rows, streamed through the door's `iterate()`: a read-only
 * connection of its own on SQLite, a cursor on PostgreSQL, so the app's shared connections stay
 * free however slowly the download goes. Rows come in tree order; nothing is held but the unit
 * names of the subtree.
 */

export type ExportFilters = { level?: Level | null; bodyId?: number | null; titleKey?: string | null; vacantOnly?: boolean; allSeats?: boolean };

export type ExportRow = {
  unitId: number;
  path: string;
  level: Level;
  code: string | null;
  bodyHi: string;
  bodyEn: string;
  titleHi: string;
  titleEn: string;
  seat: number;
  nameHi: string | null;
  nameEn: string | null;
  mobile: string | null;
  whatsapp: string | null;
  since: string | null;
};

export type ExportSource = {
  /** The rows, pulled one at a time (`await rows.next()`). */
  rows: AsyncIterator<ExportRow>;
  /** Unit names by id, for the state … booth columns. */
  names: Map<number, { nameHi: string; nameEn: string }>;
  /** Ends the read (and frees its connection) whether or not every row was taken; once is enough. */
  close: () => Promise<void>;
};

function filterSql(filters: ExportFilters, params: unknown[]): string {
  const parts: string[] = [];
  const conditions: Array<[string, unknown]> = [
    ["u.level = ?", filters.level],
    ["p.body_id = ?", filters.bodyId],
    ["p.title_key = ?", filters.titleKey],
  ];
  for (const [condition, value] of conditions) {
    if (value) {
      parts.push(condition);
      params.push(value);
    }
  }
  return parts.length ? ` and ${parts.join(" and ")}` : "";
}

export async function openExport(unitPath: string, filters: ExportFilters): Promise<ExportSource> {
  const end = subtreeEnd(unitPath);
  const names = new Map<number, { nameHi: string; nameEn: string }>();
  const ancestorIds = pathIds(unitPath);
  const nameRows = statement<[string, string, string], { id: number; nameHi: string; nameEn: string }>(
    (d) => `select id, name_hi as "nameHi", name_en as "nameEn" from units where path >= ? and path < ?
       union all select id, name_hi, name_en from units where id in (${d.jsonInts("?")})`,
  ).iterate(unitPath, end, JSON.stringify(ancestorIds));
  for await (const r of nameRows) names.set(r.id, { nameHi: r.nameHi, nameEn: r.nameEn });

  const params: unknown[] = [unitPath, end];
  const where = filterSql(filters, params);
  const seatsSql = `with recursive n(i) as (select 1 union all select i + 1 from n where i < (select max(seats) from posts))
       select u.id as "unitId", u.path, u.level, u.code, b.name_hi as "bodyHi", b.name_en as "bodyEn", p.title_hi as "titleHi", p.title_en as "titleEn",
              n.i as seat, pe.name_hi as "nameHi", pe.name_en as "nameEn", pe.mobile, pe.whatsapp, t.start_date as since
       from units u join posts p on p.level = u.level join bodies b on b.id = p.body_id join n on n.i <= p.seats
       left join tenures t on t.unit_id = u.id and t.post_id = p.id and t.seat = n.i and t.end_date is null
       left join people pe on pe.id = t.person_id
       where u.path >= ? and u.path < ?${where}
       order by u.path, b.sort, p.sort, n.i`;
  const sql = filters.allSeats && !filters.vacantOnly
    ? seatsSql
    : filters.vacantOnly
    ? `with recursive n(i) as (select 1 union all select i + 1 from n where i < (select max(seats) from posts))
       select u.id as "unitId", u.path, u.level, u.code, b.name_hi as "bodyHi", b.name_en as "bodyEn", p.title_hi as "titleHi", p.title_en as "titleEn",
              n.i as seat, null as "nameHi", null as "nameEn", null as mobile, null as whatsapp, null as since
       from units u join posts p on p.level = u.level join bodies b on b.id = p.body_id join n on n.i <= p.seats
       where u.path >= ? and u.path < ?${where}
         and not exists (select 1 from tenures t where t.unit_id = u.id and t.post_id = p.id and t.seat = n.i and t.end_date is null)
       order by u.path, b.sort, p.sort, n.i`
    : `select u.id as "unitId", u.path, u.level, u.code, b.name_hi as "bodyHi", b.name_en as "bodyEn", p.title_hi as "titleHi", p.title_en as "titleEn",
              t.seat, pe.name_hi as "nameHi", pe.name_en as "nameEn", pe.mobile, pe.whatsapp, t.start_date as since
       from units u
       join tenures t on t.unit_id = u.id and t.end_date is null
       join posts p on p.id = t.post_id
       join bodies b on b.id = p.body_id
       join people pe on pe.id = t.person_id
       where u.path >= ? and u.path < ?${where}
       order by u.path, b.sort, p.sort, t.seat`;
  // Nothing is read until the first next(): an export closed before that opens no connection.
  const rows = statement<unknown[], ExportRow>(sql).iterate(...params)[Symbol.asyncIterator]();
  let closed = false;
  return {
    rows,
    names,
    async close() {
      if (closed) return;
      closed = true;
      await rows.return?.();
    },
  };
}

/** The state … booth names of a row's unit, one per level (empty below the row's level). */
export function levelNames(row: ExportRow, names: ExportSource["names"], locale: string): string[] {
  const ids = pathIds(row.path);
  return LEVELS.map((_, i) => {
    const unit = ids[i] === undefined ? undefined : names.get(ids[i]);
    return unit ? (locale === "hi" ? unit.nameHi : unit.nameEn) : "";
  });
}
