import { getTranslations } from "next-intl/server";
import { LEVELS, type Level } from "@/lib/tree";
import type { CoverageRow } from "@/lib/coverage/coverage";
import { localName } from "@/lib/i18n/names";
import type { TrendPoint } from "@/lib/coverage/trend";
import { CoverageBar, formatCount, percent } from "./bar";
import { TrendChart } from "./trend-chart";

/** Seats filled by level below a unit (and, folded, by body): the first thing a leader asks. */
export async function CoveragePanel({
  unitId,
  rows,
  locale,
  trend,
  whereLink = true,
}: {
  unitId: number;
  rows: CoverageRow[];
  locale: string;
  trend?: TrendPoint[] | null;
  /** The link to the unit's "कहाँ अधूरा है?" page; off on that page itself. */
  whereLink?: boolean;
}) {
  const t = await getTranslations();
  const byLevel = new Map<Level, { filled: number; total: number }>();
  for (const r of rows) {
    const e = byLevel.get(r.level) ?? { filled: 0, total: 0 };
    e.filled += r.filled;
    e.total += r.total;
    byLevel.set(r.level, e);
  }
  const levels = LEVELS.filter((l) => byLevel.has(l));
  const line = (filled: number, total: number) => `${formatCount(locale, filled)} / ${formatCount(locale, total)} · ${percent(filled, total)}%`;
  return (
    <section className="coverage" aria-labelledby={`coverage-${unitId}`}>
      <h3 id={`coverage-${unitId}`}>{t("coverage.panelTitle")}</h3>
      <table className="coverage-table">
        <caption className="visually-hidden">{t("coverage.table")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("coverage.level")}</th>
            <th scope="col">{t("coverage.filled")}</th>
          </tr>
        </thead>
        <tbody>
          {levels.map((level) => {
            const e = byLevel.get(level)!;
            return (
              <tr key={level}>
                <th scope="row">{t(`levels.${level}`)}</th>
                <td>
                  <span className="coverage-figure">{line(e.filled, e.total)}</span>
                  <CoverageBar filled={e.filled} total={e.total} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <details className="coverage-bodies">
        <summary>{t("coverage.byBody")}</summary>
        <table className="coverage-table">
          <caption className="visually-hidden">{t("coverage.byBody")}</caption>
          <tbody>
            {levels.flatMap((level) =>
              rows
                .filter((r) => r.level === level)
                .map((r) => (
                  <tr key={`${level}-${r.bodyId}`}>
                    <th scope="row">
                      {t(`levels.${level}`)} · {localName(locale, { nameHi: r.bodyHi, nameEn: r.bodyEn })}
                    </th>
                    <td>
                      <span className="coverage-figure">{line(r.filled, r.total)}</span>
                      <CoverageBar filled={r.filled} total={r.total} />
                    </td>
                  </tr>
                )),
            )}
          </tbody>
        </table>
      </details>
      {trend ? <TrendChart points={trend} locale={locale} title={t("coverage.trend")} tableLabel={t("coverage.table")} /> : null}
      {whereLink ? (
        <p>
          <a href={`/coverage/${unitId}`} className="button button-secondary">
            {t("coverage.where")}
          </a>
        </p>
      ) : null}
    </section>
  );
}
