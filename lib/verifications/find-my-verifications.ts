import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import type { VerificationStatus } from "@/lib/generated/prisma/enums";

export interface MyVerification {
  id: string;
  occupationCode: string;
  occupationTitle: string;
  /** EXPIRED: granted, but its period is over (ask again to renew). */
  state: VerificationStatus | "EXPIRED";
  requestedAt: Date;
  decidedAt: Date | null;
  expiresAt: Date | null;
  /** The moderator's reason (a decision or a revocation). */
  reason: string | null;
  evidence: { credential: string | null; referenceUrl: string | null; workEmail: string | null; workEmailConfirmed: boolean };
}

/** The actor's own verification requests, newest first, with their evidence (theirs to see). */
export async function findMyVerifications({ actor, now = new Date() }: { actor: Actor | null; now?: Date }): Promise<MyVerification[]> {
  assertCan(actor, "verification:request");
  const rows = await prisma.practitionerVerification.findMany({ where: { userId: actor.userId }, orderBy: [{ requestedAt: "desc" }, { id: "desc" }], take: 100 });
  const titles = new Map((await prisma.occupation.findMany({ where: { code: { in: rows.map((r) => r.occupationCode) } }, select: { code: true, title: true } })).map((o) => [o.code, o.title]));
  return rows.map((row) => ({
    id: row.id,
    occupationCode: row.occupationCode,
    occupationTitle: titles.get(row.occupationCode) ?? row.occupationCode,
    state: row.status === "GRANTED" && row.expiresAt && row.expiresAt <= now ? "EXPIRED" : row.status,
    requestedAt: row.requestedAt,
    decidedAt: row.revokedAt ?? row.decidedAt,
    expiresAt: row.expiresAt,
    reason: row.status === "REVOKED" ? row.revokeReason : row.decisionReason,
    evidence: {
      credential: row.credentialIssuer ? `${row.credentialIssuer}, ${row.credentialNumber ?? ""}` : null,
      referenceUrl: row.referenceUrl,
      workEmail: row.workEmail,
      workEmailConfirmed: row.workEmailConfirmedAt !== null,
    },
  }));
}
