import { formatDate, formatDateTime, formatTime } from "@/lib/dates";

interface DateTimeProps {
  /** A Date, or an ISO string from a view model. */
  value: Date | string;
  /** What to show: the day (2026-12-04), the minute (2026-12-04 17:07 UTC, the default), the second, or the time of day (17:07 UTC). */
  precision?: "date" | "minute" | "second" | "time";
}

/** Every date shown to people: formatted by lib/dates.ts, in a <time> element carrying the exact instant. */
export function DateTime({ value, precision = "minute" }: DateTimeProps) {
  const date = typeof value === "string" ? new Date(value) : value;
  const text =
    precision === "date" ? formatDate(date) : precision === "time" ? formatTime(date) : formatDateTime(date, { seconds: precision === "second" });
  return <time dateTime={date.toISOString()}>{text}</time>;
}
