import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { sendLinkEmail } from "@/lib/auth/send-sign-in-email";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { consumeAccountEmailAllowance } from "@/lib/people/people-rate-limit";
import { consumeRateLimit, limitFromEnv } from "@/lib/rate-limit/consume-rate-limit";
import { siteUrl } from "@/lib/site-url.cjs";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { ZRequestVerificationInputSchema } from "./request-verification.types";
import { WORK_EMAIL_LINK_MAX_AGE_MS } from "./verification-period";

export interface RequestVerificationResult {
  verificationId: string;
  occupationTitle: string;
  /** The work address a confirmation link went to, if one was given. */
  confirmationSentTo: string | null;
}

/** The SHA-256 stored in place of a work-email token (the token itself is only in the email). */
export function hashWorkEmailToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * A contributor asks to be verified as a practitioner of one occupation, with evidence that
 * only they and the moderators see. One pending request per person and occupation (checked
 * under an advisory lock per person); asking again after a decision, or before a granted one
 * expires, is a renewal. A work email gets a confirmation link (its token stored hashed,
 * expiring after a day). Limited per person: VERIFICATION_REQUESTS_PER_HOUR (5).
 */
export async function requestVerification({ actor, input, now = new Date() }: { actor: Actor | null; input: unknown; now?: Date }): Promise<RequestVerificationResult> {
  assertCan(actor, "verification:request");
  const data = parseOrThrow(ZRequestVerificationInputSchema, input);
  const occupation = await prisma.occupation.findUnique({ where: { code: data.occupationCode }, select: { title: true } });
  if (!occupation) throw new AppError("INVALID_INPUT", "That occupation is not in Careerwiki.", { occupationCode: [`“${data.occupationCode}” is not an occupation in Careerwiki.`] });
  const limit = limitFromEnv("VERIFICATION_REQUESTS_PER_HOUR", 5);
  await consumeRateLimit({ key: `verification:user:${actor.userId}`, limit, windowSeconds: 3600, message: `You have sent the most verification requests allowed in one hour (${limit}).` }, now);
  if (data.workEmail) await consumeAccountEmailAllowance(actor.userId, now);
  const token = data.workEmail ? randomBytes(32).toString("base64url") : null;
  const verificationId = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`verification:${actor.userId}`}))`;
    const pending = await tx.practitionerVerification.count({ where: { userId: actor.userId, occupationCode: data.occupationCode, status: "PENDING" } });
    if (pending > 0) throw new AppError("CONFLICT", `You already have a request for ${occupation.title} waiting for a moderator.`);
    const created = await tx.practitionerVerification.create({
      data: {
        userId: actor.userId,
        occupationCode: data.occupationCode,
        credentialIssuer: data.credentialIssuer,
        credentialNumber: data.credentialNumber,
        referenceUrl: data.referenceUrl,
        workEmail: data.workEmail,
        workEmailTokenHash: token ? hashWorkEmailToken(token) : null,
        workEmailTokenExpires: token ? new Date(now.getTime() + WORK_EMAIL_LINK_MAX_AGE_MS) : null,
        note: data.note,
        requestedAt: now,
      },
      select: { id: true },
    });
    return created.id;
  });
  if (token && data.workEmail) {
    await sendLinkEmail({
      to: data.workEmail,
      url: workEmailConfirmUrl(token),
      expires: new Date(now.getTime() + WORK_EMAIL_LINK_MAX_AGE_MS),
      subject: "Confirm your work address for Careerwiki",
      intro: `Someone asked Careerwiki to verify them as a practitioner of ${occupation.title}, with this work address as evidence. Open this link to confirm you read mail here:`,
      button: "Confirm my work address",
      ifNotAsked: "If you did not ask for it, ignore this email: the address is not confirmed without the link.",
    });
  }
  return { verificationId, occupationTitle: occupation.title, confirmationSentTo: data.workEmail };
}

/** The link in the work-email confirmation: a page that asks for one more click (mail scanners follow links). */
export function workEmailConfirmUrl(token: string): string {
  return new URL(`/me/verifications/confirm?${new URLSearchParams({ token })}`, siteUrl()).toString();
}
