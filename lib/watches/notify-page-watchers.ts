import "server-only";
import type { Tx } from "@/lib/db/transaction";
import { queueNotification } from "@/lib/notifications/queue-notification";
import { summarizeRevision } from "@/lib/revisions/revision-summary";
import { pageChangedMessage } from "./page-changed-message";

/**
 * Tells everyone watching the revision's page that it changed: an in-app notification and,
 * with SMTP, an email in the outbox, both in the caller's transaction (so they exist exactly
 * when the change does). `skipUserIds`: who needs no word of it (the person who made the
 * change; the author, who hears of their approval already). Deleted accounts are skipped.
 */
export async function notifyPageWatchers(tx: Tx, { revisionId, skipUserIds = [] }: { revisionId: string; skipUserIds?: readonly (string | null)[] }): Promise<number> {
  const revision = await tx.revision.findUniqueOrThrow({ where: { id: revisionId }, select: { id: true, occupationCode: true, number: true, kind: true, field: true, after: true } });
  const skip = skipUserIds.filter((id): id is string => id !== null);
  const watchers = await tx.pageWatch.findMany({ where: { occupationCode: revision.occupationCode, userId: { notIn: skip } }, select: { userId: true } });
  if (watchers.length === 0) return 0;
  const [occupation, live] = await Promise.all([
    tx.occupation.findUnique({ where: { code: revision.occupationCode }, select: { title: true, slug: true } }),
    tx.user.findMany({ where: { id: { in: watchers.map((w) => w.userId) }, deletedAt: null }, select: { id: true } }),
  ]);
  const message = pageChangedMessage({ title: occupation?.title ?? revision.occupationCode, slug: occupation?.slug ?? revision.occupationCode, number: revision.number, summary: summarizeRevision(revision) });
  for (const { id } of live) {
    await queueNotification(tx, { userId: id, kind: "PAGE_CHANGED", occupationCode: revision.occupationCode, revisionId: revision.id, ...message });
  }
  return live.length;
}
