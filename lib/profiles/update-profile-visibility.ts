import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { pagesShowingPerson } from "./pages-showing-person";
import { ZUpdateProfileVisibilityInputSchema } from "./update-profile-visibility.types";

/**
 * Saves which parts of the actor's public profile anyone may read. Needs a saved profile (the
 * display name the page shows). Returns what to revalidate: the profile page, and the roles whose
 * narratives link to it.
 */
export async function updateProfileVisibility({ actor, input }: { actor: Actor | null; input: unknown }): Promise<{ personNumber: number; rolesShowingAuthor: string[] }> {
  assertCan(actor, "profile:edit-own");
  const data = parseOrThrow(ZUpdateProfileVisibilityInputSchema, input);
  return prisma.$transaction(async (tx) => {
    const updated = await tx.profile.updateMany({ where: { userId: actor.userId }, data });
    if (updated.count === 0) throw new AppError("CONFLICT", "Save your profile above first: the public page shows its display name.");
    const { personNumber, rolesShowingPerson } = await pagesShowingPerson(tx, actor.userId);
    return { personNumber, rolesShowingAuthor: rolesShowingPerson };
  });
}
