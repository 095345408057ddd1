import { describe, expect, it } from "vitest";
import {
  IDLE_MS,
  MAX_AGE_MS,
  copiesExpired,
  fold,
  isImmutable,
  isKeepable,
  isStatic,
  mainText,
  offlinePage,
  pageKey,
  pageSession,
  readKey,
  readLang,
  renderHits,
  searchSaved,
  showOfflineBanner,
  withoutScripts,
} from "./worker-rules";

const ORIGIN = "http://127.0.0.1:3000";
const at = (path: string) => new URL(path, ORIGIN);

describe("what the offline worker may keep", () => {
  it("keeps home, unit and person pages", () => {
    for (const path of ["/", "/units/12", "/units/12?psort=holder", "/people/7"]) expect(isKeepable(at(path), ORIGIN), path).toBe(true);
  });

  it("never keeps admin, audit, exports, imports, edit forms, login or account pages", () => {
    for (const path of [
      "/admin/accounts",
      "/admin/audit",
      "/admin/requests",
      "/api/export?unit=3",
      "/api/import/preview",
      "/units/12/import",
      "/units/12/manage",
      "/units/12/seats/4/1",
      "/people/7/edit",
      "/login",
      "/login/forgot",
      "/account/password",
      "/search?q=sanjay",
      "/offline",
      "/api/offline/own",
      "/coverage/3",
    ]) {
      expect(isKeepable(at(path), ORIGIN), path).toBe(false);
    }
  });

  it("keeps nothing from another origin", () => {
    expect(isKeepable(new URL("https://example.com/units/1"), ORIGIN)).toBe(false);
    expect(isStatic(new URL("https://example.com/_next/static/a.js"), ORIGIN)).toBe(false);
  });

  it("treats build output, icons, manifest and fonts as static; only build output as immutable", () => {
    expect(isStatic(at("/_next/static/chunks/a1b2.js"), ORIGIN)).toBe(true);
    expect(isStatic(at("/_next/static/media/noto.woff2"), ORIGIN)).toBe(true);
    expect(isStatic(at("/icons/icon-192.png"), ORIGIN)).toBe(true);
    expect(isStatic(at("/manifest.webmanifest"), ORIGIN)).toBe(true);
    expect(isStatic(at("/units/1"), ORIGIN)).toBe(false);
    expect(isImmutable(at("/_next/static/chunks/a1b2.js"))).toBe(true);
    expect(isImmutable(at("/icons/icon-192.png"))).toBe(false);
  });

  it("keys a page by path and query", () => {
    expect(pageKey(at("/units/3?csort=name"))).toBe(`${ORIGIN}/units/3?csort=name`);
  });
});

describe("whose page it is", () => {
  it("reads the session's offline key, or none", () => {
    expect(readKey('<html lang="hi"><body><meta name="offline-key" content="Ab3_-xYz12345678"/>')).toBe("Ab3_-xYz12345678");
    expect(readKey('<html lang="hi"><body><h1>लॉग इन</h1>')).toBeNull();
    // A key must look like one: markup smuggled into it is not read.
    expect(readKey('<meta name="offline-key" content="a&quot;><script>"/>')).toBeNull();
  });

  it("forgets the account only on a full page rendered for no session, never on a 404, an error shell or a 5xx", () => {
    const login = '<html lang="hi"><body><meta name="offline-key" content="none"/><h1>लॉग इन</h1>';
    expect(pageSession(login, 200)).toEqual({ kind: "none" });
    expect(pageSession('<html lang="hi"><body><meta name="offline-key" content="Ab3_-xYz12345678"/>', 200)).toEqual({ kind: "key", key: "Ab3_-xYz12345678" });
    // Next's error shell for notFound(): no meta at all.
    expect(pageSession('<!DOCTYPE html><html id="__next_error__"><head></head><body><h1>404</h1></body></html>', 404)).toEqual({ kind: "unknown" });
    expect(pageSession('<!DOCTYPE html><html id="__next_error__"><body></body></html>', 200)).toEqual({ kind: "unknown" });
    expect(pageSession("<html><body>Internal Server Error</body></html>", 500)).toEqual({ kind: "unknown" });
    expect(pageSession(login, 404)).toEqual({ kind: "unknown" });
    expect(pageSession(login, 503)).toEqual({ kind: "unknown" });
  });

  it("reads the page's language", () => {
    expect(readLang('<html lang="en"><body>')).toBe("en");
    expect(readLang('<html lang="hi"><body>')).toBe("hi");
  });
});

