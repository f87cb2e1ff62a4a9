import { createHash, randomBytes, randomUUID } from "node:crypto";
import pg from "pg";

/**
 * Data for the security specs, written straight into the e2e database with plain `pg` (as
 * tests/support/seed-users.ts does): submissions in any state, notifications, and reads of
 * what an action may have changed. Everything is on the fixture page All Other Test Workers
 * (99-0004.00), whose description and community section no other spec reads, and belongs to
 * users made per check, so the two parallel workers never touch each other's rows.
 */
export const SECURITY_OCCUPATION = { code: "99-0004.00", slug: "all-other-test-workers" } as const;

let pool: pg.Pool | undefined;

export function database(): pg.Pool {
  const connectionString = process.env.E2E_DATABASE_URL;
  if (!connectionString) throw new Error("E2E_DATABASE_URL is not set: run through `npm run test:e2e`");
  pool ??= new pg.Pool({ connectionString, max: 4 });
  return pool;
}

export async function closeDatabase() {
  await pool?.end();
  pool = undefined;
}

async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
  return (await database().query(sql, params)).rows[0] as T;
}

export const uniqueText = (label: string) => `${label} ${randomBytes(4).toString("hex")}`;

/** A tiptap document with enough text to be sent for review (200 characters). */
export function narrativeDocument(text: string) {
  return { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `${text}. ${"The work is mostly careful checking, writing down what was found, and talking to the people who rely on it. ".repeat(3)}` }] }] };
}

type SubmissionStatus = "DRAFT" | "PENDING" | "APPROVED" | "CHANGES_REQUESTED";

/** A description correction by `authorId` (DESCRIPTION, CHANGE), in `status`. */
export async function insertCorrection(authorId: string, status: SubmissionStatus = "PENDING"): Promise<string> {
  const id = randomUUID();
  await database().query(
    `INSERT INTO "Submission" ("id", "kind", "status", "occupationCode", "authorId", "field", "operation", "itemKey", "proposedValue", "baseValue", "baseRevisionNumber", "rationale", "submittedAt", "updatedAt")
     VALUES ($1, 'CORRECTION', $2::"SubmissionStatus", $3, $4, 'DESCRIPTION', 'CHANGE', '', $5, $6, 0, $7, now(), now())`,
    [id, status, SECURITY_OCCUPATION.code, authorId, { text: uniqueText("All other test workers do careful checking") }, { official: true, value: { text: "All test workers not listed separately." } }, "A security check of who may act on this submission."],
  );
  return id;
}

/** An approved correction by `authorId` that the page shows: one alternate title added (its community value points to it). */
export async function insertApprovedListItemCorrection(authorId: string): Promise<string> {
  const id = randomUUID();
  const itemKey = `new:${randomUUID()}`;
  const value = { item: uniqueText("Payload Title") };
  const client = await database().connect();
  const { code } = SECURITY_OCCUPATION;
  try {
    await client.query("BEGIN");
    await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`page:${code}`]);
    const { rows } = await client.query(`SELECT coalesce(max("number"), 0) + 1 AS next FROM "Revision" WHERE "occupationCode" = $1`, [code]);
    const number = Number(rows[0].next);
    await client.query(
      `INSERT INTO "Submission" ("id", "kind", "status", "occupationCode", "authorId", "field", "operation", "itemKey", "proposedValue", "baseValue", "baseRevisionNumber", "rationale", "submittedAt", "decidedAt", "updatedAt")
       VALUES ($1, 'CORRECTION', 'APPROVED', $2, $3, 'ALTERNATE_TITLES', 'ADD', $4, $5, $6, 0, $7, now(), now(), now())`,
      [id, code, authorId, itemKey, value, { official: false, value: null }, "A security check of who may report this correction."],
    );
    await client.query(
      `INSERT INTO "Revision" ("id", "occupationCode", "number", "kind", "field", "itemKey", "before", "after", "submissionId", "actorId") VALUES ($1, $2, $3, 'APPROVAL', 'ALTERNATE_TITLES', $4, $5, $6, $7, $8)`,
      [randomUUID(), code, number, itemKey, { official: false, value: null }, { official: false, value }, id, authorId],
    );
    await client.query(`INSERT INTO "CommunityValue" ("occupationCode", "field", "itemKey", "value", "removed", "revisionNumber", "submissionId", "updatedAt") VALUES ($1, 'ALTERNATE_TITLES', $2, $3, false, $4, $5, now())`, [code, itemKey, value, number, id]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
  return id;
}

