import { describe, expect, it } from "vitest";
import { brightOutlook } from "./bright-outlook";

const period = { baseYear: 2024, projectedYear: 2034 };

describe("brightOutlook", () => {
  it("flags growth at or above the threshold", () => {
    expect(brightOutlook({ ...period, changePercent: 8.2, annualOpeningsThousands: 1 })).toMatchObject({ bright: true, grows: true, manyOpenings: false });
    expect(brightOutlook({ ...period, changePercent: 5, annualOpeningsThousands: 1 })).toMatchObject({ bright: true, grows: true });
    expect(brightOutlook({ ...period, changePercent: 4.9, annualOpeningsThousands: 1 })).toMatchObject({ bright: false, grows: false });
  });

  it("flags 100,000 or more openings over the period (10,000 a year over ten years)", () => {
    expect(brightOutlook({ ...period, changePercent: -3, annualOpeningsThousands: 10 })).toMatchObject({ bright: true, grows: false, manyOpenings: true, openingsOverPeriod: 100_000 });
    expect(brightOutlook({ ...period, changePercent: -3, annualOpeningsThousands: 9.9 })).toMatchObject({ bright: false, openingsOverPeriod: 99_000 });
  });

  it("is not bright when BLS publishes neither figure", () => {
    expect(brightOutlook({ ...period, changePercent: null, annualOpeningsThousands: null })).toMatchObject({ bright: false, openingsOverPeriod: null, periodYears: 10 });
  });
});
