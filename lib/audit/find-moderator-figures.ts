import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { findDisplayNames, nameOf } from "@/lib/community/find-display-names";
import { prisma } from "@/lib/db/prisma";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";

export const FIGURE_PERIODS = [30, 90, 365] as const;

export const ZFindModeratorFiguresInputSchema = z.object({
  days: z.coerce.number().pipe(z.union(FIGURE_PERIODS.map((days) => z.literal(days)), "The period is 30, 90 or 365 days.")).optional(),
});

export interface ModeratorFigures {
  userId: string;
  name: string;
  /** Approvals, declines and requests for changes in the period. */
  decisions: number;
  approvals: number;
  declines: number;
  changesRequested: number;
  /** First approvals of two-person corrections (not decisions: the second approval publishes). */
  firstApprovals: number;
  /** Median time from sending to their decision (null: none decided in the period). */
  medianDecideMs: number | null;
  /** Of their approvals in the period that changed a page, how many a later rollback undid. */
  approvedChanges: number;
  rolledBack: number;
  /** Narratives and corrections they approved in the period, and how many readers reported afterwards. */
  approvedContributions: number;
  reportedAfterApproval: number;
  /** Of their approvals in the period sampled for a second look, how many were looked at, and found a problem. */
  secondLooked: number;
  secondLookProblems: number;
}

/**
 * What each moderator decided in the last `days` days (admins only): how many decisions, of which
 * kind, how long they took (sending to decision, median), and how many of their approvals were
 * later rolled back or reported (narratives and corrections alike: lib/submissions/report-correction.ts). A rollback undoes an approval when it restores
 * the item to a state from before it (the approval's revision or an earlier one) that differs
 * from what the approval published. Also: first approvals of two-person corrections, and what
 * second looks at their sampled approvals found.
 */
export async function findModeratorFigures({ actor, input = {}, now = new Date() }: { actor: Actor | null; input?: unknown; now?: Date }) {
  assertCan(actor, "moderation:view-figures");
  const days = parseOrThrow(ZFindModeratorFiguresInputSchema, input).days ?? 90;
  const since = new Date(now.getTime() - days * 86_400_000);
  const rows = await prisma.$queryRaw<Omit<ModeratorFigures, "name">[]>`
    WITH people AS (
      SELECT id AS "userId" FROM "User" WHERE role IN ('MODERATOR', 'ADMIN')
      UNION SELECT DISTINCT "actorId" FROM "AuditEntry" WHERE action IN ('submission.approve', 'submission.decline', 'submission.request-changes', 'submission.approve-first') AND "createdAt" > ${since} AND "createdAt" <= ${now}
    ),
    decided AS (
      SELECT "actorId" AS "userId", count(*) FILTER (WHERE action <> 'submission.approve-first')::int AS decisions,
             count(*) FILTER (WHERE action = 'submission.approve')::int AS approvals,
             count(*) FILTER (WHERE action = 'submission.decline')::int AS declines,
             count(*) FILTER (WHERE action = 'submission.request-changes')::int AS "changesRequested",
             count(*) FILTER (WHERE action = 'submission.approve-first')::int AS "firstApprovals"
      FROM "AuditEntry" WHERE action IN ('submission.approve', 'submission.decline', 'submission.request-changes', 'submission.approve-first') AND "createdAt" > ${since} AND "createdAt" <= ${now}
      GROUP BY "actorId"
    ),
    timing AS (
      SELECT "decidedById" AS "userId", percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "decidedAt" - "submittedAt"))::float8 AS seconds
      FROM "Submission" WHERE "decidedById" IS NOT NULL AND "decidedAt" > ${since} AND "decidedAt" <= ${now} AND "submittedAt" IS NOT NULL
      GROUP BY "decidedById"
    ),
    approved AS (
      SELECT a."actorId" AS "userId",
             count(*) FILTER (WHERE a.field <> 'NARRATIVE')::int AS "approvedChanges",
             count(*) FILTER (WHERE a.field <> 'NARRATIVE' AND EXISTS (
               SELECT 1 FROM "Revision" r JOIN "Revision" t ON t.id = r."restoredFromId"
               WHERE r.kind = 'ROLLBACK' AND r."occupationCode" = a."occupationCode" AND r.field = a.field AND r."itemKey" = a."itemKey"
                 AND r.number > a.number AND t.number <= a.number AND r.after <> a.after))::int AS "rolledBack",
             count(*) FILTER (WHERE a."submissionId" IS NOT NULL)::int AS "approvedContributions",
             count(*) FILTER (WHERE a."submissionId" IS NOT NULL AND EXISTS (
               SELECT 1 FROM "NarrativeReport" n WHERE n."submissionId" = a."submissionId" AND n."createdAt" > a."createdAt"))::int AS "reportedAfterApproval"
      FROM "Revision" a WHERE a.kind = 'APPROVAL' AND a."createdAt" > ${since} AND a."createdAt" <= ${now}
      GROUP BY a."actorId"
    ),
    looked AS (
      SELECT "approverId" AS "userId", count(*) FILTER (WHERE "foundAt" IS NOT NULL)::int AS "secondLooked", count(*) FILTER (WHERE finding = 'problem')::int AS "secondLookProblems"
      FROM "SecondLook" WHERE "sampledAt" > ${since} AND "sampledAt" <= ${now}
      GROUP BY "approverId"
    )
    SELECT p."userId",
           COALESCE(d.decisions, 0) AS decisions, COALESCE(d.approvals, 0) AS approvals, COALESCE(d.declines, 0) AS declines, COALESCE(d."changesRequested", 0) AS "changesRequested", COALESCE(d."firstApprovals", 0) AS "firstApprovals",
           t.seconds * 1000 AS "medianDecideMs",
           COALESCE(a."approvedChanges", 0) AS "approvedChanges", COALESCE(a."rolledBack", 0) AS "rolledBack",
           COALESCE(a."approvedContributions", 0) AS "approvedContributions", COALESCE(a."reportedAfterApproval", 0) AS "reportedAfterApproval",
           COALESCE(l."secondLooked", 0) AS "secondLooked", COALESCE(l."secondLookProblems", 0) AS "secondLookProblems"
    FROM people p LEFT JOIN decided d USING ("userId") LEFT JOIN timing t USING ("userId") LEFT JOIN approved a USING ("userId") LEFT JOIN looked l USING ("userId")
    ORDER BY COALESCE(d.decisions, 0) DESC, p."userId"`;
  const names = await findDisplayNames(rows.map((row) => row.userId));
  return { days, moderators: rows.map((row): ModeratorFigures => ({ ...row, name: nameOf(names, row.userId) })) };
}
