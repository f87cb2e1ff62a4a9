import { describe, expect, it } from "vitest";
import type { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { ZSubmitNarrativeInputSchema } from "./narrative-input.types";

const doc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "I have inspected sprockets for years and know the gauges well. ".repeat(4) }] }] };

describe("ZSubmitNarrativeInputSchema", () => {
  it("a narrative without years in the role is refused in words, not with the field's internal name", () => {
    for (const input of [{ occupationCode: "99-0001.00", doc }, { occupationCode: "99-0001.00", doc, yearsInRole: null }]) {
      let refused: AppError | null = null;
      try {
        parseOrThrow(ZSubmitNarrativeInputSchema, input);
      } catch (error) {
        refused = error as AppError;
      }
      expect(refused?.fieldErrors?.yearsInRole).toEqual(["Say how many years you have worked in this role (0 if less than one)."]);
    }
  });
});
