import type { PoolClient } from "pg";
import type { ImportReport } from "./import-report";

export interface ImportContext {
  /** A client inside the dataset's own transaction: a failure rolls back everything it wrote. */
  client: PoolClient;
  /** The data folder (the layout of ../shared/datasets: onet/, bls/, ai/, ...). */
  dir: string;
  report: ImportReport;
}

/** One official dataset: which files it needs and how to load them. */
export interface DatasetImporter {
  /** Stable key, also DatasetRelease.dataset. */
  dataset: string;
  /**
   * Paths relative to the data folder (a `*` in the file name matches any text); if one is
   * missing the dataset is skipped, and reported.
   */
  requiredFiles: readonly string[];
  import(context: ImportContext): Promise<void>;
}
