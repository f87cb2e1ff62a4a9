import { describe, expect, it } from "vitest";
import { formatAnnualRange, payAt } from "./pay-ladder";
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

describe("formatAnnualRange", () => {
  it("reads the 10th to the 90th percentile, a top-coded end as BLS's top code", () => {
    expect(formatAnnualRange(ladder)).toBe("$45,000 – ≥ $239,200");
  });

  it("says which end is not published", () => {
    expect(formatAnnualRange([{ percentile: 10, value: null, topCoded: false }])).toBe("not published – not published");
    expect(formatAnnualRange(undefined)).toBe("not published – not published");
  });
});
