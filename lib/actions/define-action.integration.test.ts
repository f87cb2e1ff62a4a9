import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { formData } from "@/tests/support/e2e/server-actions";
import { seedUser } from "@/tests/support/seed-users";
import { logger } from "@/lib/logging/logger.cjs";

// defineAction as a request runs it: the session comes from a real Session row through the
// cookie (a test jar stands in for next/headers, which exists only inside a Next request).
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined) }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { defineAction } = await import("./define-action");
const { submitCorrectionAction } = await import("@/app/(contributor)/contribute/actions");
const { resubmitCorrectionAction } = await import("@/app/(contributor)/me/actions");

const database = useTestDatabase();
const sessions: Record<"CONTRIBUTOR" | "MODERATOR", string> = { CONTRIBUTOR: "", MODERATOR: "" };
let code: string;

beforeAll(async () => {
  ({ code } = await seedOccupation());
  for (const role of ["CONTRIBUTOR", "MODERATOR"] as const) sessions[role] = (await seedUser({ databaseUrl: database.url, role })).sessionToken;
});
beforeEach(() => jar.clear());
const signInAs = (role: keyof typeof sessions) => jar.set("authjs.session-token", sessions[role]);

const ran: unknown[] = [];
const echoAction = defineAction({
  ability: "moderation:decide",
  schema: z.object({ note: z.string().min(3, "Write at least 3 characters.") }),
  run: async ({ actor, input }) => {
    ran.push(input);
    return { ok: true, message: `${actor.role} said ${input.note}` };
  },
});

describe("defineAction", () => {
  it("runs with the session's actor and the parsed input, from a form's FormData or a client's plain object", async () => {
    signInAs("MODERATOR");
    expect(await echoAction(null, formData({ note: "hello" }))).toEqual({ ok: true, message: "MODERATOR said hello" });
    expect(await echoAction({ note: "plain" })).toEqual({ ok: true, message: "MODERATOR said plain" });
  });

  it("answers a schema failure with the field's messages, and runs nothing", async () => {
    signInAs("MODERATOR");
    ran.length = 0;
    const state = await echoAction(null, formData({ note: "x" }));
    expect(state).toMatchObject({ ok: false, message: "Write at least 3 characters.", fieldErrors: { note: ["Write at least 3 characters."] } });
    expect(ran).toEqual([]);
  });

  it("asks someone with no session to sign in, before reading the input", async () => {
    expect(await echoAction(null, formData({ note: "x" }))).toEqual({ ok: false, message: "Please sign in first." });
    jar.set("authjs.session-token", "not-a-session");
    expect(await echoAction(null, formData({ note: "hello" }))).toEqual({ ok: false, message: "Please sign in first." });
  });

  it("refuses a role without the ability", async () => {
    signInAs("CONTRIBUTOR");
    ran.length = 0;
    const state = await echoAction(null, formData({ note: "hello" }));
    expect(state).toEqual({ ok: false, message: "Your role (contributor) may not approve, decline or request changes." });
    expect(ran).toEqual([]);
  });

  it("shows an AppError's own message, and an unexpected error only generically", async () => {
    signInAs("CONTRIBUTOR");
    const refusing = defineAction({
      ability: "submission:create",
      schema: z.unknown(),
      run: async () => {
        throw new AppError("CONFLICT", "Someone else got there first.");
      },
    });
    expect(await refusing()).toEqual({ ok: false, message: "Someone else got there first." });
    const failing = defineAction({
      ability: "submission:create",
      schema: z.unknown(),
      run: async () => {
        throw new Error("internal detail: relation users");
      },
    });
    const error = vi.spyOn(logger, "error").mockImplementation(() => {});
    try {
      const state = await failing();
      expect(state.ok).toBe(false);
      expect(state.message).not.toContain("internal detail");
      expect(error).toHaveBeenCalled();
    } finally {
      error.mockRestore();
    }
  });

  it("lets Next's redirect through instead of turning it into form state", async () => {
    const redirecting = defineAction({
      ability: null,
      schema: z.unknown(),
      run: async () => redirect("/sign-in/check-email"),
    });
    await expect(redirecting()).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });

  it("gives a form with its own state shape the failure through `failed`, with the previous state and the raw fields", async () => {
    const counted = defineAction({
      ability: "submission:create",
      schema: z.unknown(),
      run: async () => ({ tries: 0, message: "" }),
      failed: (failure, { state, raw }) => ({ tries: (state as { tries: number }).tries + 1, message: `${failure.message} (${JSON.stringify(raw)})` }),
    });
    expect(await counted({ tries: 2, message: "" }, formData({ a: "b" }))).toEqual({ tries: 3, message: 'Please sign in first. ({"a":"b"})' });
  });
});

describe("the correction forms' field", () => {
  const correction = (field: string) =>
    formData({ occupationCode: code, field, operation: "CHANGE", proposedValue: "A clearer description of the work.", rationale: "The description misses half of the job.", baseRevisionNumber: "0" });

  it.each([["BOGUS"], [""], ["description"]])("refuses an unknown field (%j) with a message instead of defaulting to the description", async (field) => {
    signInAs("CONTRIBUTOR");
    for (const action of [submitCorrectionAction, resubmitCorrectionAction]) {
      const state = await action(null, correction(field));
      expect(state).toMatchObject({ ok: false, message: "Unknown field: choose one of the page's fields to correct.", fieldErrors: { field: ["Unknown field: choose one of the page's fields to correct."] } });
    }
  });

  it("refuses a form with no field at all", async () => {
    signInAs("CONTRIBUTOR");
    const form = correction("DESCRIPTION");
    form.delete("field");
    expect(await submitCorrectionAction(null, form)).toMatchObject({ ok: false, fieldErrors: { field: ["Unknown field: choose one of the page's fields to correct."] } });
  });

  it("accepts a known field (the form still reaches the use case)", async () => {
    signInAs("CONTRIBUTOR");
    const state = await submitCorrectionAction(null, correction("DESCRIPTION"));
    expect(state).toMatchObject({ ok: true, message: expect.stringMatching(/^Thank you! Your correction is waiting/) });
  });
});
