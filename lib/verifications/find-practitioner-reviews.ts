import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { findDisplayNames, nameOf } from "@/lib/community/find-display-names";
import { prisma } from "@/lib/db/prisma";
import type { PractitionerVerdict } from "@/lib/generated/prisma/enums";
import { badgeLabel, findVerifiedBadges } from "./find-verified-badges";

export interface PractitionerReviewView {
  id: string;
  reviewerName: string;
  /** The reviewer's running badges ("Verified practitioner: Registered Nurses"). */
  badges: string[];
  verdict: PractitionerVerdict;
  reason: string;
  updatedAt: Date;
}

/** The practitioner reviews of one submission, for the moderators' review page (oldest first). */
export async function findPractitionerReviews({ actor, submissionId, now = new Date() }: { actor: Actor | null; submissionId: string; now?: Date }): Promise<PractitionerReviewView[]> {
  assertCan(actor, "moderation:view-queue");
  const reviews = await prisma.practitionerReview.findMany({ where: { submissionId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const ids = reviews.map((r) => r.reviewerId);
  const [names, badges] = await Promise.all([findDisplayNames(ids), findVerifiedBadges(ids, now)]);
  return reviews.map((r) => ({ id: r.id, reviewerName: nameOf(names, r.reviewerId), badges: (badges.get(r.reviewerId) ?? []).map(badgeLabel), verdict: r.verdict, reason: r.reason, updatedAt: r.updatedAt }));
}
