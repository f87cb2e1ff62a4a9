import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { FIELD_LABELS } from "@/lib/community/fields";
import { findDisplayNames, nameOf } from "@/lib/community/find-display-names";
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { SECOND_LOOK_FINDINGS } from "./record-second-look-finding.types";

export const SECOND_LOOK_PAGE_SIZE = 50;
export const SECOND_LOOK_STATUSES = ["open", ...SECOND_LOOK_FINDINGS] as const;

export const ZFindSecondLooksInputSchema = z.object({
  /** open (no finding yet), fine or problem; absent: all. */
  status: z.enum(SECOND_LOOK_STATUSES, "The status is open, fine or problem.").optional(),
  /** mine: those the moderator is asked to look at (assigned to them, or to nobody and not their own); all: everyone's. */
  whose: z.enum(["mine", "all"], "Show mine or all.").optional(),
  /** Only the second looks of this change (its review page links them so, whatever page of the list they are on). */
  submission: z.string("The change is named by its id.").trim().min(1, "The change is named by its id.").max(64, "That is not a change's id.").optional(),
  page: z.coerce.number("The page is a number.").int("The page is a whole number.").min(1, "Pages start at 1.").max(100_000, "There are not that many pages.").optional(),
});

export interface SecondLookItem {
  id: string;
  submissionId: string;
  revisionId: string;
  revisionNumber: number | null;
  occupationCode: string;
  occupationTitle: string;
  slug: string | null;
  what: string;
  /** A narrative's approval is taken back by hiding it (its review page), a correction's by the page's rollback. */
  isNarrative: boolean;
  approverName: string;
  assigneeName: string | null;
  sampledAt: Date;
  finding: string | null;
  note: string | null;
  foundByName: string | null;
  foundAt: Date | null;
  /** Whether this moderator may record the finding now. */
  canRecord: boolean;
}

/** Second looks, newest first, filtered by status, whose and change, a page at a time (moderators and admins). */
export async function findSecondLooks({ actor, input = {} }: { actor: Actor | null; input?: unknown }) {
  assertCan(actor, "moderation:second-look");
  const f = parseOrThrow(ZFindSecondLooksInputSchema, input);
  const whose = f.whose ?? "mine";
  const where: Prisma.SecondLookWhereInput = {
    ...(f.status === "open" ? { foundAt: null } : f.status ? { finding: f.status } : {}),
    ...(f.submission ? { submissionId: f.submission } : {}),
    ...(whose === "mine" ? { OR: [{ assigneeId: actor.userId }, { assigneeId: null, approverId: { not: actor.userId } }] } : {}),
  };
  const page = f.page ?? 1;
  const [rows, matching] = await Promise.all([
    prisma.secondLook.findMany({ where, orderBy: [{ sampledAt: "desc" }, { id: "desc" }], skip: (page - 1) * SECOND_LOOK_PAGE_SIZE, take: SECOND_LOOK_PAGE_SIZE }),
    prisma.secondLook.count({ where }),
  ]);
  const [submissions, revisions, occupations] = await Promise.all([
    prisma.submission.findMany({ where: { id: { in: rows.map((r) => r.submissionId) } }, select: { id: true, kind: true, field: true, authorId: true } }),
    prisma.revision.findMany({ where: { id: { in: rows.map((r) => r.revisionId) } }, select: { id: true, number: true } }),
    prisma.occupation.findMany({ where: { code: { in: rows.map((r) => r.occupationCode) } }, select: { code: true, title: true, slug: true } }),
  ]);
  const submissionOf = new Map(submissions.map((s) => [s.id, s]));
  const numberOf = new Map(revisions.map((r) => [r.id, r.number]));
  const occupationOf = new Map(occupations.map((o) => [o.code, o]));
  const names = await findDisplayNames(rows.flatMap((r) => [r.approverId, r.assigneeId, r.foundById].filter((id): id is string => id !== null)));
  const items = rows.map((row): SecondLookItem => {
    const submission = submissionOf.get(row.submissionId);
    const occupation = occupationOf.get(row.occupationCode);
    return {
      id: row.id,
      submissionId: row.submissionId,
      revisionId: row.revisionId,
      revisionNumber: numberOf.get(row.revisionId) ?? null,
      occupationCode: row.occupationCode,
      occupationTitle: occupation?.title ?? row.occupationCode,
      slug: occupation?.slug ?? null,
      what: submission?.kind === "NARRATIVE" ? FIELD_LABELS.NARRATIVE : submission?.field ? FIELD_LABELS[submission.field] : "Change",
      isNarrative: submission?.kind === "NARRATIVE",
      approverName: nameOf(names, row.approverId),
      assigneeName: row.assigneeId ? nameOf(names, row.assigneeId) : null,
      sampledAt: row.sampledAt,
      finding: row.finding,
      note: row.note,
      foundByName: row.foundById ? nameOf(names, row.foundById) : null,
      foundAt: row.foundAt,
      canRecord:
        row.foundAt === null &&
        row.approverId !== actor.userId &&
        submission?.authorId !== actor.userId &&
        (row.assigneeId === null || row.assigneeId === actor.userId || actor.role === "ADMIN"),
    };
  });
  return { items, matching, page, whose, status: f.status ?? null, submission: f.submission ?? null, pageCount: Math.max(1, Math.ceil(matching / SECOND_LOOK_PAGE_SIZE)) };
}
