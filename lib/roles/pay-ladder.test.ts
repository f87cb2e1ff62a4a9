import { describe, expect, it } from "vitest";
import { payAt, payFigure, payRange } from "./pay-ladder";
import type { PayPoint } from "./role-page.types";

const ladder: PayPoint[] = [
  { percentile: 10, value: 45_000, topCoded: false },
  { percentile: 25, value: 60_000, topCoded: false },
  { percentile: 50, value: 80_000, topCoded: false },
  { percentile: 75, value: 110_000, topCoded: false },
  { percentile: 90, value: null, topCoded: true },
];

describe("payAt", () => {
  it("finds the point at a percentile, the median at 50", () => {
    expect(payAt(ladder, 50)).toEqual({ percentile: 50, value: 80_000, topCoded: false });
    expect(payAt(ladder, 10)?.value).toBe(45_000);
  });

  it("is undefined without a ladder or without that point", () => {
    expect(payAt(undefined, 50)).toBeUndefined();
    expect(payAt(ladder.slice(0, 2), 50)).toBeUndefined();
  });
});

describe("payFigure and payRange", () => {
  it("reads the 10th to the 90th percentile, a top-coded end as BLS's top code", () => {
    expect(payRange({ unit: "annual", median: ladder[2]!, low: ladder[0]!, high: ladder[4]! })).toBe("$45,000 – ≥ $239,200");
    expect(payFigure("annual", ladder[2])).toBe("$80,000 a year");
  });

  it("reads hourly figures as the headline where only hourly wages are published", () => {
    expect(payFigure("hourly", { percentile: 50, value: 23.97, topCoded: false })).toBe("$23.97 an hour");
    expect(payRange({ unit: "hourly", median: { percentile: 50, value: 23.97, topCoded: false }, low: { percentile: 10, value: 15.5, topCoded: false }, high: null })).toBe("$15.50 – not published");
  });
});
