import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import type { AppError } from "@/lib/errors";
import { createUser, descriptionCorrection, narrativeDoc, seedOccupation } from "@/tests/support/community-factories";
import { useTestDatabase } from "@/tests/support/use-test-database";
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

describe("findQueue", () => {
  it("lists pending items oldest first, filters by kind, occupation, author and age, with counts; moderators only", async () => {
    const moderator = await createUser("MODERATOR");
    const ann = await createUser("CONTRIBUTOR", "Ann");
    const bob = await createUser("CONTRIBUTOR", "Bob");
    const t0 = new Date("2026-02-01T08:00:00Z");
    await submitCorrection({ actor: ann, input: descriptionCorrection(widget, "Oldest correction of the widget page."), now: t0 });
    await submitCorrection({ actor: bob, input: descriptionCorrection(gadget, "Newer correction of the gadget page."), now: new Date(t0.getTime() + 3_600_000) });
    const all = await findQueue({ actor: moderator, now: new Date(t0.getTime() + 10 * 3_600_000) });
    expect(all.counts).toEqual({ pending: 3, corrections: 2, narratives: 1 });
    const corrections = all.items.filter((i) => i.kind === "CORRECTION");
    expect(corrections.map((i) => i.authorName)).toEqual(["Ann", "Bob"]);
    expect((await findQueue({ actor: moderator, filters: { kind: "NARRATIVE" } })).items).toHaveLength(1);
    expect((await findQueue({ actor: moderator, filters: { occupationCode: gadget } })).items.map((i) => i.authorName)).toEqual(["Bob"]);
    expect((await findQueue({ actor: moderator, filters: { authorId: ann.userId } })).matching).toBe(1);
    const old = await findQueue({ actor: moderator, filters: { minAgeHours: 10, kind: "CORRECTION" }, now: new Date(t0.getTime() + 10 * 3_600_000) });
    expect(old.items.map((i) => i.authorName)).toEqual(["Ann"]);
    expect((await fail(findQueue({ actor: ann })))?.code).toBe("FORBIDDEN");
  });
});
