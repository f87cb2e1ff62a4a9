import "server-only";
import type { Tx } from "@/lib/db/transaction";
import type { NotificationKind } from "@/lib/generated/prisma/enums";

export interface QueueNotificationOptions {
  userId: string;
  kind: NotificationKind;
  submissionId: string;
}

/** Queues an in-app notification inside the caller's transaction (it appears once committed). */
export async function queueNotification(tx: Tx, { userId, kind, submissionId }: QueueNotificationOptions) {
  return tx.notification.create({ data: { userId, kind, submissionId }, select: { id: true } });
}
