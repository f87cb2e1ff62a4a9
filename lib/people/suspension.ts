import { formatDateTime } from "@/lib/dates";

/** The suspension columns of a User row. */
interface SuspensionState {
  bannedAt: Date | null;
  bannedUntil: Date | null;
}

/**
 * Whether a suspension applies at `now`: set, and either indefinite or not yet over. An
 * expired suspension stops applying by itself, with no job to lift it (the row keeps it
 * until a moderator lifts it or suspends again, so the history stays readable).
 */
export function isSuspended(user: SuspensionState, now = new Date()): boolean {
  return user.bannedAt !== null && (user.bannedUntil === null || user.bannedUntil > now);
}

/** "until 2026-12-31 18:00 UTC" or "indefinitely". */
export function describeSuspensionEnd(until: Date | null): string {
  return until ? `until ${formatDateTime(until)}` : "indefinitely";
}
