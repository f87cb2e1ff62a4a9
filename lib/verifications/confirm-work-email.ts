import "server-only";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { consumeAccountConfirmationAllowance } from "@/lib/people/people-rate-limit";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { hashWorkEmailToken } from "./request-verification";
import { ZWorkEmailTokenSchema } from "./request-verification.types";

const LINK_GONE = "This link has expired or was already used. Ask again from your verifications page.";

/**
 * Confirms a request's work address, once: the token from the email is the proof (the person
 * may read their work mail on another device, without a session). Unknown, used and expired
 * tokens are refused alike; attempts are limited per client address. Audited.
 */
export async function confirmWorkEmail({ token, ip, now = new Date() }: { token: unknown; ip: string; now?: Date }): Promise<{ workEmail: string }> {
  const tokenHash = hashWorkEmailToken(parseOrThrow(ZWorkEmailTokenSchema, token));
  await consumeAccountConfirmationAllowance(ip, now);
  return prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string; userId: string; workEmail: string }[]>`
      UPDATE "PractitionerVerification" SET "workEmailConfirmedAt" = ${now}, "workEmailTokenHash" = NULL
      WHERE "workEmailTokenHash" = ${tokenHash} AND "workEmailTokenExpires" > ${now} AND "workEmailConfirmedAt" IS NULL
      RETURNING id, "userId", "workEmail"`;
    if (!row) throw new AppError("NOT_FOUND", LINK_GONE);
    await recordAuditEntry(tx, { actor: { userId: row.userId }, action: "verification.confirm-email", target: { type: "verification", id: row.id }, after: { workEmailConfirmed: true } });
    return { workEmail: row.workEmail };
  });
}

/** What a confirmation link is about, for the page that asks for the last click; null when unknown, used or expired. */
export async function getWorkEmailConfirmation({ token, now = new Date() }: { token: unknown; now?: Date }): Promise<{ workEmail: string; occupationTitle: string } | null> {
  const parsed = ZWorkEmailTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const row = await prisma.practitionerVerification.findFirst({
    where: { workEmailTokenHash: hashWorkEmailToken(parsed.data), workEmailTokenExpires: { gt: now }, workEmailConfirmedAt: null },
    select: { workEmail: true, occupationCode: true },
  });
  if (!row?.workEmail) return null;
  const occupation = await prisma.occupation.findUnique({ where: { code: row.occupationCode }, select: { title: true } });
  return { workEmail: row.workEmail, occupationTitle: occupation?.title ?? row.occupationCode };
}
