import "server-only";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { renderNarrative } from "@/lib/community/render-narrative";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { narrativeStoredNotices, ZSubmitNarrativeInputSchema } from "./narrative-input.types";
import { ALREADY_PENDING_MESSAGE, findSentWithKey, lockAndFindSent, sameJson, sendOnce, type TSameContent } from "./send-once";
import { upsertOwnDraft } from "./upsert-own-draft";
import { consumeSubmissionAllowance } from "./submission-rate-limit";

/** An editor shown again after its draft was sent (Back) sends that draft's id once more. */
const DRAFT_ALREADY_SENT_MESSAGE = "This draft was already sent (or withdrawn), so this was not stored. Your text is kept in this browser: reload the page to send it as a new narrative.";

export interface SubmitNarrativeOptions {
  actor: Actor | null;
  input: unknown;
  now?: Date;
}

/**
 * Sends a narrative to moderation: renders the tiptap document to sanitised HTML on the
 * server and stores both. With a draftId, the author's draft becomes the submission. A second
 * send of the same text under the same key gives the first submission back (other text under
 * it is refused), and the same narrative already pending for the page is refused
 * (lib/submissions/send-once.ts).
 */
export async function submitNarrative({ actor, input, now = new Date() }: SubmitNarrativeOptions) {
  assertCan(actor, "submission:create");
  const data = parseOrThrow(ZSubmitNarrativeInputSchema, input);
  const storedNotices = narrativeStoredNotices(input, data);
  const sameNarrative: TSameContent = (row) =>
    row.kind === "NARRATIVE" && row.occupationCode === data.occupationCode && row.yearsInRole === data.yearsInRole && sameJson(row.narrativeDoc, data.doc) && sameJson(row.promptAnswers, data.promptAnswers ?? {});
  const sent = await findSentWithKey(prisma, actor.userId, data.idempotencyKey, sameNarrative);
  if (sent) return { id: sent.id, status: "PENDING" as const, storedNotices };
  const occupation = await prisma.occupation.findUnique({ where: { code: data.occupationCode }, select: { code: true } });
  if (!occupation) throw new AppError("NOT_FOUND", "That occupation does not exist.");
  const narrativeHtml = renderNarrative(data.doc);
  const fields = {
    status: "PENDING" as const,
    narrativeDoc: data.doc,
    narrativeHtml,
    yearsInRole: data.yearsInRole,
    promptAnswers: data.promptAnswers ?? {},
    submittedAt: now,
    idempotencyKey: data.idempotencyKey ?? null,
  };
  const id = await sendOnce(
    actor.userId,
    data.idempotencyKey,
    sameNarrative,
    () =>
      prisma.$transaction(async (tx) => {
        const again = await lockAndFindSent(tx, actor.userId, data.occupationCode, data.idempotencyKey, sameNarrative);
        if (again) return again.id;
        // The same document (jsonb equality: key order aside), as the author wrote it.
        const identical = await tx.submission.count({ where: { authorId: actor.userId, occupationCode: data.occupationCode, kind: "NARRATIVE", status: "PENDING", narrativeDoc: { equals: data.doc as Prisma.InputJsonValue } } });
        if (identical > 0) throw new AppError("CONFLICT", ALREADY_PENDING_MESSAGE);
        await consumeSubmissionAllowance(tx, actor.userId, now);
        let sentId: string;
        if (data.draftId) {
          const updated = await tx.submission.updateMany({
            where: { id: data.draftId, authorId: actor.userId, kind: "NARRATIVE", occupationCode: data.occupationCode, status: "DRAFT" },
            data: fields,
          });
          if (updated.count === 0) throw new AppError("NOT_FOUND", DRAFT_ALREADY_SENT_MESSAGE);
          sentId = data.draftId;
        } else {
          // Sent before the editor learnt its draft's id (the first autosave still on its way):
          // the author's draft for this page becomes the submission, never a second row.
          sentId = (await upsertOwnDraft(tx, { authorId: actor.userId, occupationCode: data.occupationCode, data: fields })).id;
        }
        await recordAuditEntry(tx, { actor, action: "submission.submit", target: { type: "submission", id: sentId }, after: { kind: "NARRATIVE", occupationCode: data.occupationCode } });
        return sentId;
      }),
    (row) => row.id,
  );
  return { id, status: "PENDING" as const, storedNotices };
}
