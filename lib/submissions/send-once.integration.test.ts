// What a person typed is kept, or they are told why not: sends are idempotent (one row for
// any number of identical sends, also at the same moment), list fields refuse empty and
// mass-removal proposals, the answer names every field stored differently from how it was
// typed, and characters PostgreSQL cannot store are refused with the field's message.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { CORRECTION_FIELDS, fieldShape } from "@/lib/community/fields";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { createUser, descriptionCorrection, narrativeDoc, seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { requestChanges } from "./request-changes";
import { resubmitSubmission } from "./resubmit-submission";
import { submitCorrection } from "./submit-correction";
import { proposedValueFromForm } from "./submit-correction.types";
import { submitNarrative } from "./submit-narrative";

useTestDatabase();

const fail = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as AppError);
const pendingOf = (authorId: string) => prisma.submission.count({ where: { authorId, status: "PENDING" } });

let code: string;
let moderator: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  process.env.SUBMISSIONS_PER_HOUR = "100000";
  ({ code } = await seedOccupation());
  moderator = await createUser("MODERATOR");
  // Related careers need occupations that exist.
  for (const [extra, title] of [["99-0002.00", "Test Gadget Fitters"], ["99-0003.00", "Test Sprocket Setters"], ["99-0004.00", "Test Cog Cutters"]] as const) await seedOccupation(extra, title);
});

describe("sending the same thing twice", () => {
  it("ten identical correction sends at once, with the same form key, make one row, and every send gets it back", async () => {
    const author = await createUser();
    const input = { ...descriptionCorrection(code, "One description, sent ten times at once."), idempotencyKey: randomUUID() };
    const results = await Promise.all(Array.from({ length: 10 }, () => submitCorrection({ actor: author, input })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await pendingOf(author.userId)).toBe(1);
    expect(await prisma.auditEntry.count({ where: { targetId: results[0]!.id, action: "submission.submit" } })).toBe(1);
  });

  it("identical corrections at once without a key (or with different keys): one row, the others refused with a message", async () => {
    for (const keyed of [false, true]) {
      const author = await createUser();
      const input = descriptionCorrection(code, `Identical proposals from two tabs (${keyed ? "keyed" : "no key"}).`);
      const outcomes = await Promise.all(Array.from({ length: 6 }, () => submitCorrection({ actor: author, input: keyed ? { ...input, idempotencyKey: randomUUID() } : input }).then(() => "stored", (error: AppError) => error.message)));
      expect(outcomes.filter((o) => o === "stored")).toHaveLength(1);
      expect(new Set(outcomes.filter((o) => o !== "stored"))).toEqual(new Set(["You have already sent this, and it is waiting for a moderator. You can follow it under “My contributions”."]));
      expect(await pendingOf(author.userId)).toBe(1);
    }
  });

  it("a different proposal for the same field, and the same proposal by someone else, are still accepted", async () => {
    const author = await createUser();
    await submitCorrection({ actor: author, input: descriptionCorrection(code, "First idea for the description.") });
    await submitCorrection({ actor: author, input: descriptionCorrection(code, "Second, different idea for the description.") });
    await submitCorrection({ actor: await createUser(), input: descriptionCorrection(code, "First idea for the description.") });
    expect(await pendingOf(author.userId)).toBe(2);
  });

  it("the same narrative sent twice at once, before and after its draft existed, is one pending narrative", async () => {
    const author = await createUser();
    const input = { occupationCode: code, doc: narrativeDoc("A narrative sent with a double click, twice over the wire. ".repeat(5)), yearsInRole: 4, idempotencyKey: randomUUID() };
    const results = await Promise.all([submitNarrative({ actor: author, input }), submitNarrative({ actor: author, input }), submitNarrative({ actor: author, input })]);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    // A new editor (a new key) with the same text: refused, still one.
    const again = await fail(submitNarrative({ actor: author, input: { ...input, idempotencyKey: randomUUID() } }));
    expect(again?.code).toBe("CONFLICT");
    expect(await prisma.submission.count({ where: { authorId: author.userId, kind: "NARRATIVE" } })).toBe(1);
  });

  it("a key sent again with other content (an old form shown again with Back) is refused with a message, never answered as the first", async () => {
    const author = await createUser();
    const key = randomUUID();
    const first = { ...descriptionCorrection(code, "The first proposal sent from this form."), idempotencyKey: key };
    const sent = await submitCorrection({ actor: author, input: first });
    for (const other of [descriptionCorrection(code, "A different proposal from the same old form."), { ...first, rationale: "Another reason, same proposal." }, { ...first, sourceUrl: "https://example.org/other" }, { ...first, field: "TASK", operation: "ADD", proposedValue: { statement: "Another task." } }]) {
      const refused = await fail(submitCorrection({ actor: author, input: { ...other, idempotencyKey: key } }));
      expect(refused?.code, JSON.stringify(other)).toBe("CONFLICT");
      expect(refused?.message).toMatch(/^This form was already sent with other content/);
    }
    await expect(submitCorrection({ actor: author, input: first })).resolves.toMatchObject({ id: sent.id });

    const narrative = { occupationCode: code, doc: narrativeDoc("The narrative as first sent from this editor. ".repeat(6)), yearsInRole: 5, promptAnswers: { advice: "Keep notes." }, idempotencyKey: key.replace(/-/g, "") };
    const sentNarrative = await submitNarrative({ actor: author, input: narrative });
    for (const other of [{ doc: narrativeDoc("The narrative edited after going back to the editor. ".repeat(6)) }, { yearsInRole: 6 }, { promptAnswers: { advice: "Keep better notes." } }]) {
      const refused = await fail(submitNarrative({ actor: author, input: { ...narrative, ...other } }));
      expect(refused?.code, JSON.stringify(other)).toBe("CONFLICT");
      expect(refused?.message).toMatch(/^This form was already sent with other content/);
    }
    await expect(submitNarrative({ actor: author, input: narrative })).resolves.toMatchObject({ id: sentNarrative.id });
    expect(await pendingOf(author.userId)).toBe(2);
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: sentNarrative.id } })).yearsInRole).toBe(5);
  });

  it("a sent draft's id sent again with other text (a fresh key) is refused with a message, the sent narrative unchanged", async () => {
    const author = await createUser();
    const doc = narrativeDoc("The narrative as it was sent from its draft. ".repeat(6));
    const sent = await submitNarrative({ actor: author, input: { occupationCode: code, doc, yearsInRole: 3, idempotencyKey: randomUUID() } });
    const refused = await fail(submitNarrative({ actor: author, input: { draftId: sent.id, occupationCode: code, doc: narrativeDoc("Edited after Back, under the sent draft's id. ".repeat(6)), yearsInRole: 3, idempotencyKey: randomUUID() } }));
    expect(refused?.code).toBe("NOT_FOUND");
    expect(refused?.message).toMatch(/^This draft was already sent .*Your text is kept in this browser/);
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: sent.id } })).narrativeDoc).toEqual(doc);
  });

  it("refuses a key that is not one the form makes", async () => {
    const refused = await fail(submitCorrection({ actor: await createUser(), input: { ...descriptionCorrection(code), idempotencyKey: "x'; DROP" } }));
    expect(refused?.fieldErrors?.idempotencyKey?.[0]).toMatch(/reload the page/);
  });
});

