/**
 * The largest id a row can have: both engines' id columns are 32-bit integers (PostgreSQL's
 * `integer`; SQLite's rowids here stay below it too). A larger number names no row, and on
 * PostgreSQL binding it to an integer column fails the statement, so ids are checked against it
 * before they reach the database: in URLs, forms and the services.
 */
export const MAX_ROW_ID = 2_147_483_647;

/** Whether a number can be a row's id. */
export function isRowId(id: number): boolean {
  return Number.isInteger(id) && id > 0 && id <= MAX_ROW_ID;
}

/** Whether a URL segment or form field is the decimal text of a row id. */
export function isRowIdText(raw: string | null | undefined): raw is string {
  return typeof raw === "string" && /^\d{1,10}$/.test(raw) && isRowId(Number(raw));
}
