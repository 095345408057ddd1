/**
 * A coverage bar as server-rendered SVG (no chart JavaScript on the phone). Colours that survive a
 * cheap screen in sunlight: dark red under half, dark amber under 80 %, dark green above. The
 * numbers always stand beside it in text; the bar itself is hidden from screen readers.
 */
export function CoverageBar({ filled, total }: { filled: number; total: number }) {
  const pct = total > 0 ? (filled / total) * 100 : 0;
  const colour = pct < 50 ? "#b91c1c" : pct < 80 ? "#b45309" : "#166534";
  return (
    <svg className="coverage-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect x="0" y="0" width="100" height="10" fill="#e7e5e4" />
      <rect x="0" y="0" width={pct.toFixed(2)} height="10" fill={colour} />
    </svg>
  );
}

/** Indian digit grouping (1,23,456) in both languages, Latin digits. */
export function formatCount(locale: string, n: number): string {
  return new Intl.NumberFormat(locale === "hi" ? "hi-IN-u-nu-latn" : "en-IN").format(n);
}

export function percent(filled: number, total: number): number {
  return total > 0 ? Math.round((filled / total) * 100) : 0;
}