/** A narrative by `authorId` in `status` (APPROVED ones show on the page). */
export async function insertNarrative(authorId: string, status: SubmissionStatus): Promise<string> {
  const id = randomUUID();
  const doc = narrativeDocument(uniqueText("Seeded narrative"));
  await database().query(
    `INSERT INTO "Submission" ("id", "kind", "status", "occupationCode", "authorId", "narrativeDoc", "narrativeHtml", "yearsInRole", "promptAnswers", "submittedAt", "decidedAt", "updatedAt")
     VALUES ($1, 'NARRATIVE', $2::"SubmissionStatus", $3, $4, $5, $6, 3, '{}', now(), CASE WHEN $2 = 'APPROVED' THEN now() END, now())`,
    [id, status, SECURITY_OCCUPATION.code, authorId, doc, `<p>${doc.content[0]!.content[0]!.text}</p>`],
  );
  return id;
}

export async function insertNotification(userId: string, submissionId: string): Promise<void> {
  await database().query(`INSERT INTO "Notification" ("id", "userId", "kind", "submissionId") VALUES ($1, $2, 'SUBMISSION_DECLINED', $3)`, [randomUUID(), userId, submissionId]);
}

/** Everything about a submission an action could change, plus its revisions and audit entries. */
export async function readSubmission(id: string) {
  const submission = await one<Record<string, unknown> | undefined>(`SELECT * FROM "Submission" WHERE "id" = $1`, [id]);
  const revisions = await one<{ count: number }>(`SELECT count(*)::int AS count FROM "Revision" WHERE "submissionId" = $1`, [id]);
  const audit = await one<{ count: number }>(`SELECT count(*)::int AS count FROM "AuditEntry" WHERE "targetId" = $1`, [id]);
  const notifications = await one<{ count: number }>(`SELECT count(*)::int AS count FROM "Notification" WHERE "submissionId" = $1`, [id]);
  const openReports = await one<{ count: number }>(`SELECT count(*)::int AS count FROM "NarrativeReport" WHERE "submissionId" = $1 AND "resolvedAt" IS NULL`, [id]);
  return { submission, revisions: revisions.count, auditEntries: audit.count, notifications: notifications.count, openReports: openReports.count };
}

/** An open report of a narrative by someone else (reporters are referred to by id only). */
export async function insertNarrativeReport(submissionId: string): Promise<void> {
  await database().query(`INSERT INTO "NarrativeReport" ("id", "submissionId", "reporterId", "reason") VALUES ($1, $2, $3, 'Seeded report: it advertises a product.')`, [randomUUID(), submissionId, randomUUID()]);
}

/** The submissions a user has written (id, kind, status), oldest first. */
export async function submissionsBy(userId: string) {
  return (await database().query(`SELECT "id", "kind", "status", "rationale", "narrativeDoc" FROM "Submission" WHERE "authorId" = $1 ORDER BY "createdAt", "id"`, [userId])).rows as { id: string; kind: string; status: string; rationale: string | null; narrativeDoc: unknown }[];
}

export async function unreadNotifications(userId: string): Promise<number> {
  return (await one<{ count: number }>(`SELECT count(*)::int AS count FROM "Notification" WHERE "userId" = $1 AND NOT "read"`, [userId])).count;
}

export async function readProfile(userId: string) {
  return (await one<Record<string, unknown> | undefined>(`SELECT "displayName", "jobTitle", "bio" FROM "Profile" WHERE "userId" = $1`, [userId])) ?? null;
}

export async function sessionExists(sessionToken: string): Promise<boolean> {
  return (await one<{ count: number }>(`SELECT count(*)::int AS count FROM "Session" WHERE "sessionToken" = $1`, [sessionToken])).count > 0;
}

/** Magic-link tokens stored for an address (one per sign-in email sent). */
export async function verificationTokens(email: string): Promise<number> {
  return (await one<{ count: number }>(`SELECT count(*)::int AS count FROM "VerificationToken" WHERE "identifier" = $1`, [email.toLowerCase()])).count;
}

/** A revision, the rollbacks that restored from it, and the community value of its field now. */
export async function readRevisionState(revisionId: string) {
  const revision = await one<{ occupationCode: string; field: string; itemKey: string; number: number }>(`SELECT "occupationCode", "field", "itemKey", "number" FROM "Revision" WHERE "id" = $1`, [revisionId]);
  const rollbacks = await one<{ count: number }>(`SELECT count(*)::int AS count FROM "Revision" WHERE "restoredFromId" = $1`, [revisionId]);
  const communityValue = await one<{ value: unknown } | undefined>(`SELECT "value" FROM "CommunityValue" WHERE "occupationCode" = $1 AND "field" = $2 AND "itemKey" = $3`, [revision.occupationCode, revision.field, revision.itemKey]);
  return { revision, rollbacks: rollbacks.count, communityValue: communityValue?.value ?? null };
}