const PAGE = `<html lang="hi"><head><script nonce="n">self.__next_f=[]</script></head><body><meta name="offline-key" content="key-12345678"/>
<p class="offline-banner" data-offline-banner="true" role="status" hidden="">ऑफ़लाइन — <time data-offline-time="true">--:--</time> पर सहेजा गया</p>
<main id="main"><h1>मखदुमपुर दक्षिणी मंडल <span class="level-tag">मंडल</span></h1><table><thead><tr><th>पद ↕</th></tr></thead><tr><td><a href="/people/4">संजय कुमार</a> Sanjay Kumar <a href="tel:+919000012345">+91 90000 12345</a></td></tr></table>
<textarea>share text संजय</textarea></main><script>hydrate()</script></body></html>`;

describe("a saved page shown offline", () => {
  it("shows the banner with the time it was saved, in India's time as the app writes it", () => {
    // 09:34 UTC is 3:04 in the afternoon in India, whatever the phone's own zone.
    const savedAt = new Date(Date.UTC(2026, 10, 30, 9, 34));
    const html = showOfflineBanner(PAGE, savedAt, "hi");
    expect(html).toContain('data-offline-banner="true" role="status">');
    expect(html).not.toContain('role="status" hidden=""');
    expect(html).toContain('<time data-offline-time="true">दोपहर 3:04</time>');
    expect(showOfflineBanner(PAGE, savedAt, "en")).toContain(">3:04 pm</time>");
    expect(showOfflineBanner(PAGE, new Date(Date.UTC(2026, 10, 30, 3, 0)), "hi")).toContain(">सुबह 8:30</time>");
    // Names, mobiles and tel: links are left as they were.
    expect(html).toContain('href="tel:+919000012345"');
  });
});

const SHELL = `<html lang="hi"><head><script src="/_next/static/chunks/app.js" async=""></script><link rel="preload" as="script" href="/x.js"/></head><body><main>
<section data-offline-mode="page" hidden=""><h1>आप ऑफ़लाइन हैं</h1></section>
<section data-offline-mode="search" hidden=""><h1>सहेजे गए पेजों में खोज: “{q}”</h1><div data-offline-results="true"></div><p class="offline-search-none">नहीं मिला</p></section>
<section data-offline-mode="post" hidden=""><h1>कुछ भी सहेजा नहीं गया</h1></section>
</main><script>self.__next_f.push([1,"{q}"])</script></body></html>`;

describe("the offline page", () => {
  it("is served without scripts, with only the section for the moment shown", () => {
    const html = offlinePage(SHELL, "post");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('as="script"');
    expect(html).toContain('<section data-offline-mode="post">');
    expect(html).toContain('<section data-offline-mode="page" hidden="">');
    expect(html).toContain('<section data-offline-mode="search" hidden="">');
  });

  it("puts the query and results in, escaped", () => {
    const html = offlinePage(SHELL, "search", { query: '<img src=x onerror="alert(1)">', results: "<ul><li>r</li></ul>" });
    expect(html).toContain("“&lt;img src=x onerror=&quot;alert(1)&quot;&gt;”");
    expect(html).not.toContain("<img");
    expect(html).toContain('<div data-offline-results="true"><ul><li>r</li></ul></div>');
  });

  it("strips every script, whatever its attributes", () => {
    expect(withoutScripts('<p>a</p><SCRIPT type="module">x()</SCRIPT><script nonce="1">\ny()\n</script><p>b</p>')).toBe("<p>a</p><p>b</p>");
  });
});

