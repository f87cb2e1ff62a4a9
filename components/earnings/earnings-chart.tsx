import type { EarningsCareer } from "@/lib/earnings/compute-earnings";
import { END_AGE, START_AGE } from "@/lib/earnings/compute-earnings";

/** Line styles told apart by dash as well as colour (never colour alone). */
export const LINE_STYLES = [
  { color: "#1f5fbf", dash: undefined, name: "solid line" },
  { color: "#a14a00", dash: "7 4", name: "dashed line" },
  { color: "#2b7a2b", dash: "2 3", name: "dotted line" },
] as const;

const WIDTH = 360;
const HEIGHT = 250;
const MARGIN = { left: 58, right: 12, top: 10, bottom: 38 };
/**
 * Labels in view-box units: drawn at 390 px the box is about 358 px wide (scale ≈ 0.99), so 13
 * units are about 12.9 CSS pixels; no label is smaller than 12 px on a phone (e2e/reader/earnings.spec.ts).
 */
const FONT_SIZE = 13;

/** $1.2M, $450k, −$38k: short labels that fit a phone's width. */
export function formatShortDollars(value: number): string {
  const sign = value < 0 ? "−" : "";
  const abs = Math.abs(value);
  if (abs >= 1_000_000) return `${sign}$${(abs / 1_000_000).toFixed(abs >= 10_000_000 ? 0 : 1)}M`;
  if (abs >= 1_000) return `${sign}$${Math.round(abs / 1_000)}k`;
  return `${sign}$${Math.round(abs)}`;
}

/** About five round steps (1, 2 or 5 × a power of ten) from at or below min to at or above max. */
export function ticks(min: number, max: number): number[] {
  const raw = (max - min) / 5 || 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw)!;
  // From a step at or below the minimum to one at or above the maximum: every line stays inside the plot.
  const first = Math.floor(min / step) * step;
  const last = Math.ceil(max / step) * step;
  const values: number[] = [];
  for (let value = first; value <= last + step / 1e6; value += step) values.push(value);
  return values;
}

/**
 * Cumulative earnings minus education cost by age, one line per career, as plain SVG
 * (scales with its container: readable at 390 px). The table beside it carries the same figures.
 */
export function EarningsChart({ careers }: { careers: readonly EarningsCareer[] }) {
  const values = careers.flatMap((career) => career.years.map((year) => year.cumulative));
  const yTicks = ticks(Math.min(0, ...values), Math.max(0, ...values));
  const yMin = yTicks[0]!;
  const yMax = yTicks.at(-1)!;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (age: number) => MARGIN.left + ((age - START_AGE) / (END_AGE - START_AGE)) * plotWidth;
  const y = (value: number) => MARGIN.top + (1 - (value - yMin) / (yMax - yMin || 1)) * plotHeight;
  const ages = [18, 25, 35, 45, 55, 65];
  return (
    <figure className="earnings-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="earnings-chart-title earnings-chart-desc" width="100%">
        <title id="earnings-chart-title">Cumulative earnings minus education cost by age</title>
        <desc id="earnings-chart-desc">
          {careers
            .map((career, index) => `${career.title} (${LINE_STYLES[index]?.name}): ${formatShortDollars(career.years.at(-1)!.cumulative)} by ${END_AGE}`)
            .join("; ")}
          . The table below gives the figures.
        </desc>
        {yTicks.map((value) => (
          <g key={value}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(value)} y2={y(value)} stroke={value === 0 ? "#333" : "#ddd"} strokeWidth={value === 0 ? 1.2 : 1} />
            <text x={MARGIN.left - 4} y={y(value) + 4.5} textAnchor="end" fontSize={FONT_SIZE} fill="#333">
              {formatShortDollars(value)}
            </text>
          </g>
        ))}
        {ages.map((age) => (
          // The first age starts at its tick rather than centring on it: centred, it ran into the lowest value label.
          <text key={age} x={age === START_AGE ? x(age) - 3 : x(age)} y={HEIGHT - MARGIN.bottom + 17} textAnchor={age === START_AGE ? "start" : "middle"} fontSize={FONT_SIZE} fill="#333">
            {age}
          </text>
        ))}
        <text x={MARGIN.left + plotWidth / 2} y={HEIGHT - 4} textAnchor="middle" fontSize={FONT_SIZE} fill="#333">
          Age
        </text>
        {careers.map((career, index) => {
          const style = LINE_STYLES[index]!;
          return (
            <g key={career.slug}>
              <polyline
                fill="none"
                stroke={style.color}
                strokeWidth="2.2"
                strokeDasharray={style.dash}
                points={career.years.map((year) => `${x(year.age).toFixed(1)},${y(year.cumulative).toFixed(1)}`).join(" ")}
              />
              {career.breakEven.kind === "age" && <circle cx={x(career.breakEven.age)} cy={y(0)} r="3.5" fill={style.color} />}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="earnings-legend">
          {careers.map((career, index) => {
            const style = LINE_STYLES[index]!;
            return (
              <li key={career.slug}>
                <svg viewBox="0 0 28 10" width="28" height="10" aria-hidden="true">
                  <line x1="0" x2="28" y1="5" y2="5" stroke={style.color} strokeWidth="2.5" strokeDasharray={style.dash} />
                </svg>{" "}
                {career.title} ({style.name})
              </li>
            );
          })}
        </ul>
        A dot on the zero line marks the age at which earnings have paid back the education cost.
      </figcaption>
    </figure>
  );
}