describe("the hourly allowance", () => {
  it("refused repeats (already pending, already resubmitted) and answered retries of one send do not use it up", async () => {
    process.env.SUBMISSIONS_PER_HOUR = "4";
    try {
      const author = await createUser();
      const now = new Date("2026-03-01T10:00:00Z");
      const correction = { ...descriptionCorrection(code, "A proposal sent once, then repeated from other tabs."), idempotencyKey: randomUUID() };
      const sent = await submitCorrection({ actor: author, input: correction, now });
      const narrative = { occupationCode: code, doc: narrativeDoc("A narrative sent once and then pressed again in another editor. ".repeat(5)), yearsInRole: 2 };
      await submitNarrative({ actor: author, input: { ...narrative, idempotencyKey: randomUUID() }, now });
      for (let repeat = 0; repeat < 4; repeat++) {
        expect((await fail(submitCorrection({ actor: author, input: { ...correction, idempotencyKey: randomUUID() }, now })))?.code).toBe("CONFLICT");
        expect((await fail(submitNarrative({ actor: author, input: { ...narrative, idempotencyKey: randomUUID() }, now })))?.code).toBe("CONFLICT");
        await expect(submitCorrection({ actor: author, input: correction, now })).resolves.toMatchObject({ id: sent.id });
      }
      await requestChanges({ actor: moderator, input: { submissionId: sent.id, message: "Please name where this is done." } });
      const resubmit = () => resubmitSubmission({ actor: author, input: { submissionId: sent.id, proposedValue: { text: "A proposal, now with where it is done." }, rationale: "Named the workshops.", baseRevisionNumber: 0 }, now });
      await resubmit();
      expect((await fail(resubmit()))?.code).toBe("CONFLICT");
      // Three sends stored so far: the fourth is still allowed, the fifth is not.
      await submitCorrection({ actor: author, input: descriptionCorrection(code, "A second, different proposal this hour."), now });
      expect((await fail(submitCorrection({ actor: author, input: descriptionCorrection(code, "A third, different proposal this hour."), now })))?.code).toBe("RATE_LIMITED");
    } finally {
      process.env.SUBMISSIONS_PER_HOUR = "100000";
    }
  });
});

