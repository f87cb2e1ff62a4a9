import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readableIssue } from "./readable-issue";

const messagesOf = (schema: z.ZodType, input: unknown) => schema.safeParse(input, { error: readableIssue }).error?.issues.map((issue) => issue.message) ?? [];

describe("readableIssue (zod's defaults in words)", () => {
  it("words every kind of issue a schema gave no message for", () => {
    const schema = z.object({
      state: z.string(),
      minAgeHours: z.coerce.number().int().min(0).max(8760),
      author: z.string().max(5),
      name: z.string().trim().min(1),
      kind: z.enum(["CORRECTION", "NARRATIVE"]),
      email: z.email(),
      code: z.string().regex(/^\d+$/),
      missing: z.string(),
    });
    expect(messagesOf(schema, { state: ["CA", "NY"], minAgeHours: "99999", author: "abcdefg", name: "  ", kind: "X", email: "nope", code: "a" })).toEqual([
      "Give “state” once: it is given 2 times.",
      "“minAgeHours” can be at most 8760.",
      "“author” can be at most 5 characters.",
      "“name” cannot be empty.",
      "“kind” is one of: CORRECTION, NARRATIVE.",
      "“email” should be an email address such as name@example.org.",
      "“code” has characters that are not used here.",
      "“missing” is missing.",
    ]);
    expect(messagesOf(z.object({ n: z.coerce.number().int() }), { n: "NaN" })).toEqual(["“n” should be a number."]);
  });

  it("leaves a schema's own message alone", () => {
    expect(messagesOf(z.object({ page: z.coerce.number("The page is a number.").min(1, "Pages start at 1.") }), { page: "0" })).toEqual(["Pages start at 1."]);
    expect(messagesOf(z.object({ zone: z.string({ error: "Choose one job zone." }) }), { zone: ["1", "2"] })).toEqual(["Choose one job zone."]);
  });
});
