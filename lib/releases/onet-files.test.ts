import { describe, expect, it } from "vitest";
import { leftOnetOccupations, onetListing, type OnetReleaseFiles } from "./onet-files";

// Shown releases, newest first: 30.1 (no Skills.txt), 30.0, 29.3.
const releases: OnetReleaseFiles[] = [
  { id: 3, version: "30.1", files: ["Occupation Data.txt", "Alternate Titles.txt"] },
  { id: 2, version: "30.0", files: ["Occupation Data.txt", "Alternate Titles.txt", "Skills.txt"] },
  { id: 1, version: "29.3", files: ["Occupation Data.txt", "Alternate Titles.txt", "Skills.txt"] },
];

describe("onetListing", () => {
  it("is current when the newest shown release lists the occupation, whatever older ones do", () => {
    expect(onetListing(releases, new Set([3]))).toEqual({ status: "current" });
    expect(onetListing(releases, new Set([1, 2, 3]))).toEqual({ status: "current" });
  });

  it("has left when only an earlier shown release lists it: the newest that does is its last", () => {
    expect(onetListing(releases, new Set([1, 2]))).toEqual({ status: "left", lastIndex: 1 });
    expect(onetListing(releases, new Set([1]))).toEqual({ status: "left", lastIndex: 2 });
  });

  it("is unlisted when no shown release lists it (a release set aside added it)", () => {
    expect(onetListing(releases, new Set([9]))).toEqual({ status: "unlisted" });
  });
});

describe("leftOnetOccupations", () => {
  it("keeps only those that left, each reading its parts counted from its last release", () => {
    const left = leftOnetOccupations(releases, [
      { code: "99-0001.00", releaseIds: [1, 2, 3] },
      { code: "99-0003.00", releaseIds: [1, 2] },
      { code: "99-0009.00", releaseIds: [] },
    ]);
    expect(left.map((occupation) => [occupation.code, occupation.lastRelease.version, occupation.parts.occupations?.version, occupation.parts.skills?.version])).toEqual([
      ["99-0003.00", "30.0", "30.0", "30.0"],
    ]);
  });
});
