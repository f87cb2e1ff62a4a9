import { access, readdir } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { newPgPool } from "@/lib/db/pg-client";
import { DatasetFileError } from "./dataset-error";
import type { DatasetImporter, ImportOptions } from "./dataset-importer";
import { ImportReport } from "./import-report";
import { datasetImporters } from "./importers";

export interface RunImportOptions {
  databaseUrl: string;
  dir: string;
  /** Only these dataset keys (default: all). */
  only?: readonly string[];
  importers?: readonly DatasetImporter[];
  report?: ImportReport;
  options?: ImportOptions;
  /**
   * Watches each dataset's transaction: called after BEGIN, it may return a step run after the
   * import and before COMMIT (in the same transaction). The community layer uses it to flag
   * corrections whose official base changed and to write the release's page revisions, so
   * that readers never see new official data without its flags.
   */
  watch?: (client: pg.PoolClient, dataset: string, options: ImportOptions) => Promise<(() => Promise<void>) | null>;
}

export interface RunImportResult {
  report: ImportReport;
  failed: DatasetFileError[];
  seconds: number;
}

/**
 * Imports every dataset found in `dir`, each in its own transaction: a malformed row
 * stops that dataset with file, line, column and reason, and leaves the database as it
 * was for that dataset. Missing datasets are reported and skipped. With `dryRun`, each
 * transaction is rolled back after the report is made: nothing is written. An import that
 * changed rows ends with ANALYZE, so queries are planned on the new data at once.
 */
export async function runImport(options: RunImportOptions): Promise<RunImportResult> {
  const report = options.report ?? new ImportReport();
  const importers = (options.importers ?? datasetImporters).filter((i) => !options.only || options.only.includes(i.dataset));
  const started = performance.now();
  const failed: DatasetFileError[] = [];
  const pool = newPgPool({ connectionString: options.databaseUrl, max: 1 });
  const client = await pool.connect();
  try {
    for (const importer of importers) {
      const datasetStarted = performance.now();
      const seconds = () => (performance.now() - datasetStarted) / 1000;
      const missing = await firstMissingFile(options.dir, importer.requiredFiles);
      if (missing) {
        report.recordOutcome({ dataset: importer.dataset, status: "skipped", message: `not found: ${missing} (pages say "not available")`, seconds: 0 });
        continue;
      }
      const importOptions = options.options ?? {};
      await client.query("BEGIN");
      try {
        const finish = options.watch ? await options.watch(client, importer.dataset, importOptions) : null;
        await importer.import({ client, dir: options.dir, report, options: importOptions });
        await finish?.();
        await client.query(importOptions.dryRun ? "ROLLBACK" : "COMMIT");
        report.recordOutcome({ dataset: importer.dataset, status: importOptions.dryRun ? "checked" : "imported", seconds: seconds() });
      } catch (error) {
        await client.query("ROLLBACK");
        if (!(error instanceof DatasetFileError)) throw error;
        failed.push(error);
        report.discardTables(importer.dataset);
        report.recordOutcome({ dataset: importer.dataset, status: "failed", message: `${error.message} — nothing of this dataset was changed`, seconds: seconds() });
      }
    }
    // Planner statistics for what was just loaded: without them (autovacuum off, or it has not
    // come round yet) PostgreSQL guesses, and search once scanned the whole wage table per result.
    // The whole database takes about a second on the real data.
    if (!options.options?.dryRun && report.rowsChanged > 0) await client.query("ANALYZE");
  } finally {
    client.release();
    await pool.end();
  }
  return { report, failed, seconds: (performance.now() - started) / 1000 };
}

/** The first required file (or `*` pattern, e.g. bls/national_M*_dl.xlsx; a `*` in the folder too, as in the O*NET release folders) with nothing in `dir`. */
export async function firstMissingFile(dir: string, files: readonly string[]): Promise<string | null> {
  for (const file of files) {
    if (!(await exists(dir, file))) return file;
  }
  return null;
}

async function exists(dir: string, file: string): Promise<boolean> {
  const [folder, ...rest] = file.split("/");
  if (folder?.includes("*") && rest.length > 0) {
    const names = await readdir(dir).catch(() => [] as string[]);
    const matching = names.filter((name) => wildcard(folder).test(name));
    for (const name of matching) if (await exists(path.join(dir, name), rest.join("/"))) return true;
    return false;
  }
  if (!file.includes("*")) {
    return access(path.join(dir, file)).then(
      () => true,
      () => false,
    );
  }
  const pattern = wildcard(path.basename(file));
  const names = await readdir(path.join(dir, path.dirname(file))).catch(() => [] as string[]);
  return names.some((name) => pattern.test(name));
}

function wildcard(name: string): RegExp {
  return new RegExp(`^${name.split("*").map(escapeRegExp).join(".*")}$`, "i");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
