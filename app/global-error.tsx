"use client";

import "@fontsource-variable/noto-sans-devanagari/wght.css";
import "./globals.css";
import { ErrorNotice } from "@/components/error-notice";

/**
 * When the root layout itself fails (it reads the session, so a database fault lands here when
 * app/layout.tsx does not catch it): the whole document, with no header and no server texts.
 * Without this file Next shows its own English page.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="hi">
      <body>
        <main id="main" className="page">
          <ErrorNotice digest={error.digest} reset={reset} />
        </main>
      </body>
    </html>
  );
}
