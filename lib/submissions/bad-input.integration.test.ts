// Every write use case against hostile text: oversized, control characters, bidi overrides,
// zero-width and whitespace-only input, and narrative documents that are huge, deeply nested
// or hold nodes the editor does not offer. Each is refused with a message naming the field
// (nothing of the community layer changed), or stored cleaned (lib/validation/text.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { ZRequestSignInLinkInputSchema } from "@/app/(contributor)/sign-in/schema";
import { profileStoredNotices, ZUpdateProfileInputSchema } from "@/app/(contributor)/profile/schema";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { createUser, descriptionCorrection, narrativeDoc, seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { approveSubmission } from "./approve-submission";
import { declineSubmission } from "./decline-submission";
import { reportNarrative } from "./report-narrative";
import { requestChanges } from "./request-changes";
import { resubmitSubmission } from "./resubmit-submission";
import { saveNarrativeDraft } from "./save-narrative-draft";
import { submitCorrection } from "./submit-correction";
import { submitNarrative } from "./submit-narrative";
import { withdrawSubmission } from "./withdraw-submission";

useTestDatabase();

const TABLES = ["Submission", "Revision", "CommunityValue", "AuditEntry", "Profile", "Notification"] as const;

/** Row count and checksum of each community table: a refusal must leave them all as they were. */
async function communityState() {
  const parts = TABLES.map((table) => `SELECT '${table}' AS name, count(*)::int AS rows, coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') AS checksum FROM "${table}" t`);
  return prisma.$queryRawUnsafe<{ name: string; rows: number; checksum: string }[]>(parts.join(" UNION ALL "));
}

/** Runs a write that must be refused: INVALID_INPUT, a message for the field, nothing stored. */
async function expectRefused(write: () => Promise<unknown>, field: string, message: RegExp) {
  const before = await communityState();
  const error = await write().then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error, `expected a refusal on ${field}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("INVALID_INPUT");
  expect((error as AppError).fieldErrors?.[field]?.join(" ")).toMatch(message);
  expect(await communityState()).toEqual(before);
}

const GIANT = "x".repeat(1_000_000);
const INVISIBLE = " \u200B\u2060\uFEFF\u202E\u0000 \n\t";

let code: string;
let moderator: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  process.env.SUBMISSIONS_PER_HOUR = "1000";
  process.env.DRAFT_SAVES_PER_HOUR = "1000";
  process.env.REPORTS_PER_HOUR = "1000";
  ({ code } = await seedOccupation());
  moderator = await createUser("MODERATOR");
});

describe("submitting a correction", () => {
  it("refuses an oversized, whitespace-only or invisible-only rationale or value", async () => {
    const author = await createUser();
    const base = descriptionCorrection(code);
    await expectRefused(() => submitCorrection({ actor: author, input: { ...base, rationale: GIANT } }), "rationale", /at most 2000 characters/);
    await expectRefused(() => submitCorrection({ actor: author, input: { ...base, rationale: INVISIBLE } }), "rationale", /at least 10 characters/);
    await expectRefused(() => submitCorrection({ actor: author, input: { ...base, proposedValue: { text: INVISIBLE } } }), "proposedValue", /cannot be empty/);
    await expectRefused(() => submitCorrection({ actor: author, input: { ...base, proposedValue: { text: GIANT } } }), "proposedValue", /at most 4000 characters/);
    const list = { ...base, field: "ALTERNATE_TITLES", operation: "ADD", proposedValue: { item: "\u200B\u202E " } };
    await expectRefused(() => submitCorrection({ actor: author, input: list }), "proposedValue", /cannot be empty/);
  });

  it("stores the text cleaned: NFC, without NUL, C1 controls or bidi overrides", async () => {
    const author = await createUser();
    const input = { ...descriptionCorrection(code, "Widgets are de\u0301signed\u0000 and \u202Etested\u202C.\u0085"), rationale: "  The official text is\u0000 out of date.\u200B " };
    const { id } = await submitCorrection({ actor: author, input });
    const row = await prisma.submission.findUniqueOrThrow({ where: { id } });
    expect(row.proposedValue).toEqual({ text: "Widgets are d\u00e9signed and tested." });
    expect(row.rationale).toBe("The official text is out of date.");
  });
});

describe("narratives", () => {
  const deep = (levels: number): unknown => {
    let node: unknown = { type: "paragraph", content: [{ type: "text", text: "deep" }] };
    for (let level = 0; level < levels; level++) node = { type: "blockquote", content: [node] };
    return { type: "doc", content: [node] };
  };

  it("refuses giant, deeply nested and unknown documents on save and submit, without a crash", async () => {
    const author = await createUser();
    const giant = narrativeDoc("word ".repeat(10_000));
    const manyNodes = { type: "doc", content: Array.from({ length: 5_000 }, () => ({ type: "paragraph", content: [{ type: "text", text: "a" }] })) };
    const unknownNode = { type: "doc", content: [{ type: "iframe", attrs: { src: "https://evil.example" } }] };
    for (const write of [saveNarrativeDraft, submitNarrative]) {
      const input = (doc: unknown) => ({ occupationCode: code, doc, yearsInRole: 3 });
      await expectRefused(() => write({ actor: author, input: input(giant) }), "doc", /at most 20,000 characters/);
      await expectRefused(() => write({ actor: author, input: input(deep(100_000)) }), "doc", /nests lists or quotes too deeply/);
      await expectRefused(() => write({ actor: author, input: input(manyNodes) }), "doc", /too many paragraphs/);
      await expectRefused(() => write({ actor: author, input: input(unknownNode) }), "doc", /formatting the editor does not offer/);
      await expectRefused(() => write({ actor: author, input: input(narrativeDoc("\u0000\u202E\u0085")) }), "doc", /empty piece of text/);
      await expectRefused(() => write({ actor: author, input: { ...input(narrativeDoc()), promptAnswers: { advice: GIANT } } }), "promptAnswers", /at most 2000 characters/);
    }
  });

  it("refuses a narrative whose text is only spaces and invisible characters as too short", async () => {
    const author = await createUser();
    const blank = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `${" \u200B".repeat(300)}.` }] }] };
    await expectRefused(() => submitNarrative({ actor: author, input: { occupationCode: code, doc: blank, yearsInRole: 3 } }), "doc", /at least 200 characters/);
  });

  it("stores a saved draft's text without control characters", async () => {
    const author = await createUser();
    const { id } = await saveNarrativeDraft({ actor: author, input: { occupationCode: code, doc: narrativeDoc("I\u0000 build \u202Ewidgets."), promptAnswers: { advice: " Learn\u0007 the tools. " } } });
    const row = await prisma.submission.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(row.narrativeDoc)).toContain('"I build widgets."');
    expect(row.promptAnswers).toEqual({ advice: "Learn the tools." });
  });
});

describe("moderator and reader messages", () => {
  it("refuse oversized and invisible-only decline reasons, change requests and reports", async () => {
    const author = await createUser();
    const reader = await createUser();
    const submission = await submitCorrection({ actor: author, input: descriptionCorrection(code, "A description to be judged.", 99) });
    await expectRefused(() => declineSubmission({ actor: moderator, input: { submissionId: submission.id, reason: "other", message: INVISIBLE } }), "message", /at least 10 characters/);
    await expectRefused(() => declineSubmission({ actor: moderator, input: { submissionId: submission.id, reason: "other", message: GIANT } }), "message", /at most 2000 characters/);
    await expectRefused(() => requestChanges({ actor: moderator, input: { submissionId: submission.id, message: INVISIBLE } }), "message", /at least 10 characters/);
    await expectRefused(() => requestChanges({ actor: moderator, input: { submissionId: submission.id, message: GIANT } }), "message", /at most 2000 characters/);

    await requestChanges({ actor: moderator, input: { submissionId: submission.id, message: "Please add a source.\u0000\u202E" } });
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: submission.id } })).decisionMessage).toBe("Please add a source.");
    await expectRefused(
      () => resubmitSubmission({ actor: author, input: { submissionId: submission.id, proposedValue: { text: "Better." }, rationale: INVISIBLE, baseRevisionNumber: 99 } }),
      "rationale",
      /at least 10 characters/,
    );
    await withdrawSubmission({ actor: author, submissionId: submission.id });

    const narrative = await submitNarrative({ actor: author, input: { occupationCode: code, doc: narrativeDoc(), yearsInRole: 4 } });
    await approveSubmission({ actor: moderator, submissionId: narrative.id });
    await expectRefused(() => reportNarrative({ actor: reader, input: { submissionId: narrative.id, reason: INVISIBLE } }), "reason", /at least 10 characters/);
    await expectRefused(() => reportNarrative({ actor: reader, input: { submissionId: narrative.id, reason: GIANT } }), "reason", /at most 1000 characters/);
  });
});

describe("the profile and sign-in forms", () => {
  const profile = { displayName: "Ada", jobTitle: "Widget engineer", occupations: "99-0001.00", yearsExperience: "3", sector: "private", region: "", bio: "" };

  it("names the profile fields saved differently from how they were typed, and only those", () => {
    const typed = { ...profile, displayName: "  Ada   Lovelace", bio: "Builds widgets.\u202E" };
    const saved = ZUpdateProfileInputSchema.parse(typed);
    expect(profileStoredNotices(typed, saved).map((n) => [n.field, n.stored])).toEqual([["displayName", "Ada Lovelace"], ["bio", "Builds widgets."]]);
    expect(profileStoredNotices(profile, ZUpdateProfileInputSchema.parse(profile))).toEqual([]);
  });
  const errorsOf = (input: unknown) => ZUpdateProfileInputSchema.safeParse(input).error?.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`) ?? [];

  it("refuse empty, invisible-only, oversized and mixed-alphabet names with a message per field", () => {
    expect(errorsOf({ ...profile, displayName: INVISIBLE })).toEqual(["displayName: Enter the name to show with your contributions."]);
    expect(errorsOf({ ...profile, jobTitle: "   " })).toEqual(["jobTitle: Enter your current job title."]);
    expect(errorsOf({ ...profile, displayName: GIANT })).toEqual(["displayName: Your display name can be at most 80 characters."]);
    expect(errorsOf({ ...profile, bio: GIANT })).toEqual(["bio: Your bio can be at most 1000 characters."]);
    expect(errorsOf({ ...profile, displayName: "M\u043Ederator" })[0]).toMatch(/^displayName: Your display name mixes alphabets within a word/);
    expect(errorsOf({ ...profile, occupations: `${INVISIBLE}\n\u200B` })[0]).toMatch(/^occupations: Name at least one occupation/);
  });

  it("clean what they keep: a reversed name is stored readable, a bio keeps its lines", () => {
    expect(ZUpdateProfileInputSchema.parse({ ...profile, displayName: "\u202EAda\u0000 Lovelace\u202C", bio: "Line one\r\nLine two\u0085" })).toMatchObject({ displayName: "Ada Lovelace", bio: "Line one\nLine two" });
  });

  it("sign-in refuses an address with look-alike letters and drops invisible ones", () => {
    const email = (value: string) => ZRequestSignInLinkInputSchema.safeParse({ email: value });
    expect(email("\u200Bada@example.org\u0000").data?.email).toBe("ada@example.org");
    expect(email("ad\u0430@example.org").error?.issues[0]?.message).toBe("Enter a valid email address, like name@example.com.");
    expect(email(INVISIBLE).error?.issues[0]?.message).toBe("Enter your email address.");
    expect(email(`${"a".repeat(300)}@example.org`).error?.issues[0]?.message).toBe("That email address is too long.");
  });
});
