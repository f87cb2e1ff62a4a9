import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { FIELD_LABELS } from "@/lib/community/fields";
import { findDisplayNames, findUserIdsByName, nameOf } from "@/lib/community/find-display-names";
import { limitFromEnv } from "@/lib/rate-limit/consume-rate-limit";
import { familyCodePrefix, findReviewerFamilies, inFamiliesWhere } from "@/lib/reviewers/find-reviewer-families";
import { socMinorGroupOf } from "@/lib/roles/soc-groups";
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SubmissionKind } from "@/lib/generated/prisma/enums";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { approvalProgress } from "./two-person-rule";

/**
 * How the queue is ordered: oldest first; by occupation family (SOC minor group), oldest first
 * within each; most practitioner reviews first; or "for you": items in the families the
 * moderator reviews first (lib/reviewers/find-reviewer-families.ts), oldest first within each part.
 */
export const QUEUE_SORTS = ["oldest", "family", "reviews", "for-you"] as const;
export const QUEUE_PAGE_SIZE = 50;

export const ZFindQueueFiltersSchema = z.object({
  kind: z.enum(["CORRECTION", "NARRATIVE"], "Kind is Corrections or Narratives.").optional(),
  occupationCode: z.string().max(20).optional(),
  /** The author's display name or account name (any part, any case), email address (whole) or stable label ("Contributor 34"). */
  author: z.string().trim().max(200).optional(),
  /** Only items waiting at least this many hours. */
  minAgeHours: z.coerce.number().int().min(0).max(24 * 365).optional(),
  sort: z.enum(QUEUE_SORTS, "Sort by oldest, by family, by practitioner reviews or for you.").optional(),
  page: z.coerce.number("The page is a number.").int("The page is a whole number.").min(1, "Pages start at 1.").max(100_000, "There are not that many pages.").optional(),
});

/** Pending items older than this (QUEUE_ESCALATE_AFTER_HOURS, default 72) are escalated: shown first, marked. */
export function escalateAfterMs(): number {
  return limitFromEnv("QUEUE_ESCALATE_AFTER_HOURS", 72) * 3_600_000;
}

/** The pending queue's age buckets, as the queue page counts them. */
export const AGE_BUCKETS = [
  { key: "underDay", label: "under 1 day", minHours: 0, maxHours: 24 },
  { key: "days1to3", label: "1–3 days", minHours: 24, maxHours: 72 },
  { key: "days3to7", label: "3–7 days", minHours: 72, maxHours: 168 },
  { key: "overWeek", label: "over a week", minHours: 168, maxHours: null },
] as const;

export interface QueueItem {
  id: string;
  kind: SubmissionKind;
  occupationCode: string;
  occupationTitle: string;
  summary: string;
  authorId: string;
  authorName: string;
  submittedAt: Date;
  reported: boolean;
  /** Reports not yet acted on (a published narrative's). */
  openReports: number;
  /** A published narrative with open reports: still on the page, waiting for a moderator to keep or hide it. */
  onPage: boolean;
  claimedByName: string | null;
  claimedByMe: boolean;
  claimExpiresAt: Date | null;
  /** SOC minor group of the occupation (15-1200), the family the queue sorts by. */
  family: string | null;
  /** Pending longer than the escalation threshold: listed first, marked. */
  escalated: boolean;
  /** In a family the moderator reviews. */
  forYou: boolean;
  /** Verified practitioners' reviews of it (lib/verifications/review-submission.ts). */
  practitionerReviews: number;
  /** A correction under the two-person rule: approvals given of the two, and whether the first is this moderator's. */
  approvals: { given: number; required: number; firstApproverName: string | null; mine: boolean } | null;
}

/** Published narratives and approved corrections with open reports (still on the page). */
const REPORTED_ON_PAGE: Prisma.SubmissionWhereInput = { status: "APPROVED", reports: { some: { resolvedAt: null } } };

/**
 * The pending submissions and the reported published narratives, one page at a time, filtered
 * and sorted (oldest first, or by family), with escalated items (pending longer than
 * `escalateAfterMs`) first whatever the sort (for you: the escalated in your families, the other
 * escalated, then the rest of your families, then everything else); with counts of the whole pending queue by kind,
 * by field and by age (moderators only).
 */
