import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { FIELD_LABELS, parseStoredValue, valueToText } from "@/lib/community/fields";
import { prisma } from "@/lib/db/prisma";
import type { PractitionerVerdict, SubmissionKind } from "@/lib/generated/prisma/enums";
import { socMinorGroupOf } from "@/lib/roles/soc-groups";
import { inFamiliesWhere } from "@/lib/reviewers/find-reviewer-families";
import { findPractitionerFamilies } from "./practitioner-families";

export interface ReviewableSubmission {
  id: string;
  kind: SubmissionKind;
  occupationCode: string;
  occupationTitle: string;
  family: string | null;
  /** "Description (change)", or "Narrative". */
  summary: string;
  submittedAt: Date | null;
  /** Corrections: the value the author saw and the one proposed, as text. */
  currentText: string;
  proposedText: string;
  rationale: string | null;
  sourceUrl: string | null;
  /** Narratives: the sanitised HTML stored at submission. */
  narrativeHtml: string | null;
  reviewCount: number;
  myReview: { verdict: PractitionerVerdict; reason: string } | null;
}

const TAKE = 50;

/**
 * Pending items a practitioner may review: those about occupations in the families they hold a
 * running verification in, never their own, oldest first (50). Empty families: empty list.
 */
export async function findReviewableSubmissions({ actor, now = new Date() }: { actor: Actor | null; now?: Date }): Promise<{ families: string[]; items: ReviewableSubmission[] }> {
  assertCan(actor, "submission:practitioner-review");
  const families = await findPractitionerFamilies(actor.userId, now);
  if (families.length === 0) return { families, items: [] };
  const rows = await prisma.submission.findMany({
    where: { status: "PENDING", authorId: { not: actor.userId }, ...inFamiliesWhere(families) },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: TAKE,
    select: {
      id: true,
      kind: true,
      occupationCode: true,
      field: true,
      operation: true,
      baseValue: true,
      proposedValue: true,
      rationale: true,
      sourceUrl: true,
      narrativeHtml: true,
      submittedAt: true,
      _count: { select: { reviews: true } },
      reviews: { where: { reviewerId: actor.userId }, select: { verdict: true, reason: true } },
    },
  });
  const titles = new Map((await prisma.occupation.findMany({ where: { code: { in: [...new Set(rows.map((r) => r.occupationCode))] } }, select: { code: true, title: true } })).map((o) => [o.code, o.title]));
  return {
    families,
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      occupationCode: row.occupationCode,
      occupationTitle: titles.get(row.occupationCode) ?? row.occupationCode,
      family: socMinorGroupOf(row.occupationCode),
      summary: row.kind === "NARRATIVE" ? "Narrative" : `${FIELD_LABELS[row.field ?? "DESCRIPTION"]} (${(row.operation ?? "CHANGE").toLowerCase()})`,
      submittedAt: row.submittedAt,
      currentText: row.field ? valueToText(parseStoredValue(row.field, row.baseValue)) : "",
      proposedText: row.field ? valueToText(parseStoredValue(row.field, row.proposedValue)) : "",
      rationale: row.rationale,
      sourceUrl: row.sourceUrl,
      narrativeHtml: row.kind === "NARRATIVE" ? row.narrativeHtml : null,
      reviewCount: row._count.reviews,
      myReview: row.reviews[0] ?? null,
    })),
  };
}
