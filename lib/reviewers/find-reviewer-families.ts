import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import { socMinorGroupOf } from "@/lib/roles/soc-groups";
import { findPractitionerFamilies } from "@/lib/verifications/practitioner-families";

/** Why someone reviews a family: an occupation on their profile, their own choice, or a running practitioner verification. */
export type ReviewerFamilySource = "profile" | "chosen" | "verified";

/** How the families page names each source. */
export const FAMILY_SOURCE_LABELS: Record<ReviewerFamilySource, string> = { profile: "from your profile", chosen: "chosen", verified: "verified practitioner" };

export interface ReviewerFamily {
  /** SOC minor group, as the queue shows it: "29-1100". */
  family: string;
  sources: ReviewerFamilySource[];
}

/**
 * The occupation families (SOC minor groups) the actor reviews: those of their profile's
 * occupations, those they chose (/moderation/families) and those they are a verified
 * practitioner in, by family. The one place that says whose items are "for you" (the queue)
 * and who hears of waiting items (the digest).
 */
export async function findReviewerFamilies({ actor, now = new Date() }: { actor: Actor | null; now?: Date }): Promise<ReviewerFamily[]> {
  if (!actor) return [];
  const [occupations, chosen, verified] = await Promise.all([
    prisma.profileOccupation.findMany({ where: { userId: actor.userId }, select: { occupationCode: true } }),
    prisma.reviewerFamily.findMany({ where: { userId: actor.userId }, select: { family: true } }),
    findPractitionerFamilies(actor.userId, now),
  ]);
  const byFamily = new Map<string, Set<ReviewerFamilySource>>();
  const add = (family: string | null, source: ReviewerFamilySource) => {
    if (family) byFamily.set(family, (byFamily.get(family) ?? new Set()).add(source));
  };
  for (const { occupationCode } of occupations) add(socMinorGroupOf(occupationCode), "profile");
  for (const { family } of chosen) add(family, "chosen");
  for (const family of verified) add(family, "verified");
  return [...byFamily].map(([family, sources]) => ({ family, sources: [...sources].sort() })).sort((a, b) => a.family.localeCompare(b.family));
}

/** The occupation-code prefix of a family ("29-1100" → "29-11"): every O*NET-SOC code in it starts so. */
export function familyCodePrefix(family: string): string {
  return family.slice(0, 5);
}

/** Submissions about occupations in any of the families: the one filter of the queue's "for you", the digest and practitioner review. */
export function inFamiliesWhere(families: readonly string[]): Prisma.SubmissionWhereInput {
  return { OR: families.map((family) => ({ occupationCode: { startsWith: familyCodePrefix(family) } })) };
}
