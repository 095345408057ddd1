"use client";

import { troubleOfDigest } from "@/db/trouble-digests";
import en from "@/messages/en/database.json";
import hi from "@/messages/hi/database.json";

// Client error boundaries get no server translations: both languages are shown, Hindi first.
const both = (key: "unreachableTitle" | "unreachable" | "busy") => `${hi.database[key]} · ${en.database[key]}`;

/**
 * What the error boundary (app/error.tsx) shows: the database's own
 * sentence when the error's digest says it was busy or did not answer (db/errors.ts), else the
 * general one.
 */
export function ErrorNotice({ digest, reset }: { digest?: string; reset: () => void }) {
  const trouble = troubleOfDigest(digest);
  return (
    <div className="centered" role="alert">
      <h1>{trouble === "unreachable" ? both("unreachableTitle") : "कुछ गलत हो गया · Something went wrong"}</h1>
      <p>{trouble ? both(trouble) : "पृष्ठ लोड नहीं हो सका। · The page could not be loaded."}</p>
      <button type="button" className="button" onClick={reset}>
        फिर कोशिश करें · Try again
      </button>
    </div>
  );
}
