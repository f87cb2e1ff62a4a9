import { beforeAll, describe, expect, it } from "vitest";
import { createUser, descriptionCorrection, narrativeDoc, seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { approveSubmission } from "./approve-submission";
import { declineSubmission } from "./decline-submission";
import { getOwnSubmissionForEdit } from "./get-own-submission-for-edit";
import { requestChanges } from "./request-changes";
import { resubmitSubmission } from "./resubmit-submission";
import { submitCorrection } from "./submit-correction";
import { submitNarrative } from "./submit-narrative";

useTestDatabase();

let code: string;
let moderator: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  process.env.SUBMISSIONS_PER_HOUR = "1000";
  ({ code } = await seedOccupation());
  moderator = await createUser("MODERATOR");
});

describe("getOwnSubmissionForEdit", () => {
  it("gives the author a correction sent back for changes, read through its schemas; nobody else sees it", async () => {
    const author = await createUser();
    const { id } = await submitCorrection({ actor: author, input: descriptionCorrection(code, "A description that needs a source.") });
    await requestChanges({ actor: moderator, input: { submissionId: id, message: "Please add a source." } });
    expect(await getOwnSubmissionForEdit({ actor: author, submissionId: id })).toEqual({
      status: "CHANGES_REQUESTED",
      id,
      occupation: { code, slug: expect.any(String), title: "Test Widget Engineers" },
      decisionMessage: "Please add a source.",
      kind: "CORRECTION",
      field: "DESCRIPTION",
      operation: "CHANGE",
      itemKey: "",
      proposedText: "A description that needs a source.",
      rationale: expect.any(String),
      sourceUrl: expect.any(String),
    });
    expect(await getOwnSubmissionForEdit({ actor: await createUser(), submissionId: id })).toBeNull();
    expect(await getOwnSubmissionForEdit({ actor: moderator, submissionId: id })).toBeNull();
    await resubmitSubmission({ actor: author, input: { submissionId: id, proposedValue: { text: "With a source now." }, rationale: "Added the source as asked.", sourceUrl: "https://example.org/a", baseRevisionNumber: 0 } });
    expect(await getOwnSubmissionForEdit({ actor: author, submissionId: id })).toEqual({ status: "PENDING", id, kind: "CORRECTION", occupation: { code, slug: expect.any(String), title: "Test Widget Engineers" } });
  });

  it("gives a narrative's document, years and answers; a decided submission is not editable, and says how it was decided", async () => {
    const author = await createUser();
    const { id } = await submitNarrative({ actor: author, input: { occupationCode: code, doc: narrativeDoc(), yearsInRole: 7, promptAnswers: { advice: "Learn the tools." } } });
    await requestChanges({ actor: moderator, input: { submissionId: id, message: "Say more about a typical week." } });
    const narrative = await getOwnSubmissionForEdit({ actor: author, submissionId: id });
    expect(narrative).toMatchObject({ status: "CHANGES_REQUESTED", kind: "NARRATIVE", yearsInRole: 7, promptAnswers: { advice: "Learn the tools." }, decisionMessage: "Say more about a typical week." });
    expect(narrative?.status === "CHANGES_REQUESTED" && narrative.kind === "NARRATIVE" && narrative.doc?.type).toBe("doc");

    const declined = await submitCorrection({ actor: author, input: descriptionCorrection(code, "A description the moderators decline.") });
    await declineSubmission({ actor: moderator, input: { submissionId: declined.id, reason: "no-source" } });
    expect(await getOwnSubmissionForEdit({ actor: author, submissionId: declined.id })).toMatchObject({ status: "DECLINED", kind: "CORRECTION", occupation: { code } });
    const approved = await submitCorrection({ actor: author, input: descriptionCorrection(code, "A description the moderators approve.") });
    await approveSubmission({ actor: moderator, submissionId: approved.id });
    expect(await getOwnSubmissionForEdit({ actor: author, submissionId: approved.id })).toMatchObject({ status: "APPROVED", kind: "CORRECTION", occupation: { code } });
    expect(await getOwnSubmissionForEdit({ actor: moderator, submissionId: approved.id })).toBeNull();
    expect(await getOwnSubmissionForEdit({ actor: author, submissionId: "no-such-submission" })).toBeNull();
  });
});
