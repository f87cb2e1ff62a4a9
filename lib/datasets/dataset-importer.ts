import type { PoolClient } from "pg";
import type { ImportReport } from "./import-report";

export interface ImportContext {
  /** A client inside the dataset's own transaction: a failure rolls back everything it wrote. */
  client: PoolClient;
  /** The data folder (the layout of ../shared/datasets: onet/, bls/, ai/, ...). */
  dir: string;
  report: ImportReport;
  options?: ImportOptions;
}

/** What the operator asked for (`npm run data:import -- --allow-older --release 29.3 --dry-run`). */
export interface ImportOptions {
  /** Allow the current release to become an older one than it was. */
  allowOlder?: boolean;
  /** Make this O*NET release the current one (newer ones are kept, set aside). */
  onetRelease?: string;
  /** Import everything in the transaction, report, then roll back. */
  dryRun?: boolean;
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
