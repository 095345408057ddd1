import type { TrendPoint } from "@/lib/coverage/trend";
import { formatCount } from "./bar";

/**
 * Filled seats at each month-end as a server-rendered SVG line (a few lines of geometry: a linear
 * scale from zero to the largest count), with the same numbers as a table beneath.
 */
export function TrendChart({ points, locale, title, tableLabel }: { points: TrendPoint[]; locale: string; title: string; tableLabel: string }) {
  const W = 300;
  const H = 90;
  const pad = { l: 6, r: 6, t: 10, b: 18 };
  const values = points.map((p) => p.filled);
  // From zero: a line that starts at its lowest value would make a small change look like a cliff.
  const lo = 0;
  const span = Math.max(...values, 1);
  const x = (i: number) => pad.l + (i * (W - pad.l - pad.r)) / Math.max(1, points.length - 1);
  const y = (v: number) => pad.t + (1 - (v - lo) / span) * (H - pad.t - pad.b);
  const month = new Intl.DateTimeFormat(locale === "hi" ? "hi-IN" : "en-IN", { month: "short", timeZone: "UTC" });
  const monthYear = new Intl.DateTimeFormat(locale === "hi" ? "hi-IN" : "en-IN", { month: "long", year: "numeric", timeZone: "UTC" });
  const label = (d: string) => month.format(new Date(`${d}T00:00:00Z`));
  const line = points.map((p, i) => `${x(i).toFixed(1)},${y(p.filled).toFixed(1)}`).join(" ");
  return (
    <figure className="trend">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="trend-chart" aria-hidden="true" focusable="false">
        <polyline points={line} fill="none" stroke="#9a3412" strokeWidth="2.5" strokeLinejoin="round" />
        {points.map((p, i) => (
          <circle key={p.monthEnd} cx={x(i)} cy={y(p.filled)} r="2.5" fill="#9a3412" />
        ))}
        {[0, points.length - 1].map((i) => (
          <text key={i} x={x(i)} y={H - 4} fontSize="10" textAnchor={i === 0 ? "start" : "end"} fill="#57534e">
            {label(points[i].monthEnd)} · {formatCount(locale, points[i].filled)}
          </text>
        ))}
      </svg>
      <details>
        <summary>{tableLabel}</summary>
        <table className="coverage-table">
          <tbody>
            {points.map((p) => (
              <tr key={p.monthEnd}>
                <th scope="row">{monthYear.format(new Date(`${p.monthEnd}T00:00:00Z`))}</th>
                <td>{formatCount(locale, p.filled)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
