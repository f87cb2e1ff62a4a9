import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { FIELD_LABELS, parseStoredValue, valueToText } from "@/lib/community/fields";
import { prisma } from "@/lib/db/prisma";
import { approvalProgress } from "./two-person-rule";
import type { CorrectionOperation, SubmissionKind, SubmissionStatus } from "@/lib/generated/prisma/enums";

export interface MyContribution {
  id: string;
  kind: SubmissionKind;
  status: SubmissionStatus;
  occupationCode: string;
  occupationTitle: string;
  slug: string;
  summary: string;
  operation: CorrectionOperation | null;
  proposedText: string;
  decisionMessage: string | null;
  updatedAt: Date;
  /** A pending item's place in the moderators' queue (oldest first: 1 is next), and how many wait. */
  queuePlace: { place: number; of: number } | null;
  /** A pending correction under the two-person rule: how many of the two approvals it has. */
  approvals: { given: number; required: number } | null;
}

/** The actor's own submissions (drafts included), newest first. */
export async function findMyContributions({ actor }: { actor: Actor | null }): Promise<MyContribution[]> {
  assertCan(actor, "submission:withdraw-own");
  const rows = await prisma.submission.findMany({
    where: { authorId: actor.userId },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: 200,
    select: { id: true, kind: true, status: true, occupationCode: true, field: true, operation: true, proposedValue: true, decisionMessage: true, updatedAt: true, firstApprovedById: true },
  });
  const occupations = await prisma.occupation.findMany({ where: { code: { in: [...new Set(rows.map((r) => r.occupationCode))] } }, select: { code: true, title: true, slug: true } });
  const byCode = new Map(occupations.map((o) => [o.code, o]));
  const places = await findQueuePlaces(rows.filter((row) => row.status === "PENDING").map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    status: row.status,
    occupationCode: row.occupationCode,
    occupationTitle: byCode.get(row.occupationCode)?.title ?? row.occupationCode,
    slug: byCode.get(row.occupationCode)?.slug ?? row.occupationCode,
    summary: row.kind === "NARRATIVE" ? "Narrative" : FIELD_LABELS[row.field ?? "DESCRIPTION"],
    operation: row.operation,
    proposedText: row.field ? valueToText(parseStoredValue(row.field, row.proposedValue)) : "",
    decisionMessage: row.status === "DECLINED" || row.status === "CHANGES_REQUESTED" ? row.decisionMessage : null,
    updatedAt: row.updatedAt,
    queuePlace: places.get(row.id) ?? null,
    approvals: row.status === "PENDING" ? pick(approvalProgress(row)) : null,
  }));
}

/** Where pending submissions stand in the queue, which moderators work through oldest first. */
async function findQueuePlaces(submissionIds: string[]): Promise<Map<string, { place: number; of: number }>> {
  if (submissionIds.length === 0) return new Map();
  const rows = await prisma.$queryRaw<{ id: string; place: number; of: number }[]>`
    SELECT id, place, total AS "of" FROM (
      SELECT id, row_number() OVER (ORDER BY "submittedAt", id)::int AS place, (count(*) OVER ())::int AS total
      FROM "Submission" WHERE status = 'PENDING'
    ) queue WHERE id = ANY(${submissionIds})`;
  return new Map(rows.map((row) => [row.id, { place: row.place, of: row.of }]));
}

/** What the author may see of the approvals: the counts, not who gave them. */
const pick = (progress: ReturnType<typeof approvalProgress>) => (progress ? { given: progress.given, required: progress.required } : null);
