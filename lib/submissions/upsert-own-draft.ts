import "server-only";
import type { Tx } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import { lockAuthorPage } from "./send-once";

/** What to write; `status` PENDING when the draft is sent at once (else it stays or starts as DRAFT). */
type DraftFields = Omit<Prisma.SubmissionUncheckedCreateInput, "kind" | "authorId" | "occupationCode" | "id" | "status"> & { status?: "DRAFT" | "PENDING" };

/**
 * Inside the caller's transaction: writes `data` over the author's latest narrative draft
 * for the page, or creates the draft when there is none. An advisory lock per (author,
 * page) makes a first autosave and an early "send" that race each other share one row.
 */
export async function upsertOwnDraft(tx: Tx, { authorId, occupationCode, data }: { authorId: string; occupationCode: string; data: DraftFields }) {
  await lockAuthorPage(tx, authorId, occupationCode);
  const draft = await tx.submission.findFirst({
    where: { authorId, occupationCode, kind: "NARRATIVE", status: "DRAFT" },
    orderBy: { updatedAt: "desc" },
    select: { id: true },
  });
  if (draft) {
    await tx.submission.update({ where: { id: draft.id }, data, select: { id: true } });
    return draft;
  }
  return tx.submission.create({
    data: { kind: "NARRATIVE", authorId, occupationCode, ...data, status: data.status ?? "DRAFT" },
    select: { id: true },
  });
}