/**
 * An approval revision of the page's technology skills, written as approve-submission writes
 * one (under the page's lock, with the community value it set), so that a rollback to its
 * "before" state has something to undo. Returns the revision's id.
 */
export async function insertApprovalRevision(actorId: string): Promise<string> {
  const client = await database().connect();
  const { code } = SECURITY_OCCUPATION;
  const id = randomUUID();
  const after = { official: false, value: { items: [uniqueText("Sprocket gauge")] } };
  try {
    await client.query("BEGIN");
    await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`page:${code}`]);
    const { rows } = await client.query(`SELECT coalesce(max("number"), 0) + 1 AS next FROM "Revision" WHERE "occupationCode" = $1`, [code]);
    const number = Number(rows[0].next);
    await client.query(
      `INSERT INTO "Revision" ("id", "occupationCode", "number", "kind", "field", "itemKey", "before", "after", "actorId") VALUES ($1, $2, $3, 'APPROVAL', 'TECHNOLOGY_SKILLS', '', $4, $5, $6)`,
      [id, code, number, { official: true, value: null }, after, actorId],
    );
    await client.query(
      `INSERT INTO "CommunityValue" ("occupationCode", "field", "itemKey", "value", "removed", "revisionNumber", "updatedAt") VALUES ($1, 'TECHNOLOGY_SKILLS', '', $2, false, $3, now())
       ON CONFLICT ("occupationCode", "field", "itemKey") DO UPDATE SET "value" = EXCLUDED."value", "removed" = false, "revisionNumber" = EXCLUDED."revisionNumber", "updatedAt" = now()`,
      [code, after.value, number],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
  return id;
}

/** What the people actions change about an account: role, suspension, address, sessions, pending confirmation links, audit entries. */
export async function readAccount(userId: string) {
  return one<{ role: string; email: string; bannedAt: Date | null; banReason: string | null; sessions: number; changes: number; auditEntries: number }>(
    `SELECT u.role::text AS role, u.email, u."bannedAt", u."banReason",
       (SELECT count(*)::int FROM "Session" s WHERE s."userId" = u.id) AS sessions,
       (SELECT count(*)::int FROM "AccountChange" c WHERE c."userId" = u.id) AS changes,
       (SELECT count(*)::int FROM "AuditEntry" a WHERE a."targetId" = u.id) AS "auditEntries"
     FROM "User" u WHERE u.id = $1`,
    [userId],
  );
}

/** A confirmation link (a new sign-in address) of `userId`'s, as requestEmailChange leaves it; returns the token the email would carry. */
export async function insertEmailChange(userId: string, newEmail: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await database().query(
    `INSERT INTO "AccountChange" ("id", "userId", "kind", "tokenHash", "newEmail", "expires") VALUES ($1, $2, 'CHANGE_EMAIL', $3, $4, now() + interval '1 hour')`,
    [randomUUID(), userId, createHash("sha256").update(token).digest("hex"), newEmail],
  );
  return token;
}

/**
 * An open release conflict on the security page, on an item key no correction has (so no page
 * shows it): what resolveReleaseConflictAction acts on. Returns its id.
 */
export async function insertReleaseConflict(): Promise<string> {
  const id = randomUUID();
  await database().query(
    `INSERT INTO "ReleaseConflict" ("id", "occupationCode", "field", "itemKey", "fromVersion", "toVersion", "officialBefore", "officialAfter", "communityValue")
     VALUES ($1, $2, 'PAY_OUTLOOK_NOTE', $3, '29.3', '30.1', NULL, NULL, $4)`,
    [id, SECURITY_OCCUPATION.code, `matrix:${id}`, { text: uniqueText("A note on pay") }],
  );
  return id;
}

export async function readReleaseConflict(id: string) {
  return one<{ resolvedAt: Date | null; resolution: string | null; audits: number }>(
    `SELECT "resolvedAt", "resolution", (SELECT count(*)::int FROM "AuditEntry" WHERE "targetType" = 'release-conflict' AND "targetId" = $1) AS "audits" FROM "ReleaseConflict" WHERE "id" = $1`,
    [id],
  );
}

/** A watch of the security page by `userId`. */
export async function insertWatch(userId: string): Promise<void> {
  await database().query(`INSERT INTO "PageWatch" ("userId", "occupationCode") VALUES ($1, $2) ON CONFLICT DO NOTHING`, [userId, SECURITY_OCCUPATION.code]);
}

/** The pages `userId` watches (codes). */
export async function readWatches(userId: string): Promise<string[]> {
  return (await database().query<{ occupationCode: string }>(`SELECT "occupationCode" FROM "PageWatch" WHERE "userId" = $1 ORDER BY 1`, [userId])).rows.map((row) => row.occupationCode);
}

