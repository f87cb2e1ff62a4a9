import { describe, expect, it } from "vitest";
import { ZUpdateProfileInputSchema } from "./schema";

const valid = { displayName: "Ada", jobTitle: "Machinist", occupations: "51-4041.00", yearsExperience: "7", sector: "private", region: "", bio: "" };

describe("ZUpdateProfileInputSchema", () => {
  it("gives an empty Years of experience one message, not also 'not a whole number'", () => {
    const result = ZUpdateProfileInputSchema.safeParse({ ...valid, yearsExperience: "" });
    expect(result.error?.issues.filter((issue) => issue.path[0] === "yearsExperience").map((issue) => issue.message)).toEqual(["Enter your years of experience (0 if less than a year)."]);
  });

  it("still says a typed Years of experience is not a whole number", () => {
    const result = ZUpdateProfileInputSchema.safeParse({ ...valid, yearsExperience: "seven" });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["Enter your years of experience as a whole number, like 7."]);
  });
});
