import { describe, expect, it } from "vitest";
import { z } from "zod";
import { filterFormSchema, filterHref } from "./filter-query";

describe("a filter form's query", () => {
  const schema = filterFormSchema(z.object({ occupationCode: z.string().optional(), page: z.coerce.number().optional(), kind: z.string().optional() }));

  it("drops empty fields and reads `occupation` as `occupationCode`", () => {
    expect(schema.parse({ occupation: "15-1299.05", kind: "", page: "2" })).toEqual({ occupationCode: "15-1299.05", page: 2 });
  });

  it("links back with the form's field names, leaving out page 1 and empty filters", () => {
    expect(filterHref("/moderation", { occupationCode: "15-1299.05", kind: undefined, page: 1 })).toBe("/moderation?occupation=15-1299.05");
    expect(filterHref("/moderation/audit", { actor: "Moderator 12", page: 3 })).toBe("/moderation/audit?actor=Moderator+12&page=3");
    expect(filterHref("/moderation", {})).toBe("/moderation");
  });
});
