import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import type { AppError } from "@/lib/errors";
import { createUser, descriptionCorrection, narrativeDoc, seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { findQueue } from "./find-queue";
import { saveNarrativeDraft } from "./save-narrative-draft";
import { submitCorrection } from "./submit-correction";
import { submitNarrative } from "./submit-narrative";

useTestDatabase();

const fail = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as AppError);

let widget: string;
let gadget: string;
beforeAll(async () => {
  process.env.SUBMISSIONS_PER_HOUR = "1000";
  ({ code: widget } = await seedOccupation());
  ({ code: gadget } = await seedOccupation("99-0002.00", "Test Gadget Technicians"));
});

describe("narrative drafts", () => {
  it("autosaves a draft, updates it, keeps it private, and turns it into a submission", async () => {
    const author = await createUser();
    const first = await saveNarrativeDraft({ actor: author, input: { occupationCode: widget, doc: { type: "doc", content: [{ type: "paragraph" }] } } });
    await saveNarrativeDraft({ actor: author, input: { draftId: first.id, occupationCode: widget, doc: narrativeDoc(), yearsInRole: 4 } });
    const stored = await prisma.submission.findUniqueOrThrow({ where: { id: first.id } });
    expect(stored).toMatchObject({ status: "DRAFT", yearsInRole: 4 });
    // A refused save (invalid document) leaves the saved draft as it was.
    const refused = await fail(saveNarrativeDraft({ actor: author, input: { draftId: first.id, occupationCode: widget, doc: { type: "doc", content: [{ type: "video" }] } } }));
    expect(refused?.code).toBe("INVALID_INPUT");
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: first.id } })).narrativeDoc).toEqual(stored.narrativeDoc);
    // Nobody else can write to it.
    expect((await fail(saveNarrativeDraft({ actor: await createUser(), input: { draftId: first.id, occupationCode: widget, doc: narrativeDoc() } })))?.code).toBe("NOT_FOUND");
    await submitNarrative({ actor: author, input: { draftId: first.id, occupationCode: widget, doc: narrativeDoc(), yearsInRole: 4 } });
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("PENDING");
  });
});

describe("sending a narrative before its first autosave", () => {
  it("turns the author's draft for the page into the submission: one row, never two", async () => {
    const author = await createUser();
    const { code } = await seedOccupation("99-0003.00", "Test Sprocket Inspectors");
    // The autosave landed, but the editor sent before it learnt the draft's id.
    const draft = await saveNarrativeDraft({ actor: author, input: { occupationCode: code, doc: narrativeDoc() } });
    const sent = await submitNarrative({ actor: author, input: { occupationCode: code, doc: narrativeDoc(), yearsInRole: 2 } });
    expect(sent.id).toBe(draft.id);
    // A save and a send racing each other, both without an id, share one row as well.
    const other = await createUser();
    await Promise.all([
      saveNarrativeDraft({ actor: other, input: { occupationCode: code, doc: narrativeDoc() } }),
      submitNarrative({ actor: other, input: { occupationCode: code, doc: narrativeDoc(), yearsInRole: 2 } }),
    ]);
    const rows = await prisma.submission.findMany({ where: { authorId: { in: [author.userId, other.userId] }, kind: "NARRATIVE" }, select: { authorId: true, status: true } });
    expect(rows.filter((r) => r.authorId === author.userId)).toEqual([{ authorId: author.userId, status: "PENDING" }]);
    expect(rows.filter((r) => r.authorId === other.userId && r.status === "PENDING")).toHaveLength(1);
    // Out of the queue counts of the next test.
    await prisma.submission.updateMany({ where: { authorId: { in: [author.userId, other.userId] } }, data: { status: "WITHDRAWN" } });
  });
});

describe("findQueue", () => {
  it("lists pending items oldest first, filters by kind, occupation, author and age, with counts; moderators only", async () => {
    const moderator = await createUser("MODERATOR");
    const ann = await createUser("CONTRIBUTOR", "Ann");
    const bob = await createUser("CONTRIBUTOR", "Bob");
    const t0 = new Date("2026-02-01T08:00:00Z");
    await submitCorrection({ actor: ann, input: descriptionCorrection(widget, "Oldest correction of the widget page."), now: t0 });
    await submitCorrection({ actor: bob, input: descriptionCorrection(gadget, "Newer correction of the gadget page."), now: new Date(t0.getTime() + 3_600_000) });
    const all = await findQueue({ actor: moderator, now: new Date(t0.getTime() + 10 * 3_600_000) });
    expect(all.counts).toMatchObject({ pending: 3, corrections: 2, narratives: 1, reportedOnPage: 0 });
    const corrections = all.items.filter((i) => i.kind === "CORRECTION");
    expect(corrections.map((i) => i.authorName)).toEqual(["Ann", "Bob"]);
    expect((await findQueue({ actor: moderator, filters: { kind: "NARRATIVE" } })).items).toHaveLength(1);
    expect((await findQueue({ actor: moderator, filters: { occupationCode: gadget } })).items.map((i) => i.authorName)).toEqual(["Bob"]);
    // By display name (any part, any case) or by email address, not by id.
    await prisma.profile.create({ data: { userId: bob.userId, displayName: "Roberta Gadgetsmith" } });
    expect((await findQueue({ actor: moderator, filters: { author: "ann" } })).items.map((i) => i.authorName)).toEqual(["Ann"]);
    expect((await findQueue({ actor: moderator, filters: { author: "gadgetSMITH" } })).items.map((i) => i.authorName)).toEqual(["Roberta Gadgetsmith"]);
    const annEmail = (await prisma.user.findUniqueOrThrow({ where: { id: ann.userId } })).email!;
    expect((await findQueue({ actor: moderator, filters: { author: annEmail.toUpperCase() } })).matching).toBe(1);
    expect((await findQueue({ actor: moderator, filters: { author: "nobody-by-this-name" } })).matching).toBe(0);
    const old = await findQueue({ actor: moderator, filters: { minAgeHours: 10, kind: "CORRECTION" }, now: new Date(t0.getTime() + 10 * 3_600_000) });
    expect(old.items.map((i) => i.authorName)).toEqual(["Ann"]);
    expect((await fail(findQueue({ actor: ann })))?.code).toBe("FORBIDDEN");
  });
});
