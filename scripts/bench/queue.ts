// npm run bench:queue: the moderation queue page with 1,500 pending items. A private copy of the
// e2e build (`.next-e2e`, built if missing) against a scratch database with the fixture
// datasets, on an embedded PostgreSQL of its own (or TEST_DATABASE_URL's server), created and
// dropped here. Seeds 1,500 pending items (corrections and narratives, waiting up to 10 days,
// from 50 authors) and 600 decisions over the last 30 days, then loads /moderation as a signed-in
// moderator with each set of filters, one request at a time: p50, p95 and max of the whole
// page (server render, HTML received), its size, and what it says it shows; then the same
// filters through the page's reads alone (findQueue and getBacklogMeter, in this process), to
// tell the database's share from rendering.
// BENCH_QUEUE_ITEMS (1500) and BENCH_QUEUE_REQUESTS (30 per address) change the sizes.
import { createE2eDatabase } from "@/tests/support/e2e/e2e-datasets";
import { percentile } from "@/tests/support/e2e/load-driver";
import { startProductionServer } from "@/tests/support/e2e/production-server";
import { queryRows } from "@/tests/support/query-rows";
import { seedUser } from "@/tests/support/seed-users";
import { dropDatabase, startTestServer } from "@/tests/support/test-server";
import { buildIfNeeded } from "./lib/server";

const ITEMS = Number(process.env.BENCH_QUEUE_ITEMS ?? 1500);
const REQUESTS = Number(process.env.BENCH_QUEUE_REQUESTS ?? 30);
const DIST_DIR = ".next-e2e";
const DATABASE = "careerwiki_bench_queue";

async function main() {
  await buildIfNeeded(DIST_DIR);
  const postgres = await startTestServer("bench-queue-postgres");
  try {
    const databaseUrl = await createE2eDatabase(postgres.adminUrl, DATABASE);
    const server = await startProductionServer(databaseUrl, { distDir: DIST_DIR, isolated: true });
    try {
      await runBenchmark(server.baseUrl, databaseUrl);
    } finally {
      await server.stop();
    }
  } finally {
    await dropDatabase(postgres.adminUrl, DATABASE).catch(() => {});
    await postgres.stop();
  }
}

/**
 * 1,500 pending items over the fixture occupations, one every ~10 minutes back over 10 days
 * (half of the pay-and-outlook notes at "1 of 2", every seventh item with 1-3 practitioner
 * reviews); 600 decisions over 30 days with their audit entries.
 */
