import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { findDisplayNames, nameOf } from "@/lib/community/find-display-names";
import { prisma } from "@/lib/db/prisma";
import { activeVerificationWhere } from "./verification-period";

export interface VerificationForModerators {
  id: string;
  userId: string;
  personName: string;
  occupationCode: string;
  occupationTitle: string;
  requestedAt: Date;
  decidedAt: Date | null;
  expiresAt: Date | null;
  decisionReason: string | null;
  credentialIssuer: string | null;
  credentialNumber: string | null;
  referenceUrl: string | null;
  workEmail: string | null;
  workEmailConfirmed: boolean;
  note: string | null;
}

const PAGE = 100;

/**
 * What moderators work from: pending requests (oldest first) with their private evidence, and
 * the verifications that show a badge now (soonest to expire first), to revoke. 100 of each.
 */
export async function findVerificationRequests({ actor, now = new Date() }: { actor: Actor | null; now?: Date }): Promise<{ pending: VerificationForModerators[]; pendingCount: number; active: VerificationForModerators[]; activeCount: number }> {
  assertCan(actor, "verification:decide");
  const [pendingRows, pendingCount, activeRows, activeCount] = await Promise.all([
    prisma.practitionerVerification.findMany({ where: { status: "PENDING" }, orderBy: [{ requestedAt: "asc" }, { id: "asc" }], take: PAGE }),
    prisma.practitionerVerification.count({ where: { status: "PENDING" } }),
    prisma.practitionerVerification.findMany({ where: activeVerificationWhere(now), orderBy: [{ expiresAt: "asc" }, { id: "asc" }], take: PAGE }),
    prisma.practitionerVerification.count({ where: activeVerificationWhere(now) }),
  ]);
  const rows = [...pendingRows, ...activeRows];
  const [names, occupations] = await Promise.all([
    findDisplayNames(rows.map((r) => r.userId)),
    prisma.occupation.findMany({ where: { code: { in: [...new Set(rows.map((r) => r.occupationCode))] } }, select: { code: true, title: true } }),
  ]);
  const titles = new Map(occupations.map((o) => [o.code, o.title]));
  const view = (row: (typeof rows)[number]): VerificationForModerators => ({
    id: row.id,
    userId: row.userId,
    personName: nameOf(names, row.userId),
    occupationCode: row.occupationCode,
    occupationTitle: titles.get(row.occupationCode) ?? row.occupationCode,
    requestedAt: row.requestedAt,
    decidedAt: row.decidedAt,
    expiresAt: row.expiresAt,
    decisionReason: row.decisionReason,
    credentialIssuer: row.credentialIssuer,
    credentialNumber: row.credentialNumber,
    referenceUrl: row.referenceUrl,
    workEmail: row.workEmail,
    workEmailConfirmed: row.workEmailConfirmedAt !== null,
    note: row.note,
  });
  return { pending: pendingRows.map(view), pendingCount, active: activeRows.map(view), activeCount };
}
