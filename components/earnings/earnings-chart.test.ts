import { describe, expect, it } from "vitest";
import { ticks } from "./earnings-chart";

describe("the earnings chart's value axis", () => {
  it("reaches at or above the highest line and at or below the lowest (a line ran off the top at $7.48M with ticks up to $6.0M)", () => {
    const values = ticks(-37_396, 7_482_643);
    expect(values[0]).toBeLessThanOrEqual(-37_396);
    expect(values.at(-1)).toBeGreaterThanOrEqual(7_482_643);
    expect(values).toContain(0);
  });

  it("takes round steps of 1, 2 or 5 × a power of ten", () => {
    expect(ticks(0, 6_000_000)).toEqual([0, 2_000_000, 4_000_000, 6_000_000]);
    expect(ticks(-50_000, 450_000)).toEqual([-100_000, 0, 100_000, 200_000, 300_000, 400_000, 500_000]);
  });
});
