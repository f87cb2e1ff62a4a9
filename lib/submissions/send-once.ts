import "server-only";
import { isDeepStrictEqual } from "node:util";
import { prisma } from "@/lib/db/prisma";
import type { Tx } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Sends are idempotent in two ways, both safe under concurrency in PostgreSQL:
 *
 * 1. Each send carries a key (made in the browser for each send attempt; the page's own for a
 *    form sent without JavaScript). The submission stores it, unique per author
 *    (`Submission_authorId_idempotencyKey_key`): a second send of the same content under that key
 *    (a double click, a retried request) finds the first submission and answers as it did; other
 *    content under it (an old form shown again with Back) is refused, never answered as a success.
 * 2. An identical pending submission by the same author for the same page and field (or the
 *    same narrative) is refused, whatever the key.
 *
 * Both checks and the write run in one transaction holding an advisory lock per (author,
 * page), so two identical sends at once are serialised rather than both reading "none yet";
 * the unique index is the backstop should anything write around the lock.
 */
export const ALREADY_PENDING_MESSAGE = "You have already sent this, and it is waiting for a moderator. You can follow it under “My contributions”.";
const KEY_REUSED_MESSAGE = "This form was already sent with other content (it was probably shown again with Back), so this was not stored. Copy your text, reload the page and send it again.";

/** What a send stored, enough to tell a repeat of it from other content sent under its key. */
const SENT_COLUMNS = { id: true, status: true, itemKey: true, kind: true, occupationCode: true, field: true, operation: true, proposedValue: true, rationale: true, sourceUrl: true, narrativeDoc: true, yearsInRole: true, promptAnswers: true } as const;
type TSentRow = Prisma.SubmissionGetPayload<{ select: typeof SENT_COLUMNS }>;
/** Whether a sent row holds what this send would store. */
export type TSameContent = (row: TSentRow) => boolean;

/** Equal as stored JSON: jsonb keeps neither key order nor undefined values. */
export function sameJson(stored: unknown, sent: unknown) {
  return isDeepStrictEqual(stored ?? null, JSON.parse(JSON.stringify(sent ?? null)));
}

/** One lock per (author, page), taken by draft saves (upsert-own-draft.ts) and sends alike, so all writes of one author to one page queue up. */
export async function lockAuthorPage(tx: Tx, authorId: string, occupationCode: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`narrative-draft:${authorId}:${occupationCode}`}))`;
}

/**
 * Inside a send's transaction: takes the author's page lock, then finds what this form
 * instance already sent (a second send waiting on the first's lock sees its row).
 */
export async function lockAndFindSent(tx: Tx, authorId: string, occupationCode: string, idempotencyKey: string | undefined, sameContent: TSameContent) {
  await lockAuthorPage(tx, authorId, occupationCode);
  return findSentWithKey(tx, authorId, idempotencyKey, sameContent);
}

/** The submission already sent with this key, if any; refused (CONFLICT) when it holds other content. */
export async function findSentWithKey(db: Tx | typeof prisma, authorId: string, idempotencyKey: string | undefined, sameContent: TSameContent) {
  if (!idempotencyKey) return null;
  const row = await db.submission.findUnique({ where: { authorId_idempotencyKey: { authorId, idempotencyKey } }, select: SENT_COLUMNS });
  if (!row) return null;
  if (!sameContent(row)) throw new AppError("CONFLICT", KEY_REUSED_MESSAGE);
  return { id: row.id, status: row.status, itemKey: row.itemKey };
}

/**
 * Runs `write` (the whole send, in its transaction); should the unique key index refuse it
 * after all, answers with the submission that holds the key.
 */
export async function sendOnce<T>(authorId: string, idempotencyKey: string | undefined, sameContent: TSameContent, write: () => Promise<T>, found: (row: { id: string; status: string; itemKey: string | null }) => T): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    const existing = await findSentWithKey(prisma, authorId, idempotencyKey, sameContent);
    if (!existing) throw new AppError("CONFLICT", ALREADY_PENDING_MESSAGE);
    return found(existing);
  }
}