describe("list fields", () => {
  const LIST_FIELDS = CORRECTION_FIELDS.filter((field) => fieldShape(field) === "list");
  const EMPTY_FORMS = ["", " ", "\n\n", " \t \r\n ", "\u200B\n\u00A0", "\u202E\u2066"];

  it("covers every list field", () => {
    expect(LIST_FIELDS).toEqual(["ALTERNATE_TITLES", "TECHNOLOGY_SKILLS", "RELATED_CAREERS"]);
  });

  for (const field of LIST_FIELDS) {
    it(`${field}: an empty or whitespace-only item is refused with the field's message, nothing stored`, async () => {
      const author = await createUser();
      for (const typed of EMPTY_FORMS) {
        const error = await fail(submitCorrection({ actor: author, input: { ...descriptionCorrection(code), field, operation: "ADD", proposedValue: proposedValueFromForm(field, typed) } }));
        expect(error, JSON.stringify(typed)).toBeInstanceOf(AppError);
        expect(error?.code).toBe("INVALID_INPUT");
        expect(error?.fieldErrors?.proposedValue?.join(" ")).toMatch(/cannot be empty|must be an O\*NET-SOC code/);
      }
      expect(await prisma.submission.count({ where: { authorId: author.userId } })).toBe(0);
    });
  }

  it("a list correction is one item: a whole list, or a reword or removal without its item, is refused", async () => {
    const author = await createUser();
    const whole = await fail(submitCorrection({ actor: author, input: { ...descriptionCorrection(code), field: "TECHNOLOGY_SKILLS", operation: "ADD", proposedValue: { items: ["Calipers", "Gauges"] } } }));
    expect(whole?.code).toBe("INVALID_INPUT");
    const noItem = await fail(submitCorrection({ actor: author, input: { ...descriptionCorrection(code), field: "TECHNOLOGY_SKILLS", operation: "REMOVE", proposedValue: null } }));
    expect(noItem?.fieldErrors?.itemKey?.[0]).toBe("Choose the item to reword or remove.");
    expect(await prisma.submission.count({ where: { authorId: author.userId } })).toBe(0);
  });

  it("a resubmission follows the same rules, and a whole-list correction sent back before item corrections is told to be sent item by item", async () => {
    const author = await createUser();
    const sent = await submitCorrection({ actor: author, input: { ...descriptionCorrection(code), field: "ALTERNATE_TITLES", operation: "ADD", proposedValue: { item: "Widget Smith" } } });
    await requestChanges({ actor: moderator, input: { submissionId: sent.id, message: "Please explain where this title is used." } });
    const resubmit = (submissionId: string, proposedValue: unknown) => resubmitSubmission({ actor: author, input: { submissionId, proposedValue, rationale: "Used in job adverts in the region.", baseRevisionNumber: 0 } });
    expect((await fail(resubmit(sent.id, { item: " " })))?.fieldErrors?.proposedValue?.join(" ")).toMatch(/cannot be empty/);
    expect((await fail(resubmit(sent.id, { items: ["Widget Tester"] })))?.code).toBe("INVALID_INPUT");
    await expect(resubmit(sent.id, { item: "Widget Tester" })).resolves.toBeDefined();
    const legacy = await prisma.submission.create({
      data: { kind: "CORRECTION", status: "CHANGES_REQUESTED", occupationCode: code, authorId: author.userId, field: "ALTERNATE_TITLES", operation: "CHANGE", itemKey: "", proposedValue: { items: ["Widget Tester"] }, rationale: "Stored by the previous version.", baseRevisionNumber: 0 },
    });
    expect((await fail(resubmit(legacy.id, { item: "Widget Tester" })))?.message).toMatch(/^Lists are now corrected one item at a time/);
  });
});