describe("offline search in saved pages", () => {
  const pages = [
    { url: `${ORIGIN}/units/9`, html: PAGE, savedAt: new Date() },
    { url: `${ORIGIN}/units/10`, html: "<main><h1>काको मंडल</h1><p>रानी कुमारी Rani Kumari</p></main>", savedAt: new Date() },
  ];

  it("finds names in either script and by mobile digits, with the page's title", () => {
    expect(searchSaved(pages, "sanjay").map((h) => h.url)).toEqual([`${ORIGIN}/units/9`]);
    expect(searchSaved(pages, "संजय कुमार")[0].title).toBe("मखदुमपुर दक्षिणी मंडल");
    expect(searchSaved(pages, "RANI kumari").map((h) => h.url)).toEqual([`${ORIGIN}/units/10`]);
    expect(searchSaved(pages, "90000 12345")).toHaveLength(1);
    expect(searchSaved(pages, "nobody")).toEqual([]);
    expect(searchSaved(pages, "  ")).toEqual([]);
  });

  it("finds a mobile however it is typed: run together, spaced, with +91 or 0, in Devanagari digits", () => {
    const person = { url: `${ORIGIN}/people/3`, html: "<main><h1>संजय कुमार</h1><p>मोबाइल <a>+91 90000 00003</a> व्हाट्सऐप</p></main>", savedAt: new Date() };
    for (const q of ["9000000003", "90000 00003", "+91 90000 00003", "+919000000003", "09000000003", "919000000003", "९००००००००३", "00003"]) {
      expect(searchSaved([person], q).map((h) => h.url), q).toEqual([`${ORIGIN}/people/3`]);
    }
    expect(searchSaved([person], "9000000004")).toEqual([]);
    // The snippet shows the number as the page does.
    expect(searchSaved([person], "9000000003")[0].snippet).toContain("+91 90000 00003");
    expect(fold("९०००० ०००-०३")).toBe("9000000003");
    // Numbers that are not mobiles keep their digits.
    expect(fold("0612 220")).toBe("0612220");
  });

  it("cuts the words around a hit at word boundaries", () => {
    const long = { url: `${ORIGIN}/units/11`, html: `<main><p>${"पहला शब्द ".repeat(20)}संजय कुमार ${"अगला शब्द ".repeat(20)}</p></main>`, savedAt: new Date() };
    const [hit] = searchSaved([long], "संजय");
    expect(hit.snippet).toMatch(/^…(पहला|शब्द) /);
    expect(hit.snippet).toMatch(/ (अगला|शब्द)…$/);
    expect(hit.snippet).toContain("संजय कुमार");
  });

  it("reads only what the page shows in its main part, not share text, table headings or scripts", () => {
    expect(mainText(PAGE)).not.toContain("↕");
    expect(mainText(PAGE)).not.toContain("share text");
    expect(mainText(PAGE)).not.toContain("hydrate");
  });

  it("renders hits as links to the saved pages, escaped; nothing for no hits", () => {
    const html = renderHits([{ url: `${ORIGIN}/units/9`, title: "<b>x</b>", snippet: "a & b" }], ORIGIN);
    expect(html).toContain('href="/units/9"');
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(html).toContain("a &amp; b");
    expect(renderHits([], ORIGIN)).toBe("");
  });
});

describe("how long saved copies may be read", () => {
  const since = Date.UTC(2026, 10, 30, 6, 0);
  it("until the server's idle logout since the phone last reached the server", () => {
    expect(IDLE_MS).toBe(2 * 60 * 60 * 1000);
    expect(copiesExpired({ since, lastActive: since }, since + IDLE_MS - 1000)).toBe(false);
    expect(copiesExpired({ since, lastActive: since }, since + IDLE_MS + 1000)).toBe(true);
    // Activity moves the window on.
    expect(copiesExpired({ since, lastActive: since + 3 * 60 * 60 * 1000 }, since + 4 * 60 * 60 * 1000)).toBe(false);
    // A state saved before lastActive existed counts from the session's start.
    expect(copiesExpired({ since }, since + IDLE_MS + 1000)).toBe(true);
  });

  it("never longer than a session lives, however active", () => {
    expect(copiesExpired({ since, lastActive: since + MAX_AGE_MS }, since + MAX_AGE_MS + 1000)).toBe(true);
  });
});
