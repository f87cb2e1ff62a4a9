import "server-only";
import { recordDataChangeIn } from "@/lib/cache/record-data-change";
import { publicProfilePath } from "@/lib/community/find-display-names";
import { formatDate } from "@/lib/dates";
import { prisma } from "@/lib/db/prisma";
import { queueNotification } from "@/lib/notifications/queue-notification";
import { pagesShowingPerson } from "@/lib/profiles/pages-showing-person";
import { limitFromEnv } from "@/lib/rate-limit/consume-rate-limit";
import { siteUrl } from "@/lib/site-url.cjs";

/** Grants handled in one run at most (a backlog is worked off by the next runs). */
const EXPIRIES_PER_RUN = 500;

/** How many days before its end a practitioner is told that their verification runs out: VERIFICATION_EXPIRY_NOTICE_DAYS, default 14. */
export function verificationExpiryNoticeDays(): number {
  return limitFromEnv("VERIFICATION_EXPIRY_NOTICE_DAYS", 14);
}

export interface ApplyVerificationExpiriesResult {
  /** Grants whose end was handled now (their pages revalidated). */
  expired: number;
  /** The DataChange recorded for them (null: none expired). */
  dataChangeId: number | null;
  /** Practitioners told now that a verification runs out soon. */
  warned: number;
}

/**
 * The `expire-verifications` job (lib/jobs/scheduled-jobs.ts). A badge stops showing by itself
 * when its grant's `expiresAt` passes (every read asks activeVerificationWhere), but cached
 * pages (the role pages over the person's narratives, their /people/<n>) keep it until they are
 * rendered again. So each run takes the grants that ended and were not handled yet
 * (`expiryAppliedAt` null: no watermark to keep, nothing missed when a run fails or an instance
 * was down), and in one transaction marks them handled and records a data change naming those
 * pages (lib/cache/record-data-change.ts): every app instance drops its copies on commit and one
 * refreshes the cache front, as for an import. Two runs at once handle each grant once (row locks,
 * SKIP LOCKED). Then it tells each practitioner whose running verification ends within
 * VERIFICATION_EXPIRY_NOTICE_DAYS (and who has no later grant of the occupation) once, in the app
 * and by email with SMTP (the notification's dedupe key).
 */
export async function applyVerificationExpiries({ now = new Date() }: { now?: Date } = {}): Promise<ApplyVerificationExpiriesResult> {
  const { expired, dataChangeId } = await prisma.$transaction(async (tx) => {
    const ended = await tx.$queryRaw<{ id: string; userId: string }[]>`
      SELECT id, "userId" FROM "PractitionerVerification"
       WHERE status = 'GRANTED' AND "expiresAt" <= ${now} AND "expiryAppliedAt" IS NULL
       ORDER BY "expiresAt", id LIMIT ${EXPIRIES_PER_RUN}
       FOR UPDATE SKIP LOCKED`;
    if (ended.length === 0) return { expired: 0, dataChangeId: null };
    await tx.practitionerVerification.updateMany({ where: { id: { in: ended.map((v) => v.id) } }, data: { expiryAppliedAt: now } });
    const roles = new Set<string>();
    const paths: string[] = [];
    for (const userId of new Set(ended.map((v) => v.userId))) {
      const shown = await pagesShowingPerson(tx, userId);
      shown.rolesShowingPerson.forEach((code) => roles.add(code));
      paths.push(publicProfilePath(shown.personNumber));
    }
    const id = await recordDataChangeIn(tx, { source: "verification-expiry", occupationCodes: [...roles].sort(), paths });
    return { expired: ended.length, dataChangeId: id };
  });
  return { expired, dataChangeId, warned: await warnOfEndingVerifications(now) };
}

/** One notification per grant that ends within the notice period, unless a later grant of the same occupation runs on. */
async function warnOfEndingVerifications(now: Date): Promise<number> {
  const until = new Date(now.getTime() + verificationExpiryNoticeDays() * 86_400_000);
  const ending = await prisma.$queryRaw<{ id: string; userId: string; occupationCode: string; expiresAt: Date }[]>`
    SELECT v.id, v."userId", v."occupationCode", v."expiresAt" FROM "PractitionerVerification" v
     WHERE v.status = 'GRANTED' AND v."expiresAt" > ${now} AND v."expiresAt" <= ${until}
       AND NOT EXISTS (SELECT 1 FROM "PractitionerVerification" later
                        WHERE later."userId" = v."userId" AND later."occupationCode" = v."occupationCode"
                          AND later.status = 'GRANTED' AND later."expiresAt" > v."expiresAt")
       AND NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."dedupeKey" = 'verification-expiring:' || v.id)
     ORDER BY v."expiresAt", v.id`;
  let warned = 0;
  for (const verification of ending) {
    const occupation = await prisma.occupation.findUnique({ where: { code: verification.occupationCode }, select: { title: true } });
    const title = occupation?.title ?? verification.occupationCode;
    const summary = `Your verification as a practitioner of ${title} runs out on ${formatDate(verification.expiresAt)}. Ask again to renew it.`;
    const text = [summary, "", `Your verifications: ${siteUrl()}/me/verifications`].join("\n");
    const queued = await prisma.$transaction((tx) =>
      queueNotification(tx, {
        userId: verification.userId,
        kind: "VERIFICATION_EXPIRING",
        summary,
        email: { subject: `Your verification as a practitioner of ${title} runs out soon`, text },
        occupationCode: verification.occupationCode,
        dedupeKey: `verification-expiring:${verification.id}`,
      }),
    );
    if (queued) warned += 1;
  }
  return warned;
}
