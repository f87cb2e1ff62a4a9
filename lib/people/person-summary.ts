import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { findVerifiedBadges } from "@/lib/verifications/find-verified-badges";
import { isSuspended } from "./suspension";

interface ContributionCounts {
  approved: number;
  declined: number;
  /** Waiting for a moderator or back with the author. */
  pending: number;
  /** Narratives readers reported (open or already handled). */
  reported: number;
}

export interface PersonSummary {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  joined: Date;
  /** The newest of: session activity (Auth.js refreshes a session at most daily; a suspension deletes them) and sending a submission. Null: never. */
  lastActive: Date | null;
  contributions: ContributionCounts;
  /** The suspension that applies now, or null (an ended one does not count). */
  suspension: { since: Date; until: Date | null; reason: string | null } | null;
  /** Practitioner verifications: the occupations with a running badge, and requests waiting for a moderator. */
  verifications: { verified: string[]; pending: number };
}

const USER_SELECT = { id: true, name: true, email: true, role: true, createdAt: true, bannedAt: true, bannedUntil: true, banReason: true, profile: { select: { displayName: true } } } as const;

/** What the moderators' people pages show of these accounts (in the order of `ids`), in three queries. */
export async function summarisePeople(ids: string[], now = new Date()): Promise<PersonSummary[]> {
  if (ids.length === 0) return [];
  const [users, sessions, counts, badges, pendingVerifications] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: ids } }, select: USER_SELECT }),
    prisma.session.groupBy({ by: ["userId"], where: { userId: { in: ids } }, _max: { updatedAt: true } }),
    prisma.$queryRaw<({ authorId: string; lastSent: Date | null } & ContributionCounts)[]>`
      SELECT s."authorId", max(coalesce(s."submittedAt", s."createdAt")) AS "lastSent",
        count(*) FILTER (WHERE s.status = 'APPROVED')::int AS approved,
        count(*) FILTER (WHERE s.status = 'DECLINED')::int AS declined,
        count(*) FILTER (WHERE s.status IN ('PENDING', 'CHANGES_REQUESTED'))::int AS pending,
        count(*) FILTER (WHERE s."reportedAt" IS NOT NULL OR EXISTS (SELECT 1 FROM "NarrativeReport" r WHERE r."submissionId" = s.id))::int AS reported
      FROM "Submission" s WHERE s."authorId" = ANY(${ids}) AND s.status <> 'DRAFT'
      GROUP BY s."authorId"`,
    findVerifiedBadges(ids, now),
    prisma.practitionerVerification.groupBy({ by: ["userId"], where: { userId: { in: ids }, status: "PENDING" }, _count: { _all: true } }),
  ]);
  const pendingOf = new Map(pendingVerifications.map((row) => [row.userId, row._count._all]));
  const byId = new Map(users.map((user) => [user.id, user]));
  const lastActive = new Map(sessions.map((row) => [row.userId, row._max.updatedAt]));
  const countsOf = new Map(counts.map(({ authorId, lastSent, ...rest }) => [authorId, { counts: rest, lastSent }]));
  const latest = (...dates: (Date | null | undefined)[]) => dates.reduce<Date | null>((newest, date) => (date && (!newest || date > newest) ? date : newest), null);
  return ids.flatMap((id) => {
    const user = byId.get(id);
    if (!user) return [];
    return [
      {
        id,
        name: user.profile?.displayName ?? user.name ?? "(no name yet)",
        email: user.email,
        role: user.role,
        joined: user.createdAt,
        lastActive: latest(lastActive.get(id), countsOf.get(id)?.lastSent),
        contributions: countsOf.get(id)?.counts ?? { approved: 0, declined: 0, pending: 0, reported: 0 },
        suspension: user.bannedAt && isSuspended(user, now) ? { since: user.bannedAt, until: user.bannedUntil, reason: user.banReason } : null,
        verifications: { verified: (badges.get(id) ?? []).map((badge) => badge.title), pending: pendingOf.get(id) ?? 0 },
      },
    ];
  });
}
