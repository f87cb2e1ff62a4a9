import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ImportReport } from "@/lib/datasets/import-report";
import { runImport } from "@/lib/datasets/run-import";
import { browseRoles } from "@/lib/roles/browse-roles";
import { parseBrowseParams } from "@/lib/roles/browse-roles.types";
import { findRoleSummaries, type RoleSummary } from "@/lib/roles/find-role-summaries";
import { LATHE, PROFILER_ACTIVITIES, writeDiscoveryDatasetsWithInterests } from "@/tests/support/fixtures/discovery-fixtures";
import { FIXTURE_CODES } from "@/tests/support/fixtures/onet-fixtures";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { findInterestProfiler, type InterestProfiler } from "./find-interest-profiler";
import { rankCareersByInterest } from "./rank-careers-by-interest";
import { scoreInterestAnswers } from "./score-interest-answers";

const { widget, gadget, sprocket, allOther } = FIXTURE_CODES;
const database = useTestDatabase();
let dataDir: string;
let summaries: RoleSummary[];
let profiler: InterestProfiler;

/**
 * The reader's answers: R like, like (4 of 4); I like, unsure (3); A dislike, dislike (0);
 * S unsure, dislike (1); E dislike, unsure (1); C like, dislike (2). Scores x = (4, 3, 0, 1, 1, 2).
 */
const ANSWERS = { R1: "like", R2: "like", I1: "like", I2: "unsure", A1: "dislike", A2: "dislike", S1: "unsure", S2: "dislike", E1: "dislike", E2: "unsure", C1: "like", C2: "dislike" };

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "careerwiki-interests-"));
  await writeDiscoveryDatasetsWithInterests(dataDir);
  const { failed } = await runImport({ databaseUrl: database.url, dir: dataDir, report: new ImportReport(() => {}) });
  expect(failed).toEqual([]);
  summaries = await findRoleSummaries();
  profiler = (await findInterestProfiler())!;
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("interest profiler", () => {
  test("asks O*NET's General activities interleaved by area, with O*NET's descriptions, keywords and basic interests", () => {
    expect(profiler.questions.slice(0, 7).map((q) => [q.key, q.activity])).toEqual([
      ["R1", PROFILER_ACTIVITIES.Realistic![0]],
      ["I1", PROFILER_ACTIVITIES.Investigative![0]],
      ["A1", PROFILER_ACTIVITIES.Artistic![0]],
      ["S1", PROFILER_ACTIVITIES.Social![0]],
      ["E1", PROFILER_ACTIVITIES.Enterprising![0]],
      ["C1", PROFILER_ACTIVITIES.Conventional![0]],
      ["R2", PROFILER_ACTIVITIES.Realistic![1]],
    ]);
    expect(profiler.questions).toHaveLength(12);
    expect(profiler.areas[1]).toEqual({
      letter: "I",
      name: "Investigative",
      description: "Work the test Investigative way.",
      actions: ["Investigative action"],
      objects: ["Investigative object"],
      basicInterests: ["Test Statistics"],
    });
    expect(profiler.release.version).toBe("30.1");
  });

  test("scores like 2, unsure 1, dislike 0 per area", () => {
    const result = scoreInterestAnswers(profiler.questions, ANSWERS);
    expect(result.status).toBe("complete");
    if (result.status !== "complete") return;
    expect(result.scores).toEqual([4, 3, 0, 1, 1, 2]);
    expect(result.profile[0]).toEqual({ letter: "R", score: 4, max: 4 });
  });

  test("ranks careers by the correlation of the profiles, matching the hand computation", () => {
    // x̄ = 11/6. Widget y = (5.67, 6.12, 2, 1.5, 3, 4): Σ(x−x̄)(y−ȳ) = 12.675, √(Σ(x−x̄)²·Σ(y−ȳ)²) = √(12.8333 × 15.2333) = 13.9821 → 0.9065.
    // Gadget (6.5, 3, 1, 2, 2.5, 5): 12.8333 / 15.0231 = 0.8542. Lathe (7, 2.5, 1, 1, 2, 4.5): 14.5 / 17.2603 = 0.8401.
    // Sprocket (3, 2, 1.5, 6, 4, 3.5): −1.6667 / 11.7910 = −0.1414. All Other Test Workers have no interest scores.
    const ranked = rankCareersByInterest(summaries, [4, 3, 0, 1, 1, 2])!;
    expect(ranked.map(({ role, match }) => [role.code, Number(match.toFixed(4))])).toEqual([
      [widget, 0.9065],
      [gadget, 0.8542],
      [LATHE, 0.8401],
      [sprocket, -0.1414],
    ]);
  });

  test("filters the ranking by job zone", () => {
    expect(rankCareersByInterest(summaries, [4, 3, 0, 1, 1, 2], { zone: 2 })!.map(({ role }) => role.code)).toEqual([LATHE, sprocket]);
  });

  test("cannot rank when every area scores the same", () => {
    expect(rankCareersByInterest(summaries, [2, 2, 2, 2, 2, 2])).toBeNull();
  });

  test("says which activities are unrated, and refuses unreadable answers", () => {
    const partial = scoreInterestAnswers(profiler.questions, { R1: "like", I1: "dislike" });
    expect(partial.status).toBe("incomplete");
    if (partial.status === "incomplete") expect(partial.unanswered.map((q) => q.key)).toEqual(["A1", "S1", "E1", "C1", "R2", "I2", "A2", "S2", "E2", "C2"]);
    expect(scoreInterestAnswers(profiler.questions, { zone: "2" })).toEqual({ status: "empty" });
    expect(scoreInterestAnswers(profiler.questions, { ...ANSWERS, R1: "love" })).toEqual({ status: "invalid", messages: ["R1: rate each activity like, unsure or dislike."] });
    expect(scoreInterestAnswers(profiler.questions, { ...ANSWERS, R9: "like" })).toEqual({ status: "invalid", messages: ["There is no activity R9 in this profiler."] });
    expect(scoreInterestAnswers(profiler.questions, { ...ANSWERS, R1: ["like", "dislike"] })).toEqual({ status: "invalid", messages: ["R1: rate each activity once."] });
  });
});

describe("browse by interest", () => {
  const browse = (query: Record<string, string>) => {
    const parsed = parseBrowseParams(query);
    if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join(" "));
    return browseRoles(summaries, parsed.data, 50).roles.map((role) => role.code);
  };

  test("each career's interest code is its two highest O*NET interest areas", () => {
    const codes = Object.fromEntries(summaries.map((role) => [role.code, role.interestCode]));
    expect(codes).toEqual({ [widget]: "IR", [gadget]: "RC", [sprocket]: "SE", [allOther]: null, [LATHE]: "RC" });
  });

  test("filters by first interest, or first and second, sortable like the rest of browse", () => {
    expect(browse({ interest: "R" })).toEqual([gadget, LATHE]); // by title: Test Gadget…, Test Lathe…
    expect(browse({ interest: "rc", sort: "pay" })).toEqual([LATHE, gadget]);
    expect(browse({ interest: "IR" })).toEqual([widget]);
    expect(browse({ interest: "RI" })).toEqual([]);
  });

  test("refuses an interest code it cannot read, with a message", () => {
    for (const [interest, message] of [
      ["XY", "The interest code is one or two of the letters R, I, A, S, E, C, such as IR."],
      ["RR", "The first and second interest must differ, such as IR."],
    ]) {
      const parsed = parseBrowseParams({ interest: interest! });
      expect(parsed.error?.issues.map((issue) => issue.message)).toContain(message);
    }
  });
});
