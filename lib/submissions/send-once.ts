import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Tx } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Sends are idempotent in two ways, both safe under concurrency in PostgreSQL:
 *
 * 1. Each form instance carries a key (made when the page rendered it). The submission stores
 *    it, unique per author (`Submission_authorId_idempotencyKey_key`): a second send of the same
 *    form (a double click, a retried request) finds the first submission and answers as it did.
 * 2. An identical pending submission by the same author for the same page and field (or the
 *    same narrative) is refused, whatever the key.
 *
 * Both checks and the write run in one transaction holding an advisory lock per (author,
 * page), so two identical sends at once are serialised rather than both reading "none yet";
 * the unique index is the backstop should anything write around the lock.
 */
export const ALREADY_PENDING_MESSAGE = "You have already sent this, and it is waiting for a moderator. You can follow it under “My contributions”.";

/** One lock per (author, page), taken by draft saves (upsert-own-draft.ts) and sends alike, so all writes of one author to one page queue up. */
export async function lockAuthorPage(tx: Tx, authorId: string, occupationCode: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`narrative-draft:${authorId}:${occupationCode}`}))`;
}

/**
 * Inside a send's transaction: takes the author's page lock, then finds what this form
 * instance already sent (a second send waiting on the first's lock sees its row).
 */
export async function lockAndFindSent(tx: Tx, authorId: string, occupationCode: string, idempotencyKey: string | undefined) {
  await lockAuthorPage(tx, authorId, occupationCode);
  return findSentWithKey(tx, authorId, idempotencyKey);
}

/** The submission already sent from this form instance, if any. */
export async function findSentWithKey(db: Tx | typeof prisma, authorId: string, idempotencyKey: string | undefined) {
  if (!idempotencyKey) return null;
  return db.submission.findUnique({ where: { authorId_idempotencyKey: { authorId, idempotencyKey } }, select: { id: true, status: true, itemKey: true } });
}

/**
 * Runs `write` (the whole send, in its transaction); should the unique key index refuse it
 * after all, answers with the submission that holds the key.
 */
export async function sendOnce<T>(authorId: string, idempotencyKey: string | undefined, write: () => Promise<T>, found: (row: { id: string; status: string; itemKey: string | null }) => T): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    const existing = await findSentWithKey(prisma, authorId, idempotencyKey);
    if (!existing) throw new AppError("CONFLICT", ALREADY_PENDING_MESSAGE);
    return found(existing);
  }
}
