import { beforeAll, describe, expect, it } from "vitest";
import { realDataPresent, useRealDataDatabase } from "@/tests/support/integration/real-data";
import { getRolePage, getRolePageByCode } from "./get-role-page";
import type { RolePage } from "./role-page.types";
import { basisSentence } from "./role-sentences";
import { roleToMarkdown } from "./role-to-markdown";

// The whole real import (DATA_DIR or ../shared/datasets), then the page of Information
// Security Engineers against the figures in datasets/README.md.
describe.skipIf(!realDataPresent)("the role page from the real datasets", () => {
  useRealDataDatabase();
  let page: RolePage;

  beforeAll(async () => {
    page = (await getRolePageByCode("15-1299.05"))!;
  });

  it("shows 15-1299.05 with the SOC group's OEWS May 2024 figures, stated as the group's", () => {
    expect(page).toMatchObject({ title: "Information Security Engineers", socCode: "15-1299", slug: "information-security-engineers" });
    const wages = page.wages!;
    expect(wages.source.version).toBe("May 2024");
    expect(wages.basis).toMatchObject({ kind: "shared", socCode: "15-1299", socTitle: "Computer Occupations, All Other" });
    expect(basisSentence(wages.basis)).toMatch(/^Figure for SOC group 15-1299 \(Computer Occupations, All Other\)/);
    expect(wages.employment).toBe(439380);
    const annual = Object.fromEntries(wages.annual.map((p) => [p.percentile, p.value]));
    expect(annual).toMatchObject({ 10: 52650, 50: 108970, 90: 176800 });
    expect(wages.previous).toMatchObject({ source: { version: "May 2023" }, annualMedian: 104920 });
  });

  it("has pay by state: California's 15-1299 median and employment, stated as the SOC group's figure", () => {
    const states = page.stateWages!.states;
    expect(states).toHaveLength(51);
    const california = states.find((row) => row.state === "CA")!;
    expect(california).toMatchObject({ name: "California", annualMedian: 128750, employment: 85270, basis: { kind: "shared", socCode: "15-1299" } });
    expect(basisSentence(california.basis)).toMatch(/^Figure for SOC group 15-1299 /);
    expect(roleToMarkdown(page, { url: "https://careerwiki.test/roles/information-security-engineers" })).toContain("| California (CA) | $128,750 |");
  });

  it("has the 2024–2034 projection, entry requirements and Bright Outlook", () => {
    expect(page.projection).toMatchObject({
      baseYear: 2024, projectedYear: 2034, employmentBase: 472, employmentProjected: 510.5, changePercent: 8.2, annualOpenings: 31.3,
      entryEducation: "Bachelor's degree", workExperience: "None", onTheJobTraining: "None",
      brightOutlook: { bright: true, grows: true, manyOpenings: true },
    });
  });

  it("has Eloundou γ 1.0 (tied at the top), Microsoft 0.2995 and the Felten values through SOC 2010 15-1199", () => {
    const index = (metric: string) => page.aiExposure.find((i) => i.metric === metric)!;
    expect(index("ELOUNDOU_GAMMA")).toMatchObject({ value: 1, percentile: 100 });
    expect(index("MS_APPLICABILITY").value).toBeCloseTo(0.2995, 4);
    expect(index("FELTEN_AIOE").predecessorCodes).toContain("15-1199");
    expect(page.aiLevel?.level).toBe("High");
  });

  it("shows 30.1 tasks as one list, the job zone, the related video, and says what O*NET 29.3 lacks (skills come from 29.3: 30.1 has no Skills file)", () => {
    expect(page.onet.version).toBe("30.1");
    expect(page.onetOlderParts.map((part) => `${part.part} ${part.version}`)).toEqual(["Skills 29.3", "Knowledge 29.3"]);
    expect(page.tasks.length).toBeGreaterThan(10);
    // 29.3 gave its 20 tasks the type n/a; 30.1 marks all 20 Core.
    expect(page.tasks).toHaveLength(20);
    expect(page.tasks.every((t) => t.taskType === "Core")).toBe(true);
    expect(page.tasksRanked).toBe(false);
    expect(page.jobZone?.zone).toBe(4);
    expect(page.ratings.skills).toEqual([]);
    expect(page.ratings.interests).toHaveLength(6);
    expect(page.video).toMatchObject({ videoCode: "15-1212.00", relatedOccupation: { title: "Information Security Analysts" } });
    expect(page.educationCost?.rows.find((r) => r.sector === "public")).toMatchObject({ tuitionFees: 9349.17, total: 21035.46 });
    const markdown = roleToMarkdown(page, { url: "https://careerwiki.example/roles/information-security-engineers" });
    expect(markdown).toContain("O*NET 29.3 has no skill, knowledge or ability ratings for this occupation.");
    expect(markdown).toContain("| Median (50th) | $108,970 | $52.39 |");
  });

  it("states the group for an occupation OEWS does not publish: 13-1021 → 13-1020", async () => {
    const buyers = (await getRolePage("buyers-and-purchasing-agents-farm-products"))!;
    expect(buyers.wages!.basis).toMatchObject({ kind: "group", socCode: "13-1020", socTitle: "Buyers and Purchasing Agents" });
    expect(basisSentence(buyers.wages!.basis)).toMatch(/^Figure for SOC group 13-1020 \(Buyers and Purchasing Agents\)/);
    expect(buyers.projection!.basis).toMatchObject({ kind: "group", socCode: "13-1020" });
  });
});