export async function findQueue({ actor, filters = {}, now = new Date() }: { actor: Actor | null; filters?: unknown; now?: Date }) {
  assertCan(actor, "moderation:view-queue");
  const f = parseOrThrow(ZFindQueueFiltersSchema, filters);
  const [authorIds, families] = await Promise.all([f.author ? findUserIdsByName(f.author) : null, findReviewerFamilies({ actor })]);
  const prefixes = families.map((family) => familyCodePrefix(family.family));
  const mineWhere: Prisma.SubmissionWhereInput | null = families.length > 0 ? inFamiliesWhere(families.map((family) => family.family)) : null;
  const where: Prisma.SubmissionWhereInput = {
    // Pending submissions, and published narratives with open reports (still on the page).
    OR: [{ status: "PENDING" }, REPORTED_ON_PAGE],
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.occupationCode ? { occupationCode: f.occupationCode } : {}),
    ...(authorIds ? { authorId: { in: authorIds } } : {}),
    ...(f.minAgeHours ? { submittedAt: { lte: new Date(now.getTime() - f.minAgeHours * 3_600_000) } } : {}),
  };
  const escalatedBefore = new Date(now.getTime() - escalateAfterMs());
  const escalatedWhere: Prisma.SubmissionWhereInput = { status: "PENDING", submittedAt: { lte: escalatedBefore } };
  const orderBy: Prisma.SubmissionOrderByWithRelationInput[] = [...(f.sort === "family" ? [{ occupationCode: "asc" as const }] : []), ...(f.sort === "reviews" ? [{ reviews: { _count: "desc" as const } }] : []), { submittedAt: "asc" }, { id: "asc" }];
  const page = f.page ?? 1;
  const offset = (page - 1) * QUEUE_PAGE_SIZE;

  // The list is made of parts shown one after the other (escalated first), paged across them.
  const notEscalated: Prisma.SubmissionWhereInput = { NOT: escalatedWhere };
  const parts: { where: Prisma.SubmissionWhereInput; escalated: boolean }[] =
    f.sort === "for-you" && mineWhere
      ? [
          { where: { AND: [where, escalatedWhere, mineWhere] }, escalated: true },
          { where: { AND: [where, escalatedWhere, { NOT: mineWhere }] }, escalated: true },
          { where: { AND: [where, notEscalated, mineWhere] }, escalated: false },
          { where: { AND: [where, notEscalated, { NOT: mineWhere }] }, escalated: false },
        ]
      : [
          { where: { AND: [where, escalatedWhere] }, escalated: true },
          { where: { AND: [where, notEscalated] }, escalated: false },
        ];
  const [partCounts, counts] = await Promise.all([Promise.all(parts.map((part) => prisma.submission.count({ where: part.where }))), countPendingQueue(now, escalatedBefore)]);
  const matching = partCounts.reduce((sum, n) => sum + n, 0);
  const rows: { row: Prisma.SubmissionGetPayload<{ select: typeof QUEUE_ROW }>; escalated: boolean }[] = [];
  let skip = offset;
  for (const [index, part] of parts.entries()) {
    const count = partCounts[index]!;
    if (rows.length >= QUEUE_PAGE_SIZE) break;
    if (skip >= count) {
      skip -= count;
      continue;
    }
    const found = await prisma.submission.findMany({ where: part.where, orderBy, skip, take: QUEUE_PAGE_SIZE - rows.length, select: QUEUE_ROW });
    rows.push(...found.map((row) => ({ row, escalated: part.escalated })));
    skip = 0;
  }
  const [occupations, names] = await Promise.all([
    prisma.occupation.findMany({ where: { code: { in: [...new Set(rows.map(({ row }) => row.occupationCode))] } }, select: { code: true, title: true } }),
    findDisplayNames(rows.flatMap(({ row }) => [row.authorId, ...(row.claimedById ? [row.claimedById] : []), ...(row.firstApprovedById ? [row.firstApprovedById] : [])])),
  ]);
  const titles = new Map(occupations.map((o) => [o.code, o.title]));
  const items: QueueItem[] = rows.map(({ row, escalated }) => {
    const claimActive = row.claimedById !== null && row.claimExpiresAt !== null && row.claimExpiresAt > now;
    const progress = row.status === "PENDING" ? approvalProgress(row) : null;
    return {
      id: row.id,
      kind: row.kind,
      occupationCode: row.occupationCode,
      occupationTitle: titles.get(row.occupationCode) ?? row.occupationCode,
      summary: row.kind === "NARRATIVE" ? "Narrative" : `${FIELD_LABELS[row.field ?? "DESCRIPTION"]} (${(row.operation ?? "CHANGE").toLowerCase()})`,
      authorId: row.authorId,
      authorName: nameOf(names, row.authorId),
      // A reported narrative still on the page waits from its first open report.
      submittedAt: row.status === "APPROVED" ? (row.reports[0]?.createdAt ?? now) : (row.submittedAt ?? now),
      reported: row.reportedAt !== null || row.reports.length > 0,
      openReports: row.reports.length,
      onPage: row.status === "APPROVED",
      claimedByName: claimActive ? nameOf(names, row.claimedById) : null,
      claimedByMe: claimActive && row.claimedById === actor.userId,
      claimExpiresAt: claimActive ? row.claimExpiresAt : null,
      family: socMinorGroupOf(row.occupationCode),
      escalated,
      forYou: prefixes.some((prefix) => row.occupationCode.startsWith(prefix)),
      practitionerReviews: row._count.reviews,
      approvals: progress && {
        given: progress.given,
        required: progress.required,
        firstApproverName: progress.firstApprovedById ? nameOf(names, progress.firstApprovedById) : null,
        mine: progress.firstApprovedById === actor.userId,
      },
    };
  });
  return { items, families: families.map((family) => family.family), matching, page, pageSize: QUEUE_PAGE_SIZE, pageCount: Math.max(1, Math.ceil(matching / QUEUE_PAGE_SIZE)), counts };
}

