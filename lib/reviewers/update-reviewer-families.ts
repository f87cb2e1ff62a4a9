import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { consumeRateLimit, limitFromEnv } from "@/lib/rate-limit/consume-rate-limit";
import { socMinorGroupOf } from "@/lib/roles/soc-groups";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { familyCodePrefix } from "./find-reviewer-families";
import { ZUpdateReviewerFamiliesInputSchema } from "./update-reviewer-families.types";

/**
 * A moderator sets the families they choose to review (replacing their earlier choice; the
 * profile's occupations count as well). Each must hold at least one occupation of the site,
 * else it is refused, naming it: nothing typed is dropped silently.
 */
export async function updateReviewerFamilies({ actor, input, now = new Date() }: { actor: Actor | null; input: unknown; now?: Date }) {
  assertCan(actor, "moderation:view-queue");
  const { families: typed } = parseOrThrow(ZUpdateReviewerFamiliesInputSchema, input);
  const limit = limitFromEnv("REVIEWER_FAMILY_CHANGES_PER_HOUR", 60);
  await consumeRateLimit({ key: `reviewer-families:user:${actor.userId}`, limit, windowSeconds: 3600, message: `You have changed your families the most times allowed in one hour (${limit}).` }, now);
  const families = [...new Set(typed.map((entry) => socMinorGroupOf(entry)!))].sort();
  const known = await Promise.all(families.map((family) => prisma.occupation.findFirst({ where: { code: { startsWith: familyCodePrefix(family) } }, select: { code: true } })));
  const unknown = families.filter((_, index) => !known[index]);
  if (unknown.length > 0) {
    throw new AppError("INVALID_INPUT", `No occupation on the site is in ${unknown.join(", ")}: check the ${unknown.length === 1 ? "family" : "families"} and send again.`, { families: [`Unknown: ${unknown.join(", ")}`] });
  }
  await prisma.$transaction([
    prisma.reviewerFamily.deleteMany({ where: { userId: actor.userId, family: { notIn: families } } }),
    prisma.reviewerFamily.createMany({ data: families.map((family) => ({ userId: actor.userId, family })), skipDuplicates: true }),
  ]);
  return { families };
}
