// Dates and times as the site shows them: in UTC, in ISO order (2026-12-04 17:07 UTC), so a
// page reads the same whatever the server's or the reader's time zone.

/** 2026-12-04 */
export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** 2026-12-04 17:07 UTC; with seconds (the audit log), 2026-12-04 17:07:42 UTC. */
export function formatDateTime(date: Date, { seconds = false } = {}): string {
  return `${date.toISOString().slice(0, seconds ? 19 : 16).replace("T", " ")} UTC`;
}

/** 17:07 UTC */
export function formatTime(date: Date): string {
  return `${date.toISOString().slice(11, 16)} UTC`;
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
