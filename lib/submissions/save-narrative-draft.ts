import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { ZSaveNarrativeDraftInputSchema } from "./narrative-input.types";
import { upsertOwnDraft } from "./upsert-own-draft";
import { consumeDraftSaveAllowance } from "./submission-rate-limit";

export interface SaveNarrativeDraftOptions {
  actor: Actor | null;
  input: unknown;
  now?: Date;
}

/**
 * Autosaves a narrative draft (status DRAFT, seen only by its author). Creates the draft on
 * the first save (or continues the author's draft for the page) and updates it afterwards; only the author's own DRAFT or CHANGES_REQUESTED
 * rows can be saved over. A refused save changes nothing (the editor keeps its copy).
 */
export async function saveNarrativeDraft({ actor, input, now = new Date() }: SaveNarrativeDraftOptions) {
  assertCan(actor, "submission:create");
  const data = parseOrThrow(ZSaveNarrativeDraftInputSchema, input);
  await consumeDraftSaveAllowance(actor.userId, now);
  const fields = { narrativeDoc: data.doc, yearsInRole: data.yearsInRole ?? null, promptAnswers: data.promptAnswers ?? {} };
  if (data.draftId) {
    const updated = await prisma.submission.updateMany({
      where: { id: data.draftId, authorId: actor.userId, kind: "NARRATIVE", occupationCode: data.occupationCode, status: { in: ["DRAFT", "CHANGES_REQUESTED"] } },
      data: fields,
    });
    if (updated.count === 0) throw new AppError("NOT_FOUND", "This draft can no longer be edited (it was sent or withdrawn).");
    return { id: data.draftId, savedAt: now };
  }
  const occupation = await prisma.occupation.findUnique({ where: { code: data.occupationCode }, select: { code: true } });
  if (!occupation) throw new AppError("NOT_FOUND", "That occupation does not exist.");
  const draft = await prisma.$transaction((tx) => upsertOwnDraft(tx, { authorId: actor.userId, occupationCode: data.occupationCode, data: fields }));
  return { id: draft.id, savedAt: now };
}
