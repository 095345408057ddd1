/**
 * The coverage counts (coverage_units, coverage_filled, coverage_days; see db/schema.ts) recounted
 * from units and tenures, in SQL that SQLite and PostgreSQL both run: the backfill of
 * drizzle/0014_coverage_counts.sql (which lib/coverage/counts.ts reads) walks a path with
 * json_each(), which PostgreSQL lacks. Run the statements in order, in one transaction.
 *
 * A unit's ancestors, itself included, are the units whose path is a prefix of its path: the range
 * [a.path, subtreeEnd(a.path)) of lib/tree, which the path index serves on both engines (the "C"
 * collation on PostgreSQL). Counts are kept for ancestors of the top four levels, day rows for the
 * top two: by the tree rules a unit's level is its path depth, as the triggers count it.
 */

const ANCESTOR = "u.path >= a.path AND u.path < (substr(a.path, 1, length(a.path) - 1) || '0')";
// CROSS JOIN keeps SQLite's join order as written (PostgreSQL plans it freely): the few counted
// ancestors first, each one's subtree by a path range, then its rows by unit; the other order
// scans half a level's units for every tenure.
const COUNTED_LEVELS = "('state', 'district', 'assembly', 'mandal')";
const DAY_LEVELS = "('state', 'district')";

export const COVERAGE_RECOUNT: readonly string[] = [
  "DELETE FROM coverage_units",
  "DELETE FROM coverage_filled",
  "DELETE FROM coverage_days",
  `INSERT INTO coverage_units (unit_id, level, n)
     SELECT a.id, u.level, count(*) FROM units a CROSS JOIN units u
     WHERE a.level IN ${COUNTED_LEVELS} AND ${ANCESTOR} GROUP BY a.id, u.level`,
  `INSERT INTO coverage_filled (unit_id, post_id, filled)
     SELECT a.id, c.post_id, sum(c.n)
     FROM units a CROSS JOIN units u
     CROSS JOIN (SELECT unit_id, post_id, count(*) AS n FROM tenures WHERE end_date IS NULL GROUP BY unit_id, post_id) c
     WHERE a.level IN ${COUNTED_LEVELS} AND ${ANCESTOR} AND c.unit_id = u.id GROUP BY a.id, c.post_id`,
  `INSERT INTO coverage_days (unit_id, day, delta)
     SELECT a.id, e.day, sum(e.d)
     FROM units a CROSS JOIN units u
     CROSS JOIN (SELECT unit_id, start_date AS day, 1 AS d FROM tenures
                 UNION ALL SELECT unit_id, end_date, -1 FROM tenures WHERE end_date IS NOT NULL) e
     WHERE a.level IN ${DAY_LEVELS} AND ${ANCESTOR} AND e.unit_id = u.id GROUP BY a.id, e.day`,
];
