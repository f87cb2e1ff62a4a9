// Number formatting shared by the page, its Markdown export and compare: one place, so
// the same figure reads the same everywhere.

/** OEWS's top code: `#` cells are at or above these (May 2023 and May 2024 estimates). */
export const OEWS_TOP_CODE = { annual: 239_200, hourly: 115 } as const;

const wholeDollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const centDollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatAnnual(value: number | null, topCoded = false): string {
  if (topCoded) return `≥ ${wholeDollars.format(OEWS_TOP_CODE.annual)}`;
  return value === null ? "not published" : wholeDollars.format(value);
}

export function formatHourly(value: number | null, topCoded = false): string {
  if (topCoded) return `≥ ${centDollars.format(OEWS_TOP_CODE.hourly)}`;
  return value === null ? "not published" : centDollars.format(value);
}

export function formatDollars(value: number | null): string {
  return value === null ? "not available" : wholeDollars.format(value);
}

export function formatCount(value: number | null): string {
  return value === null ? "not published" : whole.format(value);
}

/** A ratio as BLS publishes it (jobs per 1,000, location quotient): 4.763 → "4.76". */
export function formatRatio(value: number | null): string {
  return value === null ? "not published" : twoDecimals.format(value);
}

/** BLS projections publish employment in thousands: 472.0 → "472,000". */
export function formatThousands(value: number | null): string {
  return value === null ? "not published" : whole.format(Math.round(value * 1000));
}

/** A signed percentage with one decimal: +8.2%, −1.5%, 0.0%. */
export function formatChange(value: number | null): string {
  if (value === null) return "not published";
  const sign = value > 0 ? "+" : value < 0 ? "−" : "";
  return `${sign}${oneDecimal.format(Math.abs(value))}%`;
}

/** A percentile as an ordinal: 85.9 → "86th". */
export function formatPercentile(value: number | null): string {
  if (value === null) return "—";
  const n = Math.round(value);
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}

export function formatIndexValue(value: number | null): string {
  if (value === null) return "—";
  return Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(3);
}

export function formatShare(value: number): string {
  return `${oneDecimal.format(value)}%`;
}
