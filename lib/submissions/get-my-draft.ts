import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/prisma";

/** The actor's latest narrative draft for an occupation, to continue writing it. */
export async function getMyDraft({ actor, occupationCode }: { actor: Actor; occupationCode: string }) {
  return prisma.submission.findFirst({
    where: { authorId: actor.userId, occupationCode, kind: "NARRATIVE", status: "DRAFT" },
    orderBy: { updatedAt: "desc" },
    select: { id: true, narrativeDoc: true, yearsInRole: true, promptAnswers: true },
  });
}
