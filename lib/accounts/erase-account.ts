import "server-only";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import { latestRevisionNumber, lockPage } from "@/lib/revisions/page-state";

/** Submissions not yet decided: withdrawn when their author leaves. */
const UNDECIDED = ["DRAFT", "PENDING", "CHANGES_REQUESTED"] as const;

/** The address a deleted account keeps: unique, not deliverable (`.invalid` is reserved), nothing of the person. */
const deletedAccountEmail = (userId: string) => `deleted-${userId}@deleted.invalid`;

/**
 * Inside the caller's transaction: erases the account of `actor` and what is private to it,
 * keeping what the site's history needs (SECURITY.md, "Deleting an account"). Undecided
 * submissions are withdrawn; published narratives stay (attributed to "a former contributor")
 * unless `withdrawNarratives`, then each leaves its page as a WITHDRAWAL revision. The User row
 * stays as a tombstone (id only) so that revisions and audit entries still point somewhere.
 * Audited without personal data. Returns the pages that named the person (their cache must be
 * revalidated: the name there becomes "A former contributor", or the narrative leaves).
 */
export async function eraseAccount(tx: Tx, { actor, withdrawNarratives, now }: { actor: Actor; withdrawNarratives: boolean; now: Date }): Promise<{ occupationCodes: string[] }> {
  const userId = actor.userId;
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  const published = await tx.submission.findMany({ where: { authorId: userId, status: "APPROVED" }, select: { occupationCode: true }, distinct: ["occupationCode"] });

  const undecided = await tx.submission.findMany({ where: { authorId: userId, status: { in: [...UNDECIDED] } }, select: { id: true, status: true } });
  await tx.submission.updateMany({ where: { id: { in: undecided.map((s) => s.id) } }, data: { status: "WITHDRAWN", claimedById: null, claimExpiresAt: null } });
  for (const submission of undecided) {
    await recordAuditEntry(tx, { actor, action: "submission.withdraw", target: { type: "submission", id: submission.id }, before: { status: submission.status }, after: { status: "WITHDRAWN", reason: "account deleted" } });
  }

  const narratives = withdrawNarratives
    ? await tx.submission.findMany({ where: { authorId: userId, kind: "NARRATIVE", status: "APPROVED" }, select: { id: true, occupationCode: true }, orderBy: { createdAt: "asc" } })
    : [];
  for (const narrative of narratives) {
    await tx.submission.update({ where: { id: narrative.id }, data: { status: "WITHDRAWN" } });
    await lockPage(tx, narrative.occupationCode);
    const number = (await latestRevisionNumber(tx, narrative.occupationCode)) + 1;
    await tx.revision.create({
      data: { occupationCode: narrative.occupationCode, number, kind: "WITHDRAWAL", field: "NARRATIVE", itemKey: narrative.id, before: { published: true }, after: { published: false }, submissionId: narrative.id, actorId: userId, createdAt: now },
      select: { id: true },
    });
    await recordAuditEntry(tx, { actor, action: "narrative.withdraw", target: { type: "submission", id: narrative.id }, before: { status: "APPROVED" }, after: { status: "WITHDRAWN", reason: "account deleted", revision: number } });
  }

  // What is private to the person: sign-in, profile, verifications, notifications and their emails, links, mailbox copies.
  await tx.outboxEmail.deleteMany({ where: { OR: [{ to: user.email }, { notification: { userId } }] } });
  await tx.notification.deleteMany({ where: { userId } });
  await tx.pageWatch.deleteMany({ where: { userId } });
  await tx.reviewerFamily.deleteMany({ where: { userId } });
  await tx.session.deleteMany({ where: { userId } });
  await tx.account.deleteMany({ where: { userId } });
  await tx.profile.deleteMany({ where: { userId } });
  // Verification requests hold private evidence (credentials, a work address): erased with their badges.
  await tx.notification.deleteMany({ where: { verification: { userId } } });
  await tx.practitionerVerification.deleteMany({ where: { userId } });
  await tx.accountChange.deleteMany({ where: { userId } });
  await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
  await tx.devMailboxMessage.deleteMany({ where: { to: user.email } });
  // Earlier audit entries about the account named its address (role and address changes): drop it.
  await tx.$executeRaw`
    UPDATE "AuditEntry" SET "before" = CASE WHEN jsonb_typeof("before") = 'object' THEN "before" - 'email' ELSE "before" END,
                            "after" = CASE WHEN jsonb_typeof("after") = 'object' THEN "after" - 'email' ELSE "after" END
    WHERE "targetType" = 'user' AND "targetId" = ${userId}`;
  await tx.user.update({
    where: { id: userId },
    data: { email: deletedAccountEmail(userId), name: null, image: null, emailVerified: null, role: "CONTRIBUTOR", bannedAt: null, bannedUntil: null, banReason: null, bannedById: null, deletedAt: now },
  });
  await recordAuditEntry(tx, { actor, action: "user.delete", target: { type: "user", id: userId }, after: { withdrawnSubmissions: undecided.length, withdrawnNarratives: narratives.length } });
  return { occupationCodes: published.map((row) => row.occupationCode) };
}