async function seedQueue(databaseUrl: string): Promise<{ authorName: string; occupationCode: string; families: string[] }> {
  const authors = [];
  for (let i = 0; i < 50; i += 1) authors.push((await seedUser({ databaseUrl, role: "CONTRIBUTOR", name: `Bench Author ${i}` })).id);
  const decider = (await seedUser({ databaseUrl, role: "MODERATOR", name: "Bench Decider" })).id;
  const codes = (await queryRows<{ code: string }>(databaseUrl, `SELECT code FROM "Occupation" ORDER BY code`)).map((row) => row.code);
  await queryRows(
    databaseUrl,
    `INSERT INTO "Submission" (id, kind, status, "occupationCode", "authorId", field, operation, "itemKey", "proposedValue", "submittedAt", "updatedAt")
     SELECT 'bench-' || g,
            CASE WHEN g % 5 = 0 THEN 'NARRATIVE' ELSE 'CORRECTION' END::"SubmissionKind", 'PENDING',
            ($1::text[])[1 + g % array_length($1::text[], 1)], ($2::text[])[1 + g % array_length($2::text[], 1)],
            CASE WHEN g % 5 = 0 THEN NULL ELSE (ARRAY['DESCRIPTION','EDUCATION','PAY_OUTLOOK_NOTE','TASK'])[1 + g % 4] END::"CommunityField",
            CASE WHEN g % 5 = 0 THEN NULL ELSE 'CHANGE' END::"CorrectionOperation",
            CASE WHEN g % 5 = 0 THEN NULL WHEN g % 4 = 3 THEN 'onet:' || g ELSE '' END,
            CASE WHEN g % 5 = 0 THEN NULL WHEN g % 4 = 3 THEN jsonb_build_object('statement', 'Bench task ' || g) ELSE jsonb_build_object('text', 'Bench proposal ' || g) END,
            now() - (g * interval '10 days' / $3), now()
     FROM generate_series(1, $3) AS g`,
    [codes, authors, ITEMS],
  );
  await queryRows(
    databaseUrl,
    `WITH decided AS (
       INSERT INTO "Submission" (id, kind, status, "occupationCode", "authorId", field, operation, "itemKey", "proposedValue", "submittedAt", "decidedAt", "decidedById", "updatedAt")
       SELECT 'bench-decided-' || g, 'CORRECTION', 'APPROVED', ($1::text[])[1 + g % array_length($1::text[], 1)], ($2::text[])[1 + g % array_length($2::text[], 1)],
              'DESCRIPTION', 'CHANGE', '', jsonb_build_object('text', 'Bench decided ' || g),
              now() - (g * interval '30 days' / 600) - (g % 72) * interval '1 hour', now() - (g * interval '30 days' / 600), $3, now()
       FROM generate_series(1, 600) AS g RETURNING id, "decidedAt")
     INSERT INTO "AuditEntry" (id, "actorId", action, "targetType", "targetId", "createdAt")
     SELECT 'bench-audit-' || id, $3, 'submission.approve', 'submission', id, "decidedAt" FROM decided`,
    [codes, authors, decider],
  );
  // The two-person rule: every pay-and-outlook note sent an even number of steps back has its
  // first approval ("1 of 2" in the queue), from the decider.
  await queryRows(databaseUrl, `UPDATE "Submission" SET "firstApprovedById" = $1, "firstApprovedAt" = now() WHERE id LIKE 'bench-%' AND status = 'PENDING' AND field = 'PAY_OUTLOOK_NOTE' AND substring(id from 7)::int % 2 = 0`, [decider]);
  // Practitioner reviews (for the "reviews" order): 1 to 3 on every seventh item, from verified practitioners.
  const practitioners = [];
  for (let i = 0; i < 3; i += 1) practitioners.push((await seedUser({ databaseUrl, role: "CONTRIBUTOR", name: `Bench Practitioner ${i}` })).id);
  await queryRows(
    databaseUrl,
    `INSERT INTO "PractitionerReview" (id, "submissionId", "reviewerId", verdict, reason, "updatedAt")
     SELECT 'bench-review-' || g || '-' || r, 'bench-' || g, ($1::text[])[r], CASE WHEN r = 2 THEN 'DISAGREE' ELSE 'AGREE' END::"PractitionerVerdict", 'Bench review reason ' || g, now()
     FROM generate_series(7, $2, 7) AS g, generate_series(1, 3) AS r WHERE r <= 1 + (g / 7) % 3`,
    [practitioners, ITEMS],
  );
  return { authorName: "Bench Author 7", occupationCode: codes[0]!, families: [...new Set(codes.map((code) => `${code.slice(0, 4)}00`))] };
}

