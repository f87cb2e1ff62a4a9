import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import type { NotificationKind } from "@/lib/generated/prisma/enums";

const TEXT: Record<NotificationKind, string> = {
  SUBMISSION_APPROVED: "Your submission was approved and is on the page.",
  SUBMISSION_DECLINED: "Your submission was declined.",
  CHANGES_REQUESTED: "A moderator asked for changes to your submission.",
  NARRATIVE_REPORTED: "Your narrative or correction was reported and is being reviewed again.",
};

/** The actor's notifications, newest first, with the unread count. */
export async function findNotifications({ actor, take = 50 }: { actor: Actor | null; take?: number }) {
  assertCan(actor, "submission:withdraw-own");
  const [rows, unread] = await Promise.all([
    prisma.notification.findMany({
      where: { userId: actor.userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true, kind: true, read: true, createdAt: true, submission: { select: { id: true, occupationCode: true, decisionMessage: true } } },
    }),
    countUnreadNotifications({ actor }),
  ]);
  return {
    unread,
    items: rows.map((row) => ({ id: row.id, kind: row.kind, read: row.read, createdAt: row.createdAt, text: TEXT[row.kind], submissionId: row.submission.id, message: row.kind === "SUBMISSION_APPROVED" ? null : row.submission.decisionMessage })),
  };
}

export async function countUnreadNotifications({ actor }: { actor: Actor | null }): Promise<number> {
  if (!actor) return 0;
  return prisma.notification.count({ where: { userId: actor.userId, read: false } });
}

/** Marks all of the actor's notifications read (only ever the actor's own rows). */
export async function markNotificationsRead({ actor }: { actor: Actor | null }) {
  assertCan(actor, "submission:withdraw-own");
  const { count } = await prisma.notification.updateMany({ where: { userId: actor.userId, read: false }, data: { read: true } });
  return { marked: count };
}
