import "server-only";
import { FIELD_LABELS } from "@/lib/community/fields";
import { formatAge, formatWait } from "@/lib/dates";
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { queueNotification } from "@/lib/notifications/queue-notification";
import { isSuspended } from "@/lib/people/suspension";
import { siteUrl } from "@/lib/site-url.cjs";
import { escalateAfterMs } from "@/lib/submissions/find-queue";
import { findReviewerFamilies, inFamiliesWhere } from "./find-reviewer-families";

/** At most this many items listed in one digest (the count says how many wait). */
const LISTED_ITEMS = 20;

export interface SendReviewDigestsResult {
  /** Digests queued now. */
  queued: number;
  /** Reviewers whose digest of this day was already queued (another instance, a second run). */
  alreadySent: number;
}

/**
 * The review digest: each moderator (or admin) with families to review (findReviewerFamilies)
 * and pending items in them, which they did not write, gets one in-app notification and, with
 * SMTP, one email listing them, escalated items (pending longer than
 * QUEUE_ESCALATE_AFTER_HOURS) first. Once per reviewer and UTC day: the notification's dedupe
 * key makes a second run (another instance, a retried job) queue nothing. Run by the
 * `send-review-digests` job (lib/jobs/scheduled-jobs.ts).
 */
export async function sendReviewDigests({ now = new Date() }: { now?: Date } = {}): Promise<SendReviewDigestsResult> {
  const result: SendReviewDigestsResult = { queued: 0, alreadySent: 0 };
  const reviewers = await prisma.user.findMany({ where: { role: { in: ["MODERATOR", "ADMIN"] }, deletedAt: null }, select: { id: true, role: true, bannedAt: true, bannedUntil: true }, orderBy: { id: "asc" } });
  const day = now.toISOString().slice(0, 10);
  for (const reviewer of reviewers) {
    if (isSuspended(reviewer, now)) continue;
    const families = (await findReviewerFamilies({ actor: { userId: reviewer.id, role: reviewer.role } })).map((f) => f.family);
    if (families.length === 0) continue;
    const digest = await buildDigest(reviewer.id, families, now);
    if (!digest) continue;
    const queued = await prisma.$transaction((tx) => queueNotification(tx, { userId: reviewer.id, kind: "REVIEW_DIGEST", dedupeKey: `review-digest:${reviewer.id}:${day}`, ...digest }));
    if (queued) result.queued += 1;
    else result.alreadySent += 1;
  }
  return result;
}

/** What waits in the families, escalated first: the in-app line and the email; null when nothing waits. */
async function buildDigest(userId: string, families: readonly string[], now: Date) {
  const escalatedBefore = new Date(now.getTime() - escalateAfterMs());
  const where: Prisma.SubmissionWhereInput = { status: "PENDING", authorId: { not: userId }, ...inFamiliesWhere(families) };
  const select = { id: true, kind: true, field: true, occupationCode: true, submittedAt: true } as const;
  const orderBy = [{ submittedAt: "asc" as const }, { id: "asc" as const }];
  const [waiting, escalatedCount, escalated, others] = await Promise.all([
    prisma.submission.count({ where }),
    prisma.submission.count({ where: { AND: [where, { submittedAt: { lte: escalatedBefore } }] } }),
    prisma.submission.findMany({ where: { AND: [where, { submittedAt: { lte: escalatedBefore } }] }, orderBy, take: LISTED_ITEMS, select }),
    prisma.submission.findMany({ where: { AND: [where, { NOT: { submittedAt: { lte: escalatedBefore } } }] }, orderBy, take: LISTED_ITEMS, select }),
  ]);
  if (waiting === 0) return null;
  const listedEscalated = escalated;
  const listedOthers = others.slice(0, LISTED_ITEMS - listedEscalated.length);
  const titles = new Map(
    (await prisma.occupation.findMany({ where: { code: { in: [...new Set([...listedEscalated, ...listedOthers].map((s) => s.occupationCode))] } }, select: { code: true, title: true } })).map((o) => [o.code, o.title]),
  );
  const site = siteUrl();
  const line = (item: (typeof escalated)[number]) =>
    `- ${titles.get(item.occupationCode) ?? item.occupationCode}: ${item.kind === "NARRATIVE" ? "narrative" : `correction (${FIELD_LABELS[item.field ?? "DESCRIPTION"].toLowerCase()})`}, waiting ${formatAge(now.getTime() - (item.submittedAt ?? now).getTime())} — ${site}/moderation/${item.id}`;
  const items = waiting === 1 ? "1 item waits" : `${waiting} items wait`;
  const summary = `${items} in the families you review (${families.join(", ")})${escalatedCount > 0 ? `; ${escalatedCount} escalated` : ""}.`;
  const text = [
    summary,
    ...(listedEscalated.length > 0 ? ["", `Escalated (waiting more than ${formatWait(escalateAfterMs())}):`, ...listedEscalated.map(line)] : []),
    ...(listedOthers.length > 0 ? ["", "Waiting:", ...listedOthers.map(line)] : []),
    ...(waiting > listedEscalated.length + listedOthers.length ? ["", `… and ${waiting - listedEscalated.length - listedOthers.length} more.`] : []),
    "",
    `Your families first: ${site}/moderation?sort=for-you`,
    `Choose your families: ${site}/moderation/families`,
  ].join("\n");
  return { summary, email: { subject: `Review digest: ${items} in your families`, text } };
}
