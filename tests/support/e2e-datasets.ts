import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ImportReport } from "@/lib/datasets/import-report";
import { runImport } from "@/lib/datasets/run-import";
import { writeRoleDatasets } from "./role-fixtures";
import { appendSearchTitles } from "./search-fixtures";
import { createMigratedDatabase } from "./test-server";

/**
 * The data folder the end-to-end suite imports: the synthetic fixtures of every dataset
 * (O*NET, crosswalks, OEWS, projections, AI exposure, videos, costs), in their published
 * formats, written into `dir`. Deterministic, four occupations (see role-fixtures.ts).
 */
export async function writeE2eDatasets(dir: string) {
  await writeRoleDatasets(dir);
  // Search: an alternate title containing "sprocket" (gadget) and one equal to a title (all other).
  await appendSearchTitles(dir);
}

/** (Re)creates `database` on the server of `adminUrl`, migrated, with the e2e fixture datasets imported; returns its URL. */
export async function createE2eDatabase(adminUrl: string, database: string): Promise<string> {
  const databaseUrl = await createMigratedDatabase(adminUrl, database);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "careerwiki-e2e-data-"));
  try {
    await writeE2eDatasets(dataDir);
    const { failed } = await runImport({ databaseUrl, dir: dataDir, report: new ImportReport(() => {}) });
    if (failed.length > 0) throw new Error(`fixture import failed: ${failed.map((e) => e.message).join("; ")}`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  return databaseUrl;
}
