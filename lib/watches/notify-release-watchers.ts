// Universal (no server-only imports): it runs inside the O*NET import's transaction, in the
// import script as well as in the app.
import { randomUUID } from "node:crypto";
import type { PoolClient } from "pg";
import { isEmailConfigured } from "@/lib/email/email-configured";
import { signedEmailText } from "@/lib/notifications/email-text";
import { isSuspended } from "@/lib/people/suspension";
import { releaseRevisionText } from "@/lib/revisions/release-revision-text";
import { pageChangedMessage } from "./page-changed-message";

/**
 * notifyPageWatchers (lib/watches/notify-page-watchers.ts) for the revisions an O*NET import wrote (lib/community/official-release-changes.ts),
 * in the import's own transaction (a pg client, not Prisma): one statement for the
 * notifications, one for their emails, whatever the number of pages.
 */
export async function notifyReleaseWatchers(client: PoolClient, revisionIds: readonly string[]): Promise<number> {
  if (revisionIds.length === 0) return 0;
  const { rows } = await client.query<{ userId: string; email: string; bannedAt: Date | null; bannedUntil: Date | null; revisionId: string; occupationCode: string; number: number; after: unknown; title: string; slug: string }>(
    `SELECT w."userId", u."email", u."bannedAt", u."bannedUntil", r."id" AS "revisionId", r."occupationCode", r."number", r."after", o."title", o."slug"
       FROM "Revision" r
       JOIN "PageWatch" w ON w."occupationCode" = r."occupationCode"
       JOIN "User" u ON u."id" = w."userId" AND u."deletedAt" IS NULL
       JOIN "Occupation" o ON o."code" = r."occupationCode"
      WHERE r."id" = ANY($1::text[])`,
    [revisionIds],
  );
  if (rows.length === 0) return 0;
  const messages = rows.map((row) => ({ row, id: `n_${randomUUID()}`, ...pageChangedMessage({ title: row.title, slug: row.slug, number: row.number, summary: releaseRevisionText(row.after) }) }));
  await client.query(
    `INSERT INTO "Notification" ("id", "userId", "kind", "occupationCode", "revisionId", "summary")
     SELECT t.id, t."userId", 'PAGE_CHANGED', t.code, t."revisionId", t.summary
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(id, "userId", code, "revisionId", summary)`,
    [messages.map((m) => m.id), messages.map((m) => m.row.userId), messages.map((m) => m.row.occupationCode), messages.map((m) => m.row.revisionId), messages.map((m) => m.summary)],
  );
  const emails = isEmailConfigured() ? messages.filter((m) => m.row.email && !isSuspended(m.row)) : [];
  if (emails.length > 0) {
    await client.query(
      `INSERT INTO "OutboxEmail" ("id", "notificationId", "to", "subject", "text")
       SELECT 'e_' || t."notificationId", t."notificationId", t."to", t.subject, t.text
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t("notificationId", "to", subject, text)`,
      [emails.map((m) => m.id), emails.map((m) => m.row.email), emails.map((m) => m.email.subject), emails.map((m) => signedEmailText(m.email.text))],
    );
  }
  return messages.length;
}
