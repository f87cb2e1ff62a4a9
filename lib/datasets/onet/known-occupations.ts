import { DatasetFileError } from "../dataset-error";
import type { RowLocation } from "../parse-row";

/** Every occupation-level O*NET file must only name occupations of `Occupation Data.txt`. */
export function requireKnownOccupation(codes: ReadonlySet<string>, code: string, source: RowLocation, column = "O*NET-SOC Code") {
  if (!codes.has(code)) {
    throw new DatasetFileError(source.file, source.line, column, `names ${code}, which is not in Occupation Data.txt`);
  }
}
