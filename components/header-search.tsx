"use client";

import { useEffect, useId, useRef, useState } from "react";

type Suggestion = {
  people: Array<{ id: number; nameHi: string; nameEn: string; post: { titleHi: string; titleEn: string; unitHi: string; unitEn: string } | null }>;
  units: Array<{ id: number; level: string; nameHi: string; nameEn: string }>;
};

/**
 * The search box on every page: a plain GET form (works without JavaScript), with suggestions
 * from /api/search as the user types.
 */
export function HeaderSearch({
  labels,
  levels,
  locale,
  initial = "",
}: {
  labels: { label: string; placeholder: string; submit: string; suggestions: string; allResults: string };
  levels: Record<string, string>;
  locale: string;
  initial?: string;
}) {
  const [q, setQ] = useState(initial);
  const [result, setResult] = useState<{ q: string; data: Suggestion } | null>(null);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const name = (x: { nameHi: string; nameEn: string }) => (locale === "hi" ? x.nameHi : x.nameEn);

  // Words typed before the JavaScript arrived are in the box but not in the state: take them over.
  useEffect(() => {
    const typed = input.current?.value ?? "";
    if (typed !== initial) {
      setQ(typed);
      setOpen(document.activeElement === input.current);
    }
  }, [initial]);

  useEffect(() => {
    const query = q.trim();
    if (query.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/search?q=${encodeURIComponent(query)}`, { signal: controller.signal })
        .then((r) => (r.ok ? r.json() : null))
        .then((data: Suggestion | null) => data && setResult({ q: query, data }))
        .catch(() => {});
    }, 180);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  const data = result && result.q === q.trim() ? result.data : null;
  const show = open && q.trim().length >= 2 && data && (data.people.length > 0 || data.units.length > 0);

  return (
    <form action="/search" method="get" role="search" className="header-search" onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setOpen(false)}>
      <label htmlFor="header-q" className="visually-hidden">
        {labels.label}
      </label>
      <input
        id="header-q"
        ref={input}
        name="q"
        type="search"
        value={q}
        autoComplete="off"
        placeholder={labels.placeholder}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => e.key === "Escape" && setOpen(false)}
        aria-controls={listId}
        aria-expanded={show ? true : false}
        aria-autocomplete="list"
        role="combobox"
      />
      <button type="submit" className="header-search-button">
        {labels.submit}
      </button>
      <div id={listId} className="suggestions" hidden={!show} aria-label={labels.suggestions} role="listbox">
        {show
          ? [
              ...data.people.map((p) => (
                <a key={`p${p.id}`} href={`/people/${p.id}`} role="option" aria-selected={false} className="suggestion">
                  <span className="holder-name" lang="hi">{p.nameHi}</span> <span className="holder-latin">{p.nameEn}</span>
                  {p.post ? <span className="muted small"> · {name({ nameHi: p.post.titleHi, nameEn: p.post.titleEn })}, {name({ nameHi: p.post.unitHi, nameEn: p.post.unitEn })}</span> : null}
                </a>
              )),
              ...data.units.map((u) => (
                <a key={`u${u.id}`} href={`/units/${u.id}`} role="option" aria-selected={false} className="suggestion">
                  {name(u)} <span className="level-tag">{levels[u.level] ?? u.level}</span>
                </a>
              )),
              <a key="all" href={`/search?q=${encodeURIComponent(q.trim())}`} role="option" aria-selected={false} className="suggestion all">
                {labels.allResults}
              </a>,
            ]
          : null}
      </div>
    </form>
  );
}
