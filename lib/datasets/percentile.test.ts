import { describe, expect, it } from "vitest";
import { percentileOf, percentileRanks, sortAscending } from "./percentile";

describe("percentileRanks", () => {
  it("gives the share of values at or below each one", () => {
    expect(percentileRanks([10, 20, 30, 40])).toEqual([25, 50, 75, 100]);
  });

  it("counts ties as at or below, so tied values share the higher percentile", () => {
    // Like Eloundou's gamma: several occupations tie at the maximum, all get 100.
    expect(percentileRanks([1, 0.5, 1, 0.2, 1])).toEqual([100, 40, 100, 20, 100]);
    expect(percentileRanks([3, 3, 3, 3])).toEqual([100, 100, 100, 100]);
    expect(percentileRanks([1, 2, 2, 3])).toEqual([25, 75, 75, 100]);
  });

  it("keeps the input order and handles negative values", () => {
    expect(percentileRanks([-2.67, 1.53, 0])).toEqual([(1 / 3) * 100, 100, (2 / 3) * 100]);
  });
});

describe("percentileOf", () => {
  it("places a value that is not in the list (a merged mean) among the file's values", () => {
    const sorted = sortAscending([0.2, 0.9, 0.5, 0.7]);
    expect(percentileOf(sorted, 0.6)).toBe(50);
    expect(percentileOf(sorted, 0.1)).toBe(0);
    expect(percentileOf(sorted, 0.7)).toBe(75);
  });

  it("refuses an empty list", () => {
    expect(() => percentileOf([], 1)).toThrow();
  });
});
