import { describe, expect, it } from "vitest";
import { isOewsGroupRow, pickPublishedFigure, socFigureCandidates, socMinorGroupOf } from "./soc-groups";

describe("socFigureCandidates", () => {
  it("lists own code, broad, minor and major group, most specific first", () => {
    expect(socFigureCandidates("15-1299").map((c) => c.code)).toEqual(["15-1299", "15-1290", "15-1200", "15-1000", "15-0000"]);
    expect(socFigureCandidates("13-1021").map((c) => [c.code, c.level])).toEqual([
      ["13-1021", null],
      ["13-1020", "broad"],
      ["13-1000", "minor"],
      ["13-0000", "major"],
    ]);
  });

  it("tries XX-YY00 minor groups such as 31-1100 before XX-Y000", () => {
    expect(socFigureCandidates("31-1122").map((c) => c.code)).toEqual(["31-1122", "31-1120", "31-1100", "31-1000", "31-0000"]);
  });

  it("returns nothing for a code that is not a SOC code", () => {
    expect(socFigureCandidates("15-1299.05")).toEqual([]);
  });
});

describe("pickPublishedFigure", () => {
  const rows = new Map([
    ["13-1020", { title: "Buyers and Purchasing Agents", group: true }],
    ["13-0000", { title: "Business and Financial Operations Occupations", group: true }],
    ["15-1299", { title: "Computer Occupations, All Other", group: false }],
    ["47-4090", { title: "Miscellaneous Construction and Related Workers", group: false }],
    ["47-0000", { title: "Construction and Extraction Occupations", group: true }],
  ]);
  const isGroup = (row: { group: boolean }) => row.group;

  it("uses the occupation's own code when it has a row", () => {
    expect(pickPublishedFigure("15-1299", rows, isGroup)).toMatchObject({ socCode: "15-1299", groupLevel: null });
  });

  it("falls back to the smallest group that has a row", () => {
    expect(pickPublishedFigure("13-1021", rows, isGroup)).toMatchObject({ socCode: "13-1020", groupLevel: "broad", row: { title: "Buyers and Purchasing Agents" } });
    expect(pickPublishedFigure("13-2011", rows, isGroup)).toMatchObject({ socCode: "13-0000", groupLevel: "major" });
  });

  it("skips a row that may not stand for a group", () => {
    expect(pickPublishedFigure("47-4091", rows, isGroup)).toMatchObject({ socCode: "47-0000", groupLevel: "major" });
  });

  it("takes an OEWS group aggregate that OEWS labels detailed (29-2010 in California's file), never the total", () => {
    const oews = new Map([
      ["29-2010", { groupLevel: "detailed" }],
      ["29-0000", { groupLevel: "major" }],
      ["00-0000", { groupLevel: "total" }],
    ]);
    expect(pickPublishedFigure("29-2011", oews, isOewsGroupRow)).toMatchObject({ socCode: "29-2010", groupLevel: "broad" });
    expect(isOewsGroupRow({ groupLevel: "total" })).toBe(false);
  });

  it("returns null without a SOC code or any published row", () => {
    expect(pickPublishedFigure(null, rows)).toBeNull();
    expect(pickPublishedFigure("55-1011", rows)).toBeNull();
  });
});

describe("socMinorGroupOf", () => {
  it("gives the minor group of an O*NET-SOC or SOC code, and null for anything else", () => {
    expect(socMinorGroupOf("15-1299.05")).toBe("15-1200");
    expect(socMinorGroupOf("31-1131.00")).toBe("31-1100");
    expect(socMinorGroupOf("11-1011")).toBe("11-1000");
    expect(socMinorGroupOf("15-12")).toBeNull();
    expect(socMinorGroupOf("not a code")).toBeNull();
  });
});
