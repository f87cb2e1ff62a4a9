import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/auth/permissions";
import { findDisplayNames, nameOf } from "@/lib/community/find-display-names";
import { prisma } from "@/lib/db/prisma";
import { summarisePeople, type PersonSummary } from "./person-summary";

export interface PersonForModeration extends PersonSummary {
  /** Who suspended the account (the current or an ended suspension), by name. */
  suspendedBy: string | null;
  /** A suspension whose end date passed: it no longer applies; lifting it closes it. */
  endedSuspension: { until: Date; reason: string | null } | null;
  /** What the viewer may do here. */
  may: { suspend: boolean; setRole: boolean };
}

/** One account for /moderation/people/[id], or null when there is none (or it was deleted). */
export async function getPerson({ actor, userId, now = new Date() }: { actor: Actor | null; userId: string; now?: Date }): Promise<PersonForModeration | null> {
  assertCan(actor, "people:view");
  const user = await prisma.user.findFirst({ where: { id: userId, deletedAt: null }, select: { id: true, role: true, bannedAt: true, bannedUntil: true, banReason: true, bannedById: true } });
  if (!user) return null;
  const [summary] = await summarisePeople([user.id], now);
  if (!summary) return null;
  const names = user.bannedById ? await findDisplayNames([user.bannedById]) : new Map();
  const self = user.id === actor.userId;
  return {
    ...summary,
    suspendedBy: user.bannedById ? nameOf(names, user.bannedById) : null,
    endedSuspension: user.bannedAt && !summary.suspension && user.bannedUntil ? { until: user.bannedUntil, reason: user.banReason } : null,
    may: {
      suspend: !self && can(actor, "people:suspend") && (user.role === "CONTRIBUTOR" || actor.role === "ADMIN"),
      setRole: !self && can(actor, "user:set-role"),
    },
  };
}