const QUEUE_ROW = {
  id: true,
  kind: true,
  status: true,
  occupationCode: true,
  field: true,
  operation: true,
  authorId: true,
  submittedAt: true,
  reportedAt: true,
  claimedById: true,
  claimExpiresAt: true,
  firstApprovedById: true,
  reports: { where: { resolvedAt: null }, select: { createdAt: true }, orderBy: { createdAt: "asc" } },
  _count: { select: { reviews: true } },
} as const satisfies Prisma.SubmissionSelect;

export type QueueAgeCounts = Record<(typeof AGE_BUCKETS)[number]["key"], number>;

/** The whole pending queue counted by kind, by corrected field, by age and escalation; and the reported narratives still on the page. */
async function countPendingQueue(now: Date, escalatedBefore: Date) {
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
  const [byWhat, [ages], reportedOnPage] = await Promise.all([
    prisma.submission.groupBy({ by: ["kind", "field"], where: { status: "PENDING" }, _count: { _all: true }, orderBy: [{ kind: "asc" }, { field: "asc" }] }),
    prisma.$queryRaw<[{ underDay: number; days1to3: number; days3to7: number; overWeek: number; escalated: number }]>`
      SELECT count(*) FILTER (WHERE "submittedAt" > ${hoursAgo(24)})::int AS "underDay",
             count(*) FILTER (WHERE "submittedAt" <= ${hoursAgo(24)} AND "submittedAt" > ${hoursAgo(72)})::int AS "days1to3",
             count(*) FILTER (WHERE "submittedAt" <= ${hoursAgo(72)} AND "submittedAt" > ${hoursAgo(168)})::int AS "days3to7",
             count(*) FILTER (WHERE "submittedAt" <= ${hoursAgo(168)})::int AS "overWeek",
             count(*) FILTER (WHERE "submittedAt" <= ${escalatedBefore})::int AS "escalated"
      FROM "Submission" WHERE status = 'PENDING'`,
    prisma.submission.count({ where: REPORTED_ON_PAGE }),
  ]);
  const count = (kind: SubmissionKind) => byWhat.filter((k) => k.kind === kind).reduce((sum, k) => sum + k._count._all, 0);
  const { escalated, ...byAge } = ages;
  return {
    pending: count("CORRECTION") + count("NARRATIVE"),
    corrections: count("CORRECTION"),
    narratives: count("NARRATIVE"),
    reportedOnPage,
    /** Pending items per kind and corrected field ("Task", "Narrative"), most first. */
    byWhat: byWhat
      .map((k) => ({ label: k.kind === "NARRATIVE" ? FIELD_LABELS.NARRATIVE : FIELD_LABELS[k.field ?? "DESCRIPTION"], count: k._count._all }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    byAge: byAge satisfies QueueAgeCounts,
    escalated,
  };
}