async function runBenchmark(baseUrl: string, databaseUrl: string) {
  const { authorName, occupationCode, families } = await seedQueue(databaseUrl);
  const moderator = await seedUser({ databaseUrl, role: "MODERATOR", baseUrl });
  // The moderator reviews the first family (the "for you" order puts its items first).
  await queryRows(databaseUrl, `INSERT INTO "ReviewerFamily" ("userId", family) VALUES ($1, $2)`, [moderator.id, families[0]]);
  const cookie = `${moderator.cookie.name}=${moderator.cookie.value}`;
  console.log(`Server ${baseUrl} (private copy of ${DIST_DIR}), fixture database; ${ITEMS} pending items, 600 decisions in 30 days; ${REQUESTS} requests per address, one at a time.\n`);
  const addresses: [string, string][] = [
    ["first page, oldest first", "/moderation"],
    ["page 20", "/moderation?page=20"],
    ["last page", `/moderation?page=${Math.ceil(ITEMS / 50)}`],
    ["by family", "/moderation?sort=family"],
    ["by family, page 10", "/moderation?sort=family&page=10"],
    ["corrections only", "/moderation?kind=CORRECTION"],
    ["narratives waiting 3+ days", "/moderation?kind=NARRATIVE&minAgeHours=72"],
    ["one occupation", `/moderation?occupation=${occupationCode}`],
    ["one author (name)", `/moderation?author=${encodeURIComponent(authorName)}`],
    ["all filters, by family", `/moderation?kind=CORRECTION&minAgeHours=24&sort=family&author=Bench&page=2`],
    ["for you", "/moderation?sort=for-you"],
    ["for you, page 10", "/moderation?sort=for-you&page=10"],
    ["by practitioner reviews", "/moderation?sort=reviews"],
    ["by reviews, page 10", "/moderation?sort=reviews&page=10"],
  ];
  console.log(`${"address".padEnd(30)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)} ${"max ms".padStart(7)} ${"KB".padStart(6)}  says`);
  for (const [label, address] of addresses) {
    const times: number[] = [];
    let body = "";
    for (let i = 0; i < REQUESTS + 3; i += 1) {
      const started = performance.now();
      const response = await fetch(new URL(address, baseUrl), { headers: { cookie }, redirect: "manual" });
      body = await response.text();
      if (response.status !== 200) throw new Error(`${address} answered ${response.status}`);
      if (i >= 3) times.push(performance.now() - started); // the first three warm the server up
    }
    const says = /data-testid="queue-showing">([^<]*)</.exec(body)?.[1]?.replace(/<!-- -->/g, "") ?? "?";
    // What the new orders and marks show on the page: items of "your family", and "1 of 2" marks.
    const marks = [["your family", /data-testid="for-you"/g], ["at 1 of 2", /data-testid="queue-approvals">1(?:<!-- -->)? of/g], ["reviewed", /data-testid="queue-practitioner-reviews"/g]] as const;
    const shown = marks.map(([name, pattern]) => [name, body.match(pattern)?.length ?? 0] as const).filter(([, count]) => count > 0);
    const row = [percentile(times, 50), percentile(times, 95), Math.max(...times)].map((ms) => ms.toFixed(0).padStart(7)).join(" ");
    console.log(`${label.padEnd(30)} ${row} ${(Buffer.byteLength(body) / 1024).toFixed(0).padStart(6)}  ${says}${shown.length ? ` (${shown.map(([name, count]) => `${count} ${name}`).join(", ")})` : ""}`);
  }

  // The page's reads alone, on the same database (the app's client in this process).
  process.env.DATABASE_URL = databaseUrl;
  const { findQueue } = await import("@/lib/submissions/find-queue");
  const { getBacklogMeter } = await import("@/lib/submissions/get-backlog-meter");
  const { prisma } = await import("@/lib/db/prisma");
  const actor = { userId: moderator.id, role: "MODERATOR" as const };
  console.log(`\nThe page's reads alone (findQueue + getBacklogMeter), ${REQUESTS} runs each:`);
  console.log(`${"address".padEnd(30)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)} ${"max ms".padStart(7)}`);
  for (const [label, address] of addresses) {
    const params = Object.fromEntries(new URL(address, baseUrl).searchParams);
    const { occupation, ...rest } = params;
    const filters = { ...rest, ...(occupation ? { occupationCode: occupation } : {}) };
    const times: number[] = [];
    for (let i = 0; i < REQUESTS + 3; i += 1) {
      const started = performance.now();
      await Promise.all([findQueue({ actor, filters }), getBacklogMeter({ actor })]);
      if (i >= 3) times.push(performance.now() - started);
    }
    console.log(`${label.padEnd(30)} ${[percentile(times, 50), percentile(times, 95), Math.max(...times)].map((ms) => ms.toFixed(0).padStart(7)).join(" ")}`);
  }
  await prisma.$disconnect();
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