/** The families `userId` chose to review. */
export async function readReviewerFamilies(userId: string): Promise<string[]> {
  return (await database().query<{ family: string }>(`SELECT "family" FROM "ReviewerFamily" WHERE "userId" = $1 ORDER BY 1`, [userId])).rows.map((row) => row.family);
}

/**
 * A practitioner verification of `userId` for the security page's occupation (99-0004.00, family
 * 99-0000), in `status` (a GRANTED one runs for a year), optionally waiting for its work-email
 * link; returns its id and the token that link would carry.
 */
export async function insertVerification(userId: string, status: "PENDING" | "GRANTED", { workEmail }: { workEmail?: string } = {}): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  const token = randomBytes(32).toString("base64url");
  await database().query(
    `INSERT INTO "PractitionerVerification" ("id", "userId", "occupationCode", "status", "credentialIssuer", "credentialNumber", "workEmail", "workEmailTokenHash", "workEmailTokenExpires", "expiresAt", "decidedAt")
     VALUES ($1, $2, $3, $4::"VerificationStatus", 'Test Board', $5, $6, $7, now() + interval '1 day', CASE WHEN $4 = 'GRANTED' THEN now() + interval '1 year' END, CASE WHEN $4 = 'GRANTED' THEN now() END)`,
    [id, userId, SECURITY_OCCUPATION.code, status, uniqueText("N"), workEmail ?? null, workEmail ? createHash("sha256").update(token).digest("hex") : null],
  );
  return { id, token };
}

/** What the verification actions change: status, decision, confirmation, audit entries and notifications. */
export async function readVerification(id: string) {
  return one<{ status: string; decidedById: string | null; revokedById: string | null; workEmailConfirmedAt: Date | null; auditEntries: number; notifications: number }>(
    `SELECT v.status::text AS status, v."decidedById", v."revokedById", v."workEmailConfirmedAt",
       (SELECT count(*)::int FROM "AuditEntry" a WHERE a."targetId" = v.id) AS "auditEntries",
       (SELECT count(*)::int FROM "Notification" n WHERE n."verificationId" = v.id) AS notifications
     FROM "PractitionerVerification" v WHERE v.id = $1`,
    [id],
  );
}

export async function verificationsOf(userId: string) {
  return (await database().query(`SELECT "status"::text AS status, "occupationCode" FROM "PractitionerVerification" WHERE "userId" = $1 ORDER BY "requestedAt", "id"`, [userId])).rows as { status: string; occupationCode: string }[];
}

/** Practitioner reviews of a submission, and the public-profile switches of a person. */
export async function readPractitionerReviews(submissionId: string) {
  return (await database().query(`SELECT "reviewerId", "verdict"::text AS verdict, "reason" FROM "PractitionerReview" WHERE "submissionId" = $1 ORDER BY "createdAt"`, [submissionId])).rows as { reviewerId: string; verdict: string; reason: string }[];
}

export async function readProfileVisibility(userId: string) {
  return (await one<Record<string, unknown> | undefined>(`SELECT "publicPage", "showJobTitle", "showYears", "showOccupations", "showApproved" FROM "Profile" WHERE "userId" = $1`, [userId])) ?? null;
}

export async function insertProfile(userId: string): Promise<void> {
  await database().query(`INSERT INTO "Profile" ("userId", "displayName", "jobTitle", "updatedAt") VALUES ($1, $2, 'Test worker', now()) ON CONFLICT ("userId") DO NOTHING`, [userId, uniqueText("Person")]);
}

/**
 * A second look at an approval of the owner's correction by another moderator (an id of no
 * account), asked of any moderator (no assignee). Returns its id.
 */
export async function insertSecondLook(ownerId: string): Promise<string> {
  const submissionId = await insertCorrection(ownerId, "APPROVED");
  const approverId = `matrix-approver-${randomUUID()}`;
  const revisionId = await insertApprovalRevision(approverId);
  const id = randomUUID();
  await database().query(`INSERT INTO "SecondLook" ("id", "submissionId", "revisionId", "occupationCode", "approverId") VALUES ($1, $2, $3, $4, $5)`, [id, submissionId, revisionId, SECURITY_OCCUPATION.code, approverId]);
  return id;
}

/** A second look's finding, who recorded it, and its audit entries. */
export async function readSecondLook(id: string) {
  const look = await one<{ finding: string | null; foundById: string | null; revisionId: string }>(`SELECT "finding", "foundById", "revisionId" FROM "SecondLook" WHERE "id" = $1`, [id]);
  const audit = await one<{ count: number }>(`SELECT count(*)::int AS count FROM "AuditEntry" WHERE "action" = 'second-look.record' AND "targetId" = $1`, [look.revisionId]);
  return { finding: look.finding, foundById: look.foundById, auditEntries: audit.count };
}
