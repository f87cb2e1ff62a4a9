import { describe, expect, it } from "vitest";
import { percentileRanks } from "@/lib/datasets/percentile";
import { aiExposureLevel } from "./ai-exposure-level";

describe("aiExposureLevel", () => {
  it("is the tercile of the mean percentile of the indices present", () => {
    expect(aiExposureLevel([10, 20])).toMatchObject({ level: "Low", meanPercentile: 15, indexCount: 2 });
    expect(aiExposureLevel([40, 60])).toMatchObject({ level: "Medium", meanPercentile: 50 });
    expect(aiExposureLevel([73.5, 69.4, 100, 85.9])).toMatchObject({ level: "High", indexCount: 4 });
  });

  it("puts the boundaries in the upper third", () => {
    expect(aiExposureLevel([100 / 3])!.level).toBe("Medium");
    expect(aiExposureLevel([0, 100 / 3, 200 / 3])!.level).toBe("Medium");
    expect(aiExposureLevel([200 / 3])!.level).toBe("High");
    expect(aiExposureLevel([33.3])!.level).toBe("Low");
  });

  it("gives tied values the same percentile and so the same level", () => {
    // Three occupations tied at the top (as 85 are at γ = 1.0), one below.
    const ranks = percentileRanks([1, 1, 1, 0.2]);
    expect(ranks).toEqual([100, 100, 100, 25]);
    expect(aiExposureLevel([ranks[0]!])).toEqual(aiExposureLevel([ranks[2]!]));
    expect(aiExposureLevel([ranks[3]!])!.level).toBe("Low");
  });

  it("has no level without any index", () => {
    expect(aiExposureLevel([])).toBeNull();
  });
});
