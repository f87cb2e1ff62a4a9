import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import type { Tx } from "@/lib/db/transaction";
import { FIELD_LABELS } from "@/lib/community/fields";
import type { CommunityField, SubmissionKind } from "@/lib/generated/prisma/enums";
import { queueNotification } from "@/lib/notifications/queue-notification";
import { siteUrl } from "@/lib/site-url.cjs";

/** The share of approvals sampled for a second look when SECOND_LOOK_RATE is unset. */
export const DEFAULT_SECOND_LOOK_RATE = 0.05;

export const ZSecondLookRateSchema = z.coerce
  .number("SECOND_LOOK_RATE is a share between 0 and 1, e.g. 0.05 for 5 %.")
  .min(0, "SECOND_LOOK_RATE is a share between 0 and 1, e.g. 0.05 for 5 %.")
  .max(1, "SECOND_LOOK_RATE is a share between 0 and 1, e.g. 0.05 for 5 %.");

/** SECOND_LOOK_RATE (0 to 1; default 5 %). A wrong value stops with a clear message. */
export function secondLookRate(env: NodeJS.ProcessEnv = process.env): number {
  if (env.SECOND_LOOK_RATE === undefined || env.SECOND_LOOK_RATE.trim() === "") return DEFAULT_SECOND_LOOK_RATE;
  const parsed = ZSecondLookRateSchema.safeParse(env.SECOND_LOOK_RATE);
  if (!parsed.success) throw new Error(`${parsed.error.issues[0]!.message} Found: "${env.SECOND_LOOK_RATE}".`);
  return parsed.data;
}

const DRAW_RANGE = 1_000_000;


/**
 * Inside the approval's transaction, after the page's revision was written: with probability
 * SECOND_LOOK_RATE, the approval goes to another moderator's second-look queue. The assignee is
 * the active moderator or admin with the fewest open second looks (ties at random) who is neither
 * the approver, the author nor the first approver (two-person rule); with nobody else, any other
 * moderator may take it (assignee null). The assignee gets an in-app notification (and, with SMTP,
 * an email through the outbox) in the same transaction. Sampling here rather than in a scheduled job: it is
 * decided exactly once per approval, atomically with it, with no watermark to keep.
 */
export async function sampleSecondLook(
  tx: Tx,
  {
    submission,
    revisionId,
    approverId,
    now,
  }: { submission: { id: string; kind: SubmissionKind; field: CommunityField | null; occupationCode: string; authorId: string; firstApprovedById: string | null }; revisionId: string; approverId: string; now: Date },
): Promise<{ secondLookId: string } | null> {
  // A draw in [0, 1): rate 0 samples nothing, rate 1 every approval.
  if (randomInt(DRAW_RANGE) / DRAW_RANGE >= secondLookRate()) return null;
  const excluded = [approverId, submission.authorId, ...(submission.firstApprovedById ? [submission.firstApprovedById] : [])];
  const [assignee] = await tx.$queryRaw<{ id: string }[]>`
    SELECT u.id FROM "User" u
    LEFT JOIN "SecondLook" s ON s."assigneeId" = u.id AND s."foundAt" IS NULL
    WHERE u.role IN ('MODERATOR', 'ADMIN') AND u."deletedAt" IS NULL
      AND (u."bannedAt" IS NULL OR (u."bannedUntil" IS NOT NULL AND u."bannedUntil" <= ${now}))
      AND u.id <> ALL(${excluded}::text[])
    GROUP BY u.id ORDER BY count(s.id), random() LIMIT 1`;
  const created = await tx.secondLook.create({
    data: { submissionId: submission.id, revisionId, occupationCode: submission.occupationCode, approverId, assigneeId: assignee?.id ?? null, sampledAt: now },
    select: { id: true },
  });
  if (assignee) {
    const occupation = await tx.occupation.findUnique({ where: { code: submission.occupationCode }, select: { title: true } });
    const what = submission.kind === "NARRATIVE" ? "a narrative" : `a correction (${FIELD_LABELS[submission.field ?? "DESCRIPTION"].toLowerCase()})`;
    const summary = `An approval of ${what} on ${occupation?.title ?? submission.occupationCode} was sampled for your second look.`;
    const text = [summary, "", `Review it: ${siteUrl()}/moderation/${submission.id}`, `Your second looks: ${siteUrl()}/moderation/second-looks#second-look-${created.id}`].join("\n");
    await queueNotification(tx, { userId: assignee.id, kind: "SECOND_LOOK_ASSIGNED", summary, email: { subject: "A second look for you", text }, occupationCode: submission.occupationCode, dedupeKey: `second-look:${created.id}` });
  }
  return { secondLookId: created.id };
}
