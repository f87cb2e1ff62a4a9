/**
 * A problem in an official data file, located precisely enough for a person to open the
 * file and fix it: file, line (1-based, the header is line 1), column and reason.
 */
export class DatasetFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly column: string | null,
    readonly reason: string,
  ) {
    const where = [file, line === null ? null : `line ${line}`, column === null ? null : `column "${column}"`]
      .filter(Boolean)
      .join(", ");
    super(`${where}: ${reason}`);
    this.name = "DatasetFileError";
  }
}
