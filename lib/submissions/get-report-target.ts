import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { FIELD_LABELS, isCorrectionField, parseStoredValue, valueToText } from "@/lib/community/fields";
import { findDisplayNames, nameOf } from "@/lib/community/find-display-names";
import { prisma } from "@/lib/db/prisma";

export interface ReportTarget {
  what: "narrative" | "correction";
  authorName: string;
  occupation: { title: string; slug: string };
  /** Where the page shows it. */
  href: string;
  /** A correction's field and its value as the page shows it; null for a narrative. */
  correction: { fieldLabel: string; text: string } | null;
}

/**
 * What the report form is about, named so the reporter knows what they report: a published
 * narrative, or an approved correction the page still shows (the same conditions as
 * reportNarrative and reportCorrection). null for anything else, which the page answers 404.
 */
export async function getReportTarget({ actor, submissionId, what }: { actor: Actor | null; submissionId: string; what: "narrative" | "correction" }): Promise<ReportTarget | null> {
  assertCan(actor, what === "correction" ? "correction:report" : "narrative:report");
  const submission = await prisma.submission.findFirst({
    where: { id: submissionId, kind: what === "correction" ? "CORRECTION" : "NARRATIVE", status: "APPROVED" },
    select: { id: true, authorId: true, occupationCode: true, field: true, proposedValue: true },
  });
  if (!submission) return null;
  // A correction is on the page while a community value still comes from it.
  if (what === "correction" && (await prisma.communityValue.count({ where: { submissionId } })) === 0) return null;
  const [occupation, names] = await Promise.all([prisma.occupation.findUnique({ where: { code: submission.occupationCode }, select: { title: true, slug: true } }), findDisplayNames([submission.authorId])]);
  if (!occupation) return null;
  const field = submission.field;
  return {
    what,
    authorName: nameOf(names, submission.authorId),
    occupation,
    href: what === "narrative" ? `/roles/${occupation.slug}#narrative-${submission.id}` : `/roles/${occupation.slug}`,
    correction: field && isCorrectionField(field) ? { fieldLabel: FIELD_LABELS[field], text: valueToText(parseStoredValue(field, submission.proposedValue)) } : null,
  };
}
