import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { recordSecondLookFinding } from "@/lib/second-looks/record-second-look-finding";
import { approveSubmission } from "@/lib/submissions/approve-submission";
import { submitCorrection } from "@/lib/submissions/submit-correction";
import { createUser, descriptionCorrection, seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { findModeratorFigures } from "./find-moderator-figures";

useTestDatabase();

let code: string;
beforeAll(async () => {
  process.env.SUBMISSIONS_PER_HOUR = "1000";
  process.env.SECOND_LOOK_RATE = "1";
  ({ code } = await seedOccupation());
});
afterAll(() => {
  delete process.env.SECOND_LOOK_RATE;
});

const latest = async () => (await prisma.revision.aggregate({ where: { occupationCode: code }, _max: { number: true } }))._max.number ?? 0;

describe("per-moderator figures with the two-person rule and second looks", () => {
  it("count first approvals apart from decisions, and what second looks found in each moderator's approvals", async () => {
    const admin = await createUser("ADMIN", "Figures Admin");
    const first = await createUser("MODERATOR", "Figure First");
    const second = await createUser("MODERATOR", "Figure Second");
    const looker = await createUser("MODERATOR", "Figure Looker");
    const author = await createUser("CONTRIBUTOR");

    const note = await submitCorrection({ actor: author, input: { occupationCode: code, field: "PAY_OUTLOOK_NOTE", operation: "CHANGE", proposedValue: { text: "Pay climbs fast in the first years." }, rationale: "Practitioners see this differently today.", baseRevisionNumber: await latest() } });
    await approveSubmission({ actor: first, submissionId: note.id });
    await approveSubmission({ actor: second, submissionId: note.id });
    const description = await submitCorrection({ actor: author, input: descriptionCorrection(code, "Second's approval that a second look finds fine.", await latest()) });
    await approveSubmission({ actor: second, submissionId: description.id });

    // Both of second's approvals were sampled; each assignee records a finding.
    const looks = await prisma.secondLook.findMany({ where: { approverId: second.userId }, orderBy: { sampledAt: "asc" } });
    expect(looks).toHaveLength(2);
    // The note's first approver is never asked about it.
    expect(looks[0]!.assigneeId).not.toBe(first.userId);
    const asActor = (userId: string | null) => [first, looker, admin].find((m) => m.userId === userId)!;
    await recordSecondLookFinding({ actor: asActor(looks[0]!.assigneeId), input: { secondLookId: looks[0]!.id, finding: "problem", note: "The note gives no source for the figure." } });
    await recordSecondLookFinding({ actor: asActor(looks[1]!.assigneeId), input: { secondLookId: looks[1]!.id, finding: "fine" } });

    const figures = await findModeratorFigures({ actor: admin, input: { days: "30" } });
    const of = (name: string) => figures.moderators.find((m) => m.name === name)!;
    expect(of("Figure First")).toMatchObject({ decisions: 0, approvals: 0, firstApprovals: 1, secondLooked: 0, secondLookProblems: 0 });
    expect(of("Figure Second")).toMatchObject({ decisions: 2, approvals: 2, firstApprovals: 0, secondLooked: 2, secondLookProblems: 1 });
    expect(of("Figure Looker")).toMatchObject({ decisions: 0, firstApprovals: 0, secondLooked: 0 });
  });
});
