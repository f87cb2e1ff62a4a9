import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { resolveDataDir } from "@/lib/datasets/data-dir";
import { ImportReport } from "@/lib/datasets/import-report";
import { runImport } from "@/lib/datasets/run-import";
import { createTestDatabase, type TestDatabase } from "./database";
import { realDataTemplateName } from "../test-server";
import { useTestDatabase } from "./use-test-database";

/** The shared official files (DATA_DIR or ../shared/datasets), when this machine has them. */
export const realDataDir = resolveDataDir();
export const realDataPresent =
  realDataDir !== null && ["onet/Occupation Data.txt", "bls/national_M2024_dl.xlsx", "bls/occupation.xlsx", "ai/occ_level.csv"].every((file) => existsSync(path.join(realDataDir, file)));
if (!realDataPresent) console.warn("Skipping the real-data checks: no shared datasets folder with onet/, bls/ and ai/ (set DATA_DIR to run them).");

const IMPORT_LOCK = 72_417;

/**
 * A fresh copy of a database holding the full import of the real datasets. The import runs
 * once per test run (the first file to ask does it, under an advisory lock; the others wait
 * and copy it), since it takes tens of seconds.
 */
export async function createRealDataDatabase(): Promise<TestDatabase> {
  const adminUrl = inject("testAdminUrl");
  const template = realDataTemplateName(inject("templateDatabase"));
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query("SELECT pg_advisory_lock($1)", [IMPORT_LOCK]);
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    if (exists.rowCount === 0) {
      const staging = await createTestDatabase();
      const { failed } = await runImport({ databaseUrl: staging.url, dir: realDataDir!, report: new ImportReport(() => {}) });
      if (failed.length > 0) throw new Error(`the real import failed: ${failed.map((error) => error.message).join("; ")}`);
      await admin.query(`ALTER DATABASE "${new URL(staging.url).pathname.slice(1)}" RENAME TO "${template}"`);
    }
  } finally {
    await admin.query("SELECT pg_advisory_unlock($1)", [IMPORT_LOCK]).catch(() => {});
    await admin.end();
  }
  return createTestDatabase(template);
}

/** Like useTestDatabase, but the database holds the real import (for code using lib/db/prisma). */
export function useRealDataDatabase(): { readonly url: string } {
  return useTestDatabase(createRealDataDatabase);
}
