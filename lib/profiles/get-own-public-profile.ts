import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { DEFAULT_VISIBILITY, getPublicProfile, type ProfileVisibility, type PublicProfile } from "./get-public-profile";

/** The actor's public-profile switches and what their page shows with them (the preview on /profile; null when it is off). */
export async function getOwnPublicProfile({ actor }: { actor: Actor | null }): Promise<{ number: number; saved: boolean; visibility: ProfileVisibility; preview: PublicProfile | null }> {
  assertCan(actor, "profile:edit-own");
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { number: true, profile: { select: { publicPage: true, showJobTitle: true, showYears: true, showOccupations: true, showApproved: true } } },
  });
  return { number: user.number, saved: user.profile !== null, visibility: user.profile ?? DEFAULT_VISIBILITY, preview: await getPublicProfile({ number: user.number }) };
}
