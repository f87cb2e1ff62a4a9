// Occupations of the community e2e specs (99-0201.00 upward), each written to by one spec
// only: conflicts and rollback, reports, resubmitting after changes were requested, the queue's waits,
// watching, a verified practitioner's badge, the two-person rule for figures.
// Listed in E2E_EXTRA_OCCUPATIONS (e2e-datasets.ts), with a description and one task each,
// and no BLS rows (their pages say so).
import { randomUUID } from "node:crypto";
import pg from "pg";

export const COMMUNITY_FIXTURES = {
  conflicts: { code: "99-0201.00", title: "Test Lathe Operators", slug: "test-lathe-operators", description: "Operate lathes in the test workshop." },
  reports: { code: "99-0202.00", title: "Test Kiln Operators", slug: "test-kiln-operators", description: "Fire kilns in the test workshop." },
  resubmit: { code: "99-0203.00", title: "Test Loom Operators", slug: "test-loom-operators", description: "Run looms in the test workshop." },
  queue: { code: "99-0204.00", title: "Test Quilt Makers", slug: "test-quilt-makers", description: "Make quilts in the test workshop." },
  release: { code: "99-0205.00", title: "Test Loom Tuners", slug: "test-loom-tuners", description: "Tune looms in the test workshop." },
  watch: { code: "99-0206.00", title: "Test Watch Repairers", slug: "test-watch-repairers", description: "Repair watches in the test workshop." },
  practitioner: { code: "99-0211.00", title: "Test Glass Blowers", slug: "test-glass-blowers", description: "Blow glass in the test workshop." },
  twoPerson: { code: "99-0212.00", title: "Test Dye Mixers", slug: "test-dye-mixers", description: "Mix dyes in the test workshop." },
} as const;

/**
 * An approved correction of the fixture page's one task (its O*NET task id, as
 * appendFixtureOccupations numbers it) that a newer release reworded: the revision and community
 * value an approval writes, and the open release conflict an upgrade writes.
 */
