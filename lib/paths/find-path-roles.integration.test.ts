import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ImportReport } from "@/lib/datasets/import-report";
import { runImport } from "@/lib/datasets/run-import";
import { findAllOccupationsFigures, type AllOccupationsFigures } from "@/lib/roles/find-all-occupations-figures";
import { findRoleSummaries, type RoleSummary } from "@/lib/roles/find-role-summaries";
import { ALL_OCCUPATIONS, LATHE, writeDiscoveryDatasets } from "@/tests/support/fixtures/discovery-fixtures";
import { FIXTURE_CODES } from "@/tests/support/fixtures/onet-fixtures";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { CAREER_PATH_SLUGS } from "./career-paths";
import { findPathRoles } from "./find-path-roles";

const { widget, gadget, sprocket } = FIXTURE_CODES;
const database = useTestDatabase();
let dataDir: string;
let summaries: RoleSummary[];
let all: AllOccupationsFigures;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "careerwiki-paths-"));
  await writeDiscoveryDatasets(dataDir);
  const { failed } = await runImport({ databaseUrl: database.url, dir: dataDir, report: new ImportReport(() => {}) });
  expect(failed).toEqual([]);
  [summaries, all] = await Promise.all([findRoleSummaries(), findAllOccupationsFigures()]);
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const pathCodes = (slug: string) => findPathRoles(summaries, all, slug)?.roles.map((role) => role.code).sort();

describe("career paths", () => {
  test("read BLS's all-occupations median pay and growth (00-0000) from the newest releases", () => {
    expect(all).toEqual({ medianAnnualWage: ALL_OCCUPATIONS.medianWage, wageRelease: "May 2024", changePercent: ALL_OCCUPATIONS.changePercent, projectionRelease: "2024–34" });
  });

  test("good pay without a four-year degree: below a bachelor's, pay above the all-occupations median, growth at least average", () => {
    // Lathe operators grow exactly as fast as all occupations (3.1 %): "at least average" keeps them.
    // Gadget technicians are paid above the median but grow 1.2 %; widget engineers need a bachelor's.
    expect(pathCodes("good-pay-without-a-degree")).toEqual([LATHE]);
  });

  test("fast to start: high school or less, no experience, at most short-term training", () => {
    expect(pathCodes("fast-to-start")).toEqual([gadget, sprocket]);
  });

  test("growing fast: O*NET's faster-than-average threshold (5 %)", () => {
    expect(pathCodes("growing-fast")).toEqual([widget]);
  });

  test("each path states its rule with the figures it compares against; an unknown path is null", () => {
    const rules = CAREER_PATH_SLUGS.map((slug) => findPathRoles(summaries, all, slug)!.path.rule);
    expect(rules[0]).toContain("$49,500");
    expect(rules[0]).toContain("+3.1%");
    expect(rules[2]).toContain("5%");
    expect(findPathRoles(summaries, all, "rich-quick")).toBeNull();
  });

  test("without the all-occupations figures the pay rule selects nothing rather than guess", () => {
    const none = findPathRoles(summaries, { medianAnnualWage: null, wageRelease: null, changePercent: null, projectionRelease: null }, "good-pay-without-a-degree");
    expect(none?.path.matches).toBeNull();
    expect(none?.roles).toEqual([]);
  });
});
