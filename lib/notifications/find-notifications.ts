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
  PAGE_CHANGED: "A page you watch changed.",
  REVIEW_DIGEST: "Items wait in the families you review.",
  VERIFICATION_GRANTED: "You were verified as a practitioner.",
  VERIFICATION_REFUSED: "Your verification request was refused.",
  VERIFICATION_REVOKED: "Your practitioner verification was withdrawn.",
  SECOND_LOOK_ASSIGNED: "An approval was sampled for your second look.",
  VERIFICATION_EXPIRING: "Your practitioner verification runs out soon.",
};

/** Where a notification points: a decision to one's contributions or verifications, a page change to the page's history, a digest to the queue, a second look to the second looks. */
function notificationLink(
  row: { kind: NotificationKind; revision: { number: number; occupationCode: string } | null; verification: { id: string } | null },
  slugs: ReadonlyMap<string, string>,
): { href: string; label: string } {
  if (row.verification) return { href: "/me/verifications", label: "See your verifications" };
  if (row.kind === "REVIEW_DIGEST") return { href: "/moderation?sort=for-you", label: "Open the queue, for you" };
  if (row.kind === "SECOND_LOOK_ASSIGNED") return { href: "/moderation/second-looks", label: "See your second looks" };
  if (row.kind === "VERIFICATION_EXPIRING") return { href: "/me/verifications", label: "See your verifications" };
  if (row.revision) return { href: `/roles/${slugs.get(row.revision.occupationCode) ?? row.revision.occupationCode}/history#r${row.revision.number}`, label: "See what changed" };
  return { href: "/me/contributions", label: "See your contributions" };
}

/** The actor's notifications, newest first, with the unread count. */
export async function findNotifications({ actor, take = 50 }: { actor: Actor | null; take?: number }) {
  assertCan(actor, "submission:withdraw-own");
  const [rows, unread] = await Promise.all([
    prisma.notification.findMany({
      where: { userId: actor.userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: {
        id: true,
        kind: true,
        read: true,
        createdAt: true,
        summary: true,
        submission: { select: { id: true, decisionMessage: true } },
        revision: { select: { number: true, occupationCode: true } },
        verification: { select: { id: true, occupationCode: true, decisionReason: true, revokeReason: true } },
      },
    }),
    countUnreadNotifications({ actor }),
  ]);
  const codes = [...new Set(rows.flatMap((row) => (row.revision ? [row.revision.occupationCode] : [])))];
  const slugs = new Map((codes.length ? await prisma.occupation.findMany({ where: { code: { in: codes } }, select: { code: true, slug: true } }) : []).map((o) => [o.code, o.slug]));
  return {
    unread,
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      read: row.read,
      createdAt: row.createdAt,
      // A page change or a digest says what it is about itself.
      text: row.summary ?? (row.verification ? `${TEXT[row.kind]} (${row.verification.occupationCode})` : TEXT[row.kind]),
      submissionId: row.submission?.id ?? null,
      message: row.verification
        ? (row.kind === "VERIFICATION_REVOKED" ? row.verification.revokeReason : row.verification.decisionReason)
        : row.kind === "SUBMISSION_APPROVED"
          ? null
          : (row.submission?.decisionMessage ?? null),
      link: notificationLink(row, slugs),
    })),
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
