import { describe, expect, it } from "vitest";
import { assignSlugs, slugify } from "./slugs";

describe("slugify", () => {
  it("makes lower-case dashed ASCII words", () => {
    expect(slugify("Information Security Engineers")).toBe("information-security-engineers");
    expect(slugify("Buyers & Purchasing Agents, Farm Products")).toBe("buyers-and-purchasing-agents-farm-products");
    expect(slugify("Café Managers")).toBe("cafe-managers");
  });
});

describe("assignSlugs", () => {
  it("appends the code when two occupations share a title or the slug is taken", () => {
    const slugs = assignSlugs(
      [
        { code: "11-1111.00", title: "Same Title" },
        { code: "11-1111.01", title: "Same Title" },
        { code: "22-2222.00", title: "Taken Title" },
        { code: "33-3333.00", title: "Free Title" },
      ],
      new Set(["taken-title"]),
    );
    expect(slugs.get("11-1111.00")).toBe("same-title-11-1111-00");
    expect(slugs.get("11-1111.01")).toBe("same-title-11-1111-01");
    expect(slugs.get("22-2222.00")).toBe("taken-title-22-2222-00");
    expect(slugs.get("33-3333.00")).toBe("free-title");
  });
});
