import { CoverageBar, formatCount, percent } from "@/components/coverage/bar";

/** Done / total as text (Indian digit grouping) with its bar beneath; the bar is hidden from screen readers. */
export function DriveFigure({ done, total, locale, t }: { done: number; total: number; locale: string; t: (key: string, values?: Record<string, string | number>) => string }) {
  return (
    <>
      <span className="coverage-figure drive-figure">{t("drives.figure", { done: formatCount(locale, done), total: formatCount(locale, total), pct: percent(done, total) })}</span>
      <CoverageBar filled={done} total={total} />
    </>
  );
}
