import { describe, expect, test } from "vitest";
import { computeBrightOutlook, NUMEROUS_OPENINGS_OVER_PERIOD } from "./bright-outlook";

const period = { baseYear: 2024, projectedYear: 2034 };

describe("computeBrightOutlook", () => {
  test.each([
    // [changePercent, annual openings (thousands), bright, rapidGrowth, numerousOpenings]
    [5, 1, true, true, false], // exactly the growth threshold
    [4.9, 1, false, false, false],
    [-3, 10, true, false, true], // 10,000 a year × 10 years = 100,000: exactly the openings threshold
    [-3, 9.9, false, false, false],
    [12, 30, true, true, true],
    [null, null, false, false, false], // no projection figures: never bright
    [null, 25, true, false, true],
  ] as const)("growth %s%%, %s thousand openings a year → bright %s", (changePercent, annualOpeningsThousands, bright, rapidGrowth, numerousOpenings) => {
    const outlook = computeBrightOutlook({ ...period, changePercent, annualOpeningsThousands });
    expect(outlook).toMatchObject({ bright, rapidGrowth, numerousOpenings });
  });

  test("states the period and both thresholds it used", () => {
    const outlook = computeBrightOutlook({ ...period, changePercent: 3, annualOpeningsThousands: 2.5 });
    expect(outlook).toMatchObject({
      period: "2024–34",
      growthThresholdPercent: 5,
      growthThresholdAssumed: false,
      openingsThreshold: NUMEROUS_OPENINGS_OVER_PERIOD,
      openingsOverPeriod: 25_000,
    });
  });

  test("uses each period's own growth threshold (10 % for 2016–26)", () => {
    expect(computeBrightOutlook({ baseYear: 2016, projectedYear: 2026, changePercent: 7, annualOpeningsThousands: 1 }).bright).toBe(false);
    expect(computeBrightOutlook({ baseYear: 2019, projectedYear: 2029, changePercent: 7, annualOpeningsThousands: 1 }).bright).toBe(true);
  });

  test("a period O*NET has not stated yet falls back to the newest threshold, and says so", () => {
    const outlook = computeBrightOutlook({ baseYear: 2025, projectedYear: 2035, changePercent: 6, annualOpeningsThousands: 1 });
    expect(outlook).toMatchObject({ bright: true, growthThresholdPercent: 5, growthThresholdAssumed: true });
  });
});
