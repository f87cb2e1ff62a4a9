import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { type AppError } from "@/lib/errors";
import { createUser, descriptionCorrection, seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { submitCorrection } from "./submit-correction";

useTestDatabase();

let code: string;
beforeAll(async () => {
  process.env.SUBMISSIONS_PER_HOUR = "1000";
  ({ code } = await seedOccupation());
});

const fail = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as AppError);

describe("submitCorrection", () => {
  it("stores a pending correction with its base value, revision and rationale, and audits it", async () => {
    const author = await createUser();
    const submission = await submitCorrection({ actor: author, input: descriptionCorrection(code) });
    const row = await prisma.submission.findUniqueOrThrow({ where: { id: submission.id } });
    expect(row).toMatchObject({ kind: "CORRECTION", status: "PENDING", field: "DESCRIPTION", operation: "CHANGE", itemKey: "", baseRevisionNumber: 0, authorId: author.userId });
    expect(row.baseValue).toEqual({ official: true, value: { text: "Official description of Test Widget Engineers." } });
    expect(await prisma.auditEntry.count({ where: { targetId: submission.id, action: "submission.submit" } })).toBe(1);
  });

  it("adds, changes and removes tasks; a new task gets its own item key", async () => {
    const author = await createUser();
    const base = { occupationCode: code, field: "TASK", rationale: "Tasks have changed over the years.", baseRevisionNumber: 0 };
    const added = await submitCorrection({ actor: author, input: { ...base, operation: "ADD", proposedValue: { statement: "Document widget tests." } } });
    expect(added.itemKey).toMatch(/^new:/);
    await expect(submitCorrection({ actor: author, input: { ...base, operation: "REMOVE", itemKey: "onet:2", proposedValue: null } })).resolves.toMatchObject({ itemKey: "onet:2" });
    expect((await fail(submitCorrection({ actor: author, input: { ...base, operation: "CHANGE", itemKey: "onet:999", proposedValue: { statement: "x" } } })))?.code).toBe("NOT_FOUND");
  });

  it("refuses invalid input with field messages: no rationale, bad URL, wrong operation, same value", async () => {
    const author = await createUser();
    const noRationale = await fail(submitCorrection({ actor: author, input: { ...descriptionCorrection(code), rationale: "short" } }));
    expect(noRationale?.code).toBe("INVALID_INPUT");
    expect(noRationale?.fieldErrors?.rationale?.[0]).toMatch(/at least 10 characters/);
    const badUrl = await fail(submitCorrection({ actor: author, input: { ...descriptionCorrection(code), sourceUrl: "javascript:alert(1)" } }));
    expect(badUrl?.fieldErrors?.sourceUrl?.[0]).toMatch(/http/);
    const addDescription = await fail(submitCorrection({ actor: author, input: { ...descriptionCorrection(code), operation: "ADD" } }));
    expect(addDescription?.fieldErrors?.operation?.[0]).toMatch(/Only tasks and list items/);
    const same = await fail(submitCorrection({ actor: author, input: descriptionCorrection(code, "Official description of Test Widget Engineers.") }));
    expect(same?.message).toMatch(/same as the current/);
    const wholeList = await fail(submitCorrection({ actor: author, input: { ...descriptionCorrection(code), field: "ALTERNATE_TITLES", operation: "ADD", proposedValue: { items: ["A", "B"] } } }));
    expect(wholeList?.code).toBe("INVALID_INPUT");
  });

  it("needs a signed-in actor", async () => {
    expect((await fail(submitCorrection({ actor: null, input: descriptionCorrection(code) })))?.code).toBe("UNAUTHENTICATED");
  });

  it("trips the per-user hourly rate limit with a clear message", async () => {
    process.env.SUBMISSIONS_PER_HOUR = "2";
    try {
      const author = await createUser();
      const now = new Date("2026-03-01T10:00:00Z");
      await submitCorrection({ actor: author, input: descriptionCorrection(code, "First proposal of the hour for this page."), now });
      await submitCorrection({ actor: author, input: descriptionCorrection(code, "Second proposal of the hour for this page."), now });
      const third = await fail(submitCorrection({ actor: author, input: descriptionCorrection(code, "Third proposal of the hour for this page."), now }));
      expect(third?.code).toBe("RATE_LIMITED");
      expect(third?.message).toBe("You have sent the most submissions allowed in one hour (2). Try again in 60 minutes.");
      // Another user is not affected.
      await expect(submitCorrection({ actor: await createUser(), input: descriptionCorrection(code, "Someone else's proposal this hour."), now })).resolves.toBeDefined();
    } finally {
      process.env.SUBMISSIONS_PER_HOUR = "1000";
    }
  });
});
