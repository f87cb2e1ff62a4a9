import type { TableCounts } from "./sync-release-rows";

export interface TableSummary extends TableCounts {
  dataset: string;
  table: string;
  /** Rows deliberately not stored, by reason ("aggregate OEWS row", ...). */
  skipped: Map<string, number>;
}

export interface DatasetOutcome {
  dataset: string;
  /** "checked": a dry run imported it and rolled back. */
  status: "imported" | "checked" | "skipped" | "failed";
  message?: string;
  seconds: number;
}

/**
 * Collects what an import did: a progress line per file while it runs and, at the end, a
 * summary table of read / inserted / updated / unchanged / deleted / skipped per table.
 */
export class ImportReport {
  readonly tables: TableSummary[] = [];
  readonly outcomes: DatasetOutcome[] = [];
  /** Optional files a dataset went without ("May 2023: no state file, so no pay by state"). */
  readonly notices: string[] = [];

  constructor(private readonly write: (text: string) => void = (text) => process.stdout.write(text)) {}

  /** Starts a progress line for one file; call `advance` as rows are read and `finish` at the end. */
  progress(fileLabel: string) {
    const started = performance.now();
    const interactive = Boolean(process.stdout.isTTY) && this.write === ImportReport.stdout;
    let rows = 0;
    let lastDraw = 0;
    const draw = (final: boolean) => {
      const seconds = (performance.now() - started) / 1000;
      const rate = seconds > 0 ? Math.round(rows / seconds) : rows;
      const line = `  ${fileLabel.padEnd(48)} ${rows.toLocaleString("en-US").padStart(9)} rows ${rate.toLocaleString("en-US").padStart(10)} rows/s ${seconds.toFixed(2).padStart(7)} s`;
      if (interactive) this.write(`\r${line}${final ? "\n" : ""}`);
      else if (final) this.write(`${line}\n`);
    };
    return {
      advance: (count: number) => {
        rows += count;
        if (interactive && performance.now() - lastDraw > 100) {
          lastDraw = performance.now();
          draw(false);
        }
      },
      finish: () => draw(true),
    };
  }

  recordTable(dataset: string, table: string, counts: TableCounts, skipped: Map<string, number> = new Map()) {
    this.tables.push({ dataset, table, ...counts, skipped });
  }

  /** The same report, with `(version)` after each table name: one dataset imported from several releases. */
  forRelease(version: string): ImportReport {
    const labelled = Object.create(this) as ImportReport;
    labelled.recordTable = (dataset, table, counts, skipped) => this.recordTable(dataset, `${table} (${version})`, counts, skipped);
    return labelled;
  }

  /** A dataset that failed was rolled back: its table counts no longer describe the database. */
  discardTables(dataset: string) {
    for (let index = this.tables.length - 1; index >= 0; index--) if (this.tables[index]!.dataset === dataset) this.tables.splice(index, 1);
  }

  /** One line now, between the progress lines ("onet 29.3: same files as the last import, unchanged"). */
  say(text: string) {
    this.write(`  ${text}\n`);
  }

  notice(text: string) {
    this.notices.push(text);
  }

  recordOutcome(outcome: DatasetOutcome) {
    this.outcomes.push(outcome);
  }

  /** Total rows inserted, updated or deleted: 0 on a re-run of the same files. */
  get rowsChanged(): number {
    return this.tables.reduce((sum, t) => sum + t.inserted + t.updated + t.deleted, 0);
  }

  /**
   * The occupations whose rows the import changed, or null when a changed table cannot say
   * (wages and projections are by SOC code; then any page may have changed).
   */
  changedOccupations(): string[] | null {
    const codes = new Set<string>();
    for (const table of this.tables) {
      if (table.inserted + table.updated + table.deleted === 0) continue;
      if (!table.changedOccupations) return null;
      for (const code of table.changedOccupations) codes.add(code);
    }
    return [...codes].sort();
  }

  printSummary(totalSeconds: number) {
    const header = ["dataset", "table", "read", "inserted", "updated", "unchanged", "deleted", "skipped"];
    const body = this.tables.map((t) => [
      t.dataset,
      t.table,
      ...[t.read, t.inserted, t.updated, t.unchanged, t.deleted].map((n) => n.toLocaleString("en-US")),
      [...t.skipped.values()].reduce((a, b) => a + b, 0).toLocaleString("en-US"),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? "").length)));
    const format = (row: string[]) => row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
    this.write(`\n${format(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n`);
    for (const row of body) this.write(`${format(row)}\n`);
    for (const t of this.tables) {
      for (const [reason, count] of t.skipped) this.write(`  skipped in ${t.table}: ${count.toLocaleString("en-US")} × ${reason}\n`);
    }
    this.write("\n");
    for (const o of this.outcomes) {
      this.write(`  ${o.status.padEnd(8)} ${o.dataset.padEnd(22)} ${o.seconds.toFixed(1).padStart(5)} s${o.message ? `  ${o.message}` : ""}\n`);
    }
    for (const notice of this.notices) this.write(`  notice   ${notice}\n`);
    const dryRun = this.outcomes.some((o) => o.status === "checked");
    this.write(
      dryRun
        ? `\nDry run finished in ${totalSeconds.toFixed(1)} s; ${this.rowsChanged.toLocaleString("en-US")} rows would change; nothing was written.\n`
        : `\nImport finished in ${totalSeconds.toFixed(1)} s; ${this.rowsChanged.toLocaleString("en-US")} rows changed.\n`,
    );
  }

  static readonly stdout = (text: string) => {
    process.stdout.write(text);
  };
}
