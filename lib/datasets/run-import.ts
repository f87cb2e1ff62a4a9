import { access, readdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { DatasetFileError } from "./dataset-error";
import type { DatasetImporter } from "./dataset-importer";
import { ImportReport } from "./import-report";
import { datasetImporters } from "./importers";

export interface RunImportOptions {
  databaseUrl: string;
  dir: string;
  /** Only these dataset keys (default: all). */
  only?: readonly string[];
  importers?: readonly DatasetImporter[];
  report?: ImportReport;
}

export interface RunImportResult {
  report: ImportReport;
  failed: DatasetFileError[];
  seconds: number;
}

/**
 * Imports every dataset found in `dir`, each in its own transaction: a malformed row
 * stops that dataset with file, line, column and reason, and leaves the database as it
 * was for that dataset. Missing datasets are reported and skipped.
 */
export async function runImport(options: RunImportOptions): Promise<RunImportResult> {
  const report = options.report ?? new ImportReport();
  const importers = (options.importers ?? datasetImporters).filter((i) => !options.only || options.only.includes(i.dataset));
  const started = performance.now();
  const failed: DatasetFileError[] = [];
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 1 });
  pool.on("error", () => {});
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
      await client.query("BEGIN");
      try {
        await importer.import({ client, dir: options.dir, report });
        await client.query("COMMIT");
        report.recordOutcome({ dataset: importer.dataset, status: "imported", seconds: seconds() });
      } catch (error) {
        await client.query("ROLLBACK");
        if (!(error instanceof DatasetFileError)) throw error;
        failed.push(error);
        report.discardTables(importer.dataset);
        report.recordOutcome({ dataset: importer.dataset, status: "failed", message: `${error.message} — nothing of this dataset was changed`, seconds: seconds() });
      }
    }
  } finally {
    client.release();
    await pool.end();
  }
  return { report, failed, seconds: (performance.now() - started) / 1000 };
}

/** The first required file (or `*` pattern, e.g. bls/national_M*_dl.xlsx) with nothing in `dir`. */
async function firstMissingFile(dir: string, files: readonly string[]): Promise<string | null> {
  for (const file of files) {
    if (!(await exists(dir, file))) return file;
  }
  return null;
}

async function exists(dir: string, file: string): Promise<boolean> {
  if (!file.includes("*")) {
    return access(path.join(dir, file)).then(
      () => true,
      () => false,
    );
  }
  const pattern = new RegExp(`^${path.basename(file).split("*").map(escapeRegExp).join(".*")}$`, "i");
  const names = await readdir(path.join(dir, path.dirname(file))).catch(() => [] as string[]);
  return names.some((name) => pattern.test(name));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
