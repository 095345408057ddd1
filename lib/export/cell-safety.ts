/**
 * Spreadsheet formula injection: a cell that begins with = + - @, a tab or a carriage return may
 * be run as a formula by Excel or Sheets. Such cells get a leading apostrophe, which spreadsheets
 * read as "this is text" (OWASP's advice). Numbers we write ourselves never start that way.
 */
const DANGEROUS_START = /^[=+\-@\t\r]/;

export function safeCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return DANGEROUS_START.test(text) ? `'${text}` : text;
}
