// Dates and times as the site shows them: in UTC, in ISO order (2026-12-04 17:07 UTC), so a
// page reads the same whatever the server's or the reader's time zone, and says it is UTC.
// Built with Intl.DateTimeFormat (never by slicing an ISO string); shown in a <time dateTime>
// element by components/ui/date-time.tsx.

// Made on first use, not when the module loads: building the formatter loads the browser's
// time-zone data (about 14 ms of a page's start-up here), which a page that shows no date skips.
let utcPartsFormat: Intl.DateTimeFormat | undefined;

function utcParts(date: Date): Record<"year" | "month" | "day" | "hour" | "minute" | "second", string> {
  utcPartsFormat ??= new Intl.DateTimeFormat("en-US", {
    timeZone: "UTC",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
  const parts = Object.fromEntries(utcPartsFormat.formatToParts(date).map((part) => [part.type, part.value]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** 2026-12-04 */
export function formatDate(date: Date): string {
  const { year, month, day } = utcParts(date);
  return `${year}-${month}-${day}`;
}

/** 2026-12-04 17:07 UTC; with seconds (the audit log), 2026-12-04 17:07:42 UTC. */
export function formatDateTime(date: Date, { seconds = false } = {}): string {
  const { year, month, day, hour, minute, second } = utcParts(date);
  return `${year}-${month}-${day} ${hour}:${minute}${seconds ? `:${second}` : ""} UTC`;
}

/** 17:07 UTC */
export function formatTime(date: Date): string {
  const { hour, minute } = utcParts(date);
  return `${hour}:${minute} UTC`;
}

/** A waiting time to expect, in words, rounded up (a promise is never understated): "5 hours", "1 day", "3 days". */
export function formatWait(milliseconds: number): string {
  const hours = Math.max(1, Math.ceil(milliseconds / 3_600_000));
  if (hours < 24) return hours === 1 ? "1 hour" : `${hours} hours`;
  const days = Math.ceil(hours / 24);
  return days === 1 ? "1 day" : `${days} days`;
}

/** How long something has waited, rounded down: "under an hour", "5 hours", "1 day", "4 days". */
export function formatAge(milliseconds: number): string {
  const hours = Math.floor(milliseconds / 3_600_000);
  if (hours < 1) return "under an hour";
  if (hours < 24) return hours === 1 ? "1 hour" : `${hours} hours`;
  const days = Math.floor(hours / 24);
  return days === 1 ? "1 day" : `${days} days`;
}
