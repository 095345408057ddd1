/**
 * How scripts/serve.mjs answers a request the database failed (db/errors.ts marks it): as 503 with
 * Retry-After, and a 500's bare body replaced by a page in both languages. Plain JavaScript: the
 * production server runs it without a compiler.
 */
import { readFileSync } from "node:fs";

// The database's sentences (messages/*/database.json), Hindi first: a 500 the database caused is
// answered with them instead of Next's bare "Internal Server Error" (a form sent without JavaScript,
// a download) — no session or locale is known by then, so both languages.
const sentences = ["hi", "en"].map((lang) => ({ lang, ...JSON.parse(readFileSync(new URL(`../messages/${lang}/database.json`, import.meta.url), "utf8")).database }));
const escape = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
/** The page for a request the database failed: a form sent (POST) is told nothing was saved and how to send it again. */
const unavailablePage = (sent) =>
  `<!doctype html><html lang="hi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(sentences[0].unreachableTitle)}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.6">${sentences
    .map((s) => `<section lang="${s.lang}"><h1 style="font-size:1.3rem">${escape(s.unreachableTitle)}</h1><p>${escape(s.unreachable)}</p>${sent ? `<p>${escape(s.notSent)}</p>` : ""}</section>`)
    .join("<hr>")}</body></html>`;

/**
 * Sends the response as 503 when the database failed the request: a page or download Next answered
 * 200 (the layout's "unreachable" page) or any 500 — whose body becomes the page above unless the
 * app's scripts asked (they word Next's answer themselves, app/error.tsx). A form's
 * answer (a POST answered 200) keeps its status: it carries the form's own sentence, which the page shows.
 */
export function answerUnavailableAs503(req, res, seen) {
  const { writeHead, write, end } = res;
  const read = req.method === "GET" || req.method === "HEAD";
  // The app's own scripts (a server action, a client navigation) read Next's body: it names the trouble.
  const fromScripts = req.headers["next-action"] !== undefined || req.headers.rsc !== undefined;
  let replaced = false;
  res.writeHead = function (statusCode, ...rest) {
    if (seen.unavailable && (statusCode === 500 || (statusCode === 200 && read))) {
      this.setHeader("cache-control", "no-store");
      this.setHeader("retry-after", "30");
      const headers = rest.filter((r) => typeof r !== "string");
      if (statusCode === 500 && !fromScripts) {
        replaced = true;
        this.removeHeader("content-length");
        this.removeHeader("content-encoding");
        this.setHeader("content-type", "text/html; charset=utf-8");
        return writeHead.call(this, 503);
      }
      return writeHead.call(this, 503, ...headers);
    }
    return writeHead.call(this, statusCode, ...rest);
  };
  // Next's body must not start before the head is decided: a first write sends the head implicitly.
  const decideHead = (response) => {
    if (!response.headersSent && seen.unavailable && response.statusCode === 500) response.writeHead(500);
  };
  res.write = function (chunk, ...rest) {
    decideHead(this);
    if (replaced) return true;
    return write.call(this, chunk, ...rest);
  };
  res.end = function (...args) {
    decideHead(this);
    if (replaced) return end.call(this, req.method === "HEAD" ? undefined : unavailablePage(!read));
    return end.call(this, ...args);
  };
}

