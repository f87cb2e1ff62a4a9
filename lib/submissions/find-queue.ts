import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { FIELD_LABELS } from "@/lib/community/fields";
import { findDisplayNames, nameOf } from "@/lib/community/find-display-names";
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SubmissionKind } from "@/lib/generated/prisma/enums";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";

export const ZFindQueueFiltersSchema = z.object({
  kind: z.enum(["CORRECTION", "NARRATIVE"]).optional(),
  occupationCode: z.string().max(20).optional(),
  /** The author's display name or account name (any part, any case) or email address (whole). */
  author: z.string().trim().max(200).optional(),
  /** Only items waiting at least this many hours. */
  minAgeHours: z.coerce.number().int().min(0).max(24 * 365).optional(),
});

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
}

const REPORTED_ON_PAGE: Prisma.SubmissionWhereInput = { status: "APPROVED", kind: "NARRATIVE", reports: { some: { resolvedAt: null } } };

/** The pending submissions and the reported published narratives, oldest first, filtered, with counts per kind (moderators only). */
export async function findQueue({ actor, filters = {}, now = new Date(), take = 100 }: { actor: Actor | null; filters?: unknown; now?: Date; take?: number }) {
  assertCan(actor, "moderation:view-queue");
  const f = parseOrThrow(ZFindQueueFiltersSchema, filters);
  const authorIds = f.author ? await findAuthorIds(f.author) : null;
  const where: Prisma.SubmissionWhereInput = {
    // Pending submissions, and published narratives with open reports (still on the page).
    OR: [{ status: "PENDING" }, REPORTED_ON_PAGE],
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.occupationCode ? { occupationCode: f.occupationCode } : {}),
    ...(authorIds ? { authorId: { in: authorIds } } : {}),
    ...(f.minAgeHours ? { submittedAt: { lte: new Date(now.getTime() - f.minAgeHours * 3_600_000) } } : {}),
  };
  const [rows, byKind, total, reportedOnPage] = await Promise.all([
    prisma.submission.findMany({
      where,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take,
      select: { id: true, kind: true, status: true, occupationCode: true, field: true, operation: true, authorId: true, submittedAt: true, reportedAt: true, claimedById: true, claimExpiresAt: true, reports: { where: { resolvedAt: null }, select: { createdAt: true }, orderBy: { createdAt: "asc" } } },
    }),
    prisma.submission.groupBy({ by: ["kind"], where: { status: "PENDING" }, _count: { _all: true } }),
    prisma.submission.count({ where }),
    prisma.submission.count({ where: REPORTED_ON_PAGE }),
  ]);
  const [occupations, names] = await Promise.all([
    prisma.occupation.findMany({ where: { code: { in: [...new Set(rows.map((r) => r.occupationCode))] } }, select: { code: true, title: true } }),
    findDisplayNames(rows.flatMap((r) => [r.authorId, ...(r.claimedById ? [r.claimedById] : [])])),
  ]);
  const titles = new Map(occupations.map((o) => [o.code, o.title]));
  const items: QueueItem[] = rows.map((row) => {
    const claimActive = row.claimedById !== null && row.claimExpiresAt !== null && row.claimExpiresAt > now;
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
    };
  });
  const count = (kind: SubmissionKind) => byKind.find((k) => k.kind === kind)?._count._all ?? 0;
  return { items, matching: total, counts: { pending: count("CORRECTION") + count("NARRATIVE"), corrections: count("CORRECTION"), narratives: count("NARRATIVE"), reportedOnPage } };
}

/** Users a moderator may mean by `text`: the email address, or a part of the display or account name. */
async function findAuthorIds(text: string): Promise<string[]> {
  const users = await prisma.user.findMany({
    where: {
      OR: [
        { email: { equals: text, mode: "insensitive" } },
        { name: { contains: text, mode: "insensitive" } },
        { profile: { displayName: { contains: text, mode: "insensitive" } } },
      ],
    },
    select: { id: true },
    take: 200,
  });
  return users.map((user) => user.id);
}
