import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { limitFromEnv } from "@/lib/rate-limit/consume-rate-limit";

/** How long a granted verification shows its badge: VERIFICATION_VALID_DAYS, default 730 (two years). */
export function verificationValidDays(): number {
  return limitFromEnv("VERIFICATION_VALID_DAYS", 730);
}

/** How long a work-email confirmation link works. */
export const WORK_EMAIL_LINK_MAX_AGE_MS = 24 * 3600_000;

/** Verifications that show a badge at `now`: granted, not revoked, not expired. */
export function activeVerificationWhere(now: Date): Prisma.PractitionerVerificationWhereInput {
  return { status: "GRANTED", expiresAt: { gt: now } };
}