export async function seedReleaseConflict({ databaseUrl, occupationCode, actorId, community, officialBefore, officialAfter }: { databaseUrl: string; occupationCode: string; actorId: string; community: string; officialBefore: string; officialAfter: string }) {
  const itemKey = `onet:${900_000 + Number(occupationCode.slice(3, 7)) * 100}`;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "Revision" ("id", "occupationCode", "number", "kind", "field", "itemKey", "before", "after", "actorId") VALUES ($1, $2, 1, 'APPROVAL', 'TASK', $3, $4, $5, $6)`,
      [randomUUID(), occupationCode, itemKey, { official: true, value: { statement: officialBefore } }, { official: false, value: { statement: community } }, actorId],
    );
    await client.query(`INSERT INTO "CommunityValue" ("occupationCode", "field", "itemKey", "value", "revisionNumber", "updatedAt") VALUES ($1, 'TASK', $2, $3, 1, now())`, [occupationCode, itemKey, { statement: community }]);
    await client.query(
      `INSERT INTO "ReleaseConflict" ("id", "occupationCode", "field", "itemKey", "fromVersion", "toVersion", "officialBefore", "officialAfter", "communityValue") VALUES ($1, $2, 'TASK', $3, '28.3', '29.3', $4, $5, $6)`,
      [randomUUID(), occupationCode, itemKey, { statement: officialBefore }, { statement: officialAfter }, { statement: community }],
    );
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

/**
 * A narrative waiting for review, written straight into the e2e database (as the editor
 * would store it: the tiptap document and its sanitised HTML), for specs about what happens
 * after moderation.
 */
export async function seedPendingNarrative({ databaseUrl, authorId, occupationCode, text }: { databaseUrl: string; authorId: string; occupationCode: string; text: string }): Promise<string> {
  const id = randomUUID();
  const doc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
  const html = `<p>${text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Submission" ("id", "kind", "status", "occupationCode", "authorId", "narrativeDoc", "narrativeHtml", "yearsInRole", "promptAnswers", "submittedAt", "updatedAt")
       VALUES ($1, 'NARRATIVE', 'PENDING', $2, $3, $4, $5, 5, '{}', now(), now())`,
      [id, occupationCode, authorId, JSON.stringify(doc), html],
    );
  } finally {
    await client.end();
  }
  return id;
}

/**
 * Makes a seeded user an established reporter (lib/submissions/report-narrative.ts): an
 * account 30 days old with one approved contribution (a correction on `occupationCode`).
 */
export async function makeEstablished({ databaseUrl, userId, occupationCode }: { databaseUrl: string; userId: string; occupationCode: string }): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`UPDATE "User" SET "createdAt" = now() - interval '30 days' WHERE "id" = $1`, [userId]);
    await client.query(
      `INSERT INTO "Submission" ("id", "kind", "status", "occupationCode", "authorId", "field", "operation", "itemKey", "proposedValue", "submittedAt", "decidedAt", "updatedAt")
       VALUES ($1, 'CORRECTION', 'APPROVED', $2, $3, 'PAY_OUTLOOK_NOTE', 'CHANGE', '', '{"text":"An earlier approved note."}', now(), now(), now())`,
      [randomUUID(), occupationCode, userId],
    );
  } finally {
    await client.end();
  }
}

/**
 * A correction of `occupationCode` by `authorId`, written straight into the e2e database with
 * the times given (in days before now): pending when `decidedDaysAgo` is absent, else approved
 * then, with its audit entry, as a decision counts for the expected wait and the backlog.
 */
export async function seedCorrection({ databaseUrl, authorId, occupationCode, text, rationale = "Seeded by the e2e suite.", sourceUrl, submittedDaysAgo, decidedDaysAgo, deciderId }: { databaseUrl: string; authorId: string; occupationCode: string; text: string; rationale?: string; sourceUrl?: string; submittedDaysAgo: number; decidedDaysAgo?: number; deciderId?: string }): Promise<string> {
  const id = randomUUID();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const decided = decidedDaysAgo !== undefined;
    await client.query(
      `INSERT INTO "Submission" ("id", "kind", "status", "occupationCode", "authorId", "field", "operation", "itemKey", "proposedValue", "rationale", "sourceUrl", "submittedAt", "decidedAt", "decidedById", "updatedAt")
       VALUES ($1, 'CORRECTION', $2, $3, $4, 'PAY_OUTLOOK_NOTE', 'CHANGE', '', $5, $6, $7, now() - $8 * interval '1 day', now() - $9 * interval '1 day', $10, now())`,
      [id, decided ? "APPROVED" : "PENDING", occupationCode, authorId, JSON.stringify({ text }), rationale, sourceUrl ?? null, submittedDaysAgo, decided ? decidedDaysAgo : null, decided ? (deciderId ?? null) : null],
    );
    if (decided) {
      await client.query(
        `INSERT INTO "AuditEntry" ("id", "actorId", "action", "targetType", "targetId", "occupationCode", "createdAt") VALUES ($1, $2, 'submission.approve', 'submission', $3, $4, now() - $5 * interval '1 day')`,
        [randomUUID(), deciderId ?? "seed", id, occupationCode, decidedDaysAgo],
      );
    }
  } finally {
    await client.end();
  }
  return id;
}

/**
 * The revision an approval of correction `submissionId` would write (the page's next number),
 * without its community value: the page's history and /changes list it, the page itself is unchanged.
 */
export async function seedRevision({ databaseUrl, submissionId, actorId, text }: { databaseUrl: string; submissionId: string; actorId: string; text: string }): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Revision" ("id", "occupationCode", "number", "kind", "field", "itemKey", "before", "after", "submissionId", "actorId")
       SELECT $1, s."occupationCode", COALESCE((SELECT MAX(r."number") FROM "Revision" r WHERE r."occupationCode" = s."occupationCode"), 0) + 1, 'APPROVAL', s."field", s."itemKey", $2, $3, s."id", $4
       FROM "Submission" s WHERE s."id" = $5`,
      [randomUUID(), { official: true, value: null }, { official: false, value: { text } }, actorId, submissionId],
    );
  } finally {
    await client.end();
  }
}

/**
 * The second look at the approval that published `submissionId` (its newest revision), asked of
 * `assigneeId`. The server draws second looks at random (SECOND_LOOK_RATE, 5 % here), so a spec
 * that needs one makes it; if the draw already made one, it is asked of `assigneeId` instead.
 * Returns its id.
 */
export async function seedSecondLook({ databaseUrl, submissionId, assigneeId }: { databaseUrl: string; submissionId: string; assigneeId: string }): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "SecondLook" ("id", "submissionId", "revisionId", "occupationCode", "approverId", "assigneeId")
       SELECT $1, r."submissionId", r."id", r."occupationCode", r."actorId", $3 FROM "Revision" r WHERE r."submissionId" = $2 ORDER BY r."number" DESC LIMIT 1
       ON CONFLICT ("revisionId") DO UPDATE SET "assigneeId" = EXCLUDED."assigneeId" RETURNING "id"`,
      [randomUUID(), submissionId, assigneeId],
    );
    if (!rows[0]) throw new Error(`No revision published submission ${submissionId}.`);
    return rows[0].id;
  } finally {
    await client.end();
  }
}
