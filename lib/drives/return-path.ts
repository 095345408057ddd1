/**
 * Where a form opened from a drive's page goes back to after saving (the "भरें" link of a vacant
 * seat). Only a drive's own page on this site, by an exact pattern, so a crafted link can never send
 * anyone elsewhere (no open redirect): "/drives/<id>" or "/drives/<id>?unit=<id>", nothing more.
 */
const DRIVE_PAGE = /^\/drives\/\d{1,12}(?:\?unit=\d{1,12})?$/;

export function driveReturnPath(raw: unknown): string | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === "string" && DRIVE_PAGE.test(value) ? value : null;
}

/** The drive's page, saying the seat was filled. */
export function withSavedFlag(path: string): string {
  return `${path}${path.includes("?") ? "&" : "?"}filled=1`;
}
