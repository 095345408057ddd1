/**
 * The digests DatabaseBusy and DatabaseUnreachable carry (db/errors.ts). Next hands a thrown error's
 * own digest to the browser's error boundaries, which import this file (and nothing server-side).
 */
export const BUSY_DIGEST = "DATABASE_BUSY";
export const UNREACHABLE_DIGEST = "DATABASE_UNREACHABLE";

export type DatabaseTrouble = "busy" | "unreachable";

/** The trouble an error boundary's digest names, or null. */
export function troubleOfDigest(digest: string | undefined): DatabaseTrouble | null {
  return digest === BUSY_DIGEST ? "busy" : digest === UNREACHABLE_DIGEST ? "unreachable" : null;
}
