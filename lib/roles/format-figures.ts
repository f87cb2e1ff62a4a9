const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** $93,600 */
export function formatDollars(value: number): string {
  return dollars.format(value);
}

/** +12.5 % / −2 % (one decimal at most, as BLS publishes). */
export function formatPercentChange(value: number): string {
  const sign = value > 0 ? "+" : value < 0 ? "−" : "";
  return `${sign}${Math.abs(value).toLocaleString("en-US", { maximumFractionDigits: 1 })} %`;
}

/** Openings per year from Table 1.2's thousands: 15.0 → "15,000". */
export function formatOpenings(thousands: number): string {
  return whole.format(thousands * 1000);
}

export function formatCount(value: number): string {
  return whole.format(value);
}