describe("typed versus stored", () => {
  it("names each field stored differently, with its stored form, and nothing when stored as typed", async () => {
    const author = await createUser();
    const input = {
      ...descriptionCorrection(code, "  Widgets are de\u0301signed\u0000 here.\u202E  "),
      rationale: "The official text\u0007 is out of date.",
      sourceUrl: " https://example.org/widgets ",
    };
    const { storedNotices, id } = await submitCorrection({ actor: author, input });
    expect(storedNotices).toEqual([
      {
        field: "proposedValue",
        label: "Your proposed value",
        stored: "Widgets are d\u00e9signed here.",
        changes: ["accented letters were stored in their composed form (Unicode NFC)", "invisible control or text-direction characters were removed", "spaces and invisible characters at the start or end were removed"],
      },
      { field: "rationale", label: "Why is this better?", stored: "The official text is out of date.", changes: ["invisible control or text-direction characters were removed"] },
      { field: "sourceUrl", label: "Source link", stored: "https://example.org/widgets", changes: ["spaces at the start or end were removed"] },
    ]);
    const row = await prisma.submission.findUniqueOrThrow({ where: { id } });
    expect([row.proposedValue, row.rationale, row.sourceUrl]).toEqual([{ text: "Widgets are d\u00e9signed here." }, "The official text is out of date.", "https://example.org/widgets"]);
    const plain = await submitCorrection({ actor: author, input: descriptionCorrection(code, "Stored exactly as typed, line one.\r\nLine two.") });
    expect(plain.storedNotices).toEqual([]);
  });

  it("a list item and a narrative piece that changed are named too", async () => {
    const author = await createUser();
    const list = await submitCorrection({ actor: author, input: { ...descriptionCorrection(code), field: "ALTERNATE_TITLES", operation: "ADD", proposedValue: proposedValueFromForm("ALTERNATE_TITLES", "  Widget   Maker\nGizmo Smith") } });
    expect(list.storedNotices).toEqual([{ field: "proposedValue", label: "Your proposed value", stored: "Widget Maker Gizmo Smith", changes: ["line breaks and repeated spaces were joined into single spaces", "spaces and invisible characters at the start or end were removed"] }]);
    const doc = narrativeDoc("Widgets are tested\u202E by hand every morning. ".repeat(6));
    const narrative = await submitNarrative({ actor: author, input: { occupationCode: code, doc, yearsInRole: 3, promptAnswers: { advice: "Learn the tools.  " } } });
    expect(narrative.storedNotices.map((n) => [n.field, n.changes])).toEqual([
      ["doc", ["invisible control or text-direction characters were removed"]],
      ["prompt-advice", ["spaces and invisible characters at the start or end were removed"]],
    ]);
    expect(narrative.storedNotices[0]!.stored).toContain("Widgets are tested by hand every morning.");
  });
});

describe("characters that cannot be stored", () => {
  it("a NUL or a space inside a source link is refused with the link's message", async () => {
    const author = await createUser();
    for (const sourceUrl of ["https://example.org/a\u0000b", "https://exa\u0000mple.org/", "https://example.org/a b", "https://example.org/\u0085"]) {
      const error = await fail(submitCorrection({ actor: author, input: { ...descriptionCorrection(code), sourceUrl } }));
      expect(error?.fieldErrors?.sourceUrl?.join(" "), JSON.stringify(sourceUrl)).toMatch(/cannot contain spaces or control characters|web address/);
    }
    expect(await prisma.submission.count({ where: { authorId: author.userId } })).toBe(0);
  });

  it("a lone surrogate anywhere in a narrative, a correction or a link is refused with the field's message", async () => {
    const author = await createUser();
    const broken = "\uD800";
    const inText = narrativeDoc(`Half a character ${broken} in the middle of the text. `.repeat(6));
    const inHref = narrativeDoc();
    (inHref.content[1]!.content![1] as { marks: { attrs: { href: string } }[] }).marks[0]!.attrs.href = `https://example.org/${broken}`;
    for (const doc of [inText, inHref]) {
      const error = await fail(submitNarrative({ actor: author, input: { occupationCode: code, doc, yearsInRole: 1 } }));
      expect(error?.fieldErrors?.doc?.join(" ")).toMatch(/broken character/);
    }
    const answer = await fail(submitNarrative({ actor: author, input: { occupationCode: code, doc: narrativeDoc(), yearsInRole: 1, promptAnswers: { advice: `tip ${broken}` } } }));
    expect(answer?.fieldErrors?.promptAnswers?.join(" ")).toMatch(/broken character/);
    const rationale = await fail(submitCorrection({ actor: author, input: { ...descriptionCorrection(code), rationale: `Because \uDC00 it is wrong.` } }));
    expect(rationale?.fieldErrors?.rationale?.join(" ")).toMatch(/broken character/);
    const link = await fail(submitCorrection({ actor: author, input: { ...descriptionCorrection(code), sourceUrl: `https://example.org/${broken}` } }));
    expect(link?.fieldErrors?.sourceUrl?.join(" ")).toMatch(/broken character/);
    expect(await prisma.submission.count({ where: { authorId: author.userId } })).toBe(0);
  });
});
