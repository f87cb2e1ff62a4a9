// One connection in this file's pool: a transaction that needed a second one while holding
// its own would wait for itself until it timed out. That is what starved the pool when many
// approvals queued on one page's lock (npm run bench:load: two thirds of the races failed).
process.env.DATABASE_POOL_SIZE = "1";

import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { approveSubmission } from "@/lib/submissions/approve-submission";
import { submitCorrection } from "@/lib/submissions/submit-correction";
import { createUser, descriptionCorrection, seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { getFieldState } from "./page-state";

useTestDatabase();

let code: string;

beforeAll(async () => {
  process.env.SUBMISSIONS_PER_HOUR = "1000";
  ({ code } = await seedOccupation());
});

describe("getFieldState inside a transaction", () => {
  it("runs on a pool of one connection (the premise of this file)", async () => {
    const pids = await Promise.all([1, 2, 3].map(() => prisma.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`));
    expect(new Set(pids.map(([row]) => row!.pid)).size).toBe(1);
  });

  it("reads the official value through the caller's transaction", async () => {
    const state = await prisma.$transaction((tx) => getFieldState(tx, code, "DESCRIPTION", ""), { timeout: 3000 });
    expect(state).toEqual({ official: true, value: { text: "Official description of Test Widget Engineers." } });
  });

  it("lets an approval, which holds the page lock, finish on that one connection", async () => {
    const author = await createUser("CONTRIBUTOR");
    const moderator = await createUser("MODERATOR");
    const submission = await submitCorrection({ actor: author, input: descriptionCorrection(code) });
    const result = await approveSubmission({ actor: moderator, submissionId: submission.id });
    expect(result).toMatchObject({ published: true, revisionNumber: 1 });
  });
});
