"use client";

// Client error boundaries get no server translations: both languages are shown.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="centered" role="alert">
      <h1>कुछ गलत हो गया · Something went wrong</h1>
      <p>पृष्ठ लोड नहीं हो सका। · The page could not be loaded.</p>
      <button type="button" className="button" onClick={reset}>
        फिर कोशिश करें · Try again
      </button>
    </div>
  );
}
