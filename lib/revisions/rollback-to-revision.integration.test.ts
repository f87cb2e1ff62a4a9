import { beforeAll, describe, expect, it } from "vitest";
import { findRoleCorrections } from "@/lib/community/find-role-corrections";
import { prisma } from "@/lib/db/prisma";
import type { AppError } from "@/lib/errors";
import { approveSubmission } from "@/lib/submissions/approve-submission";
import { submitCorrection } from "@/lib/submissions/submit-correction";
import { createUser, descriptionCorrection, seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { diffRevisions } from "./diff-revisions";
import { findRecentChanges } from "./find-recent-changes";
import { findRevisions } from "./find-revisions";
import { rollbackToRevision } from "./rollback-to-revision";

useTestDatabase();

let code: string;
let author: Awaited<ReturnType<typeof createUser>>;
let moderator: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  process.env.SUBMISSIONS_PER_HOUR = "1000";
  ({ code } = await seedOccupation());
  author = await createUser("CONTRIBUTOR", "Ada Practitioner");
  moderator = await createUser("MODERATOR", "Mo Derator");
  const first = await submitCorrection({ actor: author, input: descriptionCorrection(code, "First community description of widget work.", 0) });
  await approveSubmission({ actor: moderator, submissionId: first.id });
  const second = await submitCorrection({ actor: author, input: descriptionCorrection(code, "Second community description of widget work.", 1) });
  await approveSubmission({ actor: moderator, submissionId: second.id });
  const titles = await submitCorrection({ actor: author, input: { ...descriptionCorrection(code), field: "ALTERNATE_TITLES", itemKey: "onet:widget maker", proposedValue: { item: "Widget Architect" }, baseRevisionNumber: 2 } });
  await approveSubmission({ actor: moderator, submissionId: titles.id });
});

const fail = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as AppError);

describe("page history", () => {
  it("lists every revision newest first with who and from which submission", async () => {
    const revisions = await findRevisions(code);
    expect(revisions.map((r) => r.number)).toEqual([3, 2, 1]);
    expect(revisions[2]).toMatchObject({ kind: "APPROVAL", fieldLabel: "Description", actorName: "Mo Derator", beforeOfficial: true, afterText: "First community description of widget work." });
    expect(revisions[2]!.submissionId).toBeTruthy();
  });

  it("diffs two revisions with the diff library (words for text, items for lists)", async () => {
    const diffs = await diffRevisions({ occupationCode: code, from: 0, to: 3 });
    const description = diffs.find((d) => d.field === "DESCRIPTION")!;
    expect(description.fromText).toBe("Official description of Test Widget Engineers.");
    expect(description.toText).toBe("Second community description of widget work.");
    expect(description.parts.some((p) => p.added && p.value.includes("Second"))).toBe(true);
    const titles = diffs.find((d) => d.field === "ALTERNATE_TITLES")!;
    // One item reworded: the diff of that item.
    expect(titles.itemKey).toBe("onet:widget maker");
    expect(titles.parts).toEqual([
      { value: "Widget Maker", added: false, removed: true },
      { value: "Widget Architect", added: true, removed: false },
    ]);
    expect(await diffRevisions({ occupationCode: code, from: 2, to: 3 })).toHaveLength(1);
  });

  it("rolls back to an earlier revision as a new audited ROLLBACK revision, and can restore the official value", async () => {
    const revisions = await findRevisions(code);
    const first = revisions.find((r) => r.number === 1)!;
    expect((await fail(rollbackToRevision({ actor: author, input: { revisionId: first.id } })))?.code).toBe("FORBIDDEN");
    const rolled = await rollbackToRevision({ actor: moderator, input: { revisionId: first.id } });
    expect(rolled.revisionNumber).toBe(4);
    const rollback = await prisma.revision.findUniqueOrThrow({ where: { id: rolled.revisionId } });
    expect(rollback).toMatchObject({ kind: "ROLLBACK", restoredFromId: first.id, after: { official: false, value: { text: "First community description of widget work." } } });
    expect(await prisma.auditEntry.count({ where: { action: "revision.rollback", targetId: rolled.revisionId } })).toBe(1);
    let overlay = await findRoleCorrections(code, "test-widget-engineers");
    expect(overlay.corrections.find((c) => c.field === "DESCRIPTION")?.value).toBe("First community description of widget work.");
    expect((await fail(rollbackToRevision({ actor: moderator, input: { revisionId: first.id } })))?.code).toBe("CONFLICT");
    // Undo the first change: back to the official value, the overlay row goes away.
    await rollbackToRevision({ actor: moderator, input: { revisionId: first.id, restore: "before" } });
    overlay = await findRoleCorrections(code, "test-widget-engineers");
    expect(overlay.corrections.find((c) => c.field === "DESCRIPTION")).toBeUndefined();
    expect(await prisma.revision.count({ where: { occupationCode: code } })).toBe(5);
    const changes = await findRecentChanges();
    expect(changes[0]).toMatchObject({ kind: "ROLLBACK", summary: "Rollback. Description: back to the official value.", slug: "test-widget-engineers" });
  });
});
