import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatasetImporter } from "./dataset-importer";
import { ImportReport } from "./import-report";
import { runImport } from "./run-import";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

function recordingImporter(dataset: string, requiredFiles: string[], calls: string[]): DatasetImporter {
  return { dataset, requiredFiles, import: async () => void calls.push(dataset) };
}

describe("runImport", () => {
  it("skips a dataset whose files are absent, matching `*` patterns by file name, and says so", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "careerwiki-run-import-"));
    await mkdir(path.join(dir, "bls"));
    await writeFile(path.join(dir, "bls", "national_M2031_dl.xlsx"), "");
    const calls: string[] = [];
    const { report } = await runImport({
      databaseUrl: database.url,
      dir,
      report: new ImportReport(() => {}),
      importers: [
        recordingImporter("present-by-pattern", ["bls/national_M*_dl.xlsx"], calls),
        recordingImporter("absent-by-pattern", ["bls/state_M*_dl.xlsx"], calls),
        recordingImporter("absent-file", ["onet/Occupation Data.txt"], calls),
      ],
    });
    expect(calls).toEqual(["present-by-pattern"]);
    expect(report.outcomes.map((o) => [o.dataset, o.status])).toEqual([
      ["present-by-pattern", "imported"],
      ["absent-by-pattern", "skipped"],
      ["absent-file", "skipped"],
    ]);
    expect(report.outcomes[2]?.message).toContain("not found: onet/Occupation Data.txt");
  });
});
