import { readFile } from "node:fs/promises";
import path from "node:path";
import { DatasetFileError } from "../dataset-error";
import type { ReleaseMetadata } from "../register-release";

/** Months O*NET publishes in, to turn "May 2025 Release" into a date. */
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * Which O*NET release a release folder (`onet/`, `onet-30.1/`) holds. The official text release
 * ships `Read Me.txt` ("O*NET 29.3 Database ... May 2025 Release"); our shared copy documents
 * the same in SOURCE.md. Without either, the import refuses rather than guess. CRLF or LF alike.
 */
export async function detectOnetRelease(folderPath: string): Promise<ReleaseMetadata> {
  for (const candidate of ["Read Me.txt", "SOURCE.md"]) {
    let text: string;
    try {
      text = await readFile(path.join(folderPath, candidate), "utf8");
    } catch {
      continue;
    }
    const version = /O\*NET (\d+\.\d+) Database/.exec(text)?.[1];
    const released = new RegExp(`(${MONTHS.join("|")}) (\\d{4}) Release`).exec(text);
    if (version && released) {
      const month = MONTHS.indexOf(released[1]!) + 1;
      return {
        dataset: "onet",
        name: "O*NET Database",
        publisher: "U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), National Center for O*NET Development",
        version,
        referencePeriod: `${released[1]} ${released[2]}`,
        releasedOn: `${released[2]}-${String(month).padStart(2, "0")}-01`,
        license: "CC BY 4.0",
        sourceUrl: `https://www.onetcenter.org/database.html`,
        citation: `This page includes information from the O*NET ${version} Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.`,
      };
    }
  }
  throw new DatasetFileError(
    `${path.basename(folderPath)}/Read Me.txt`,
    null,
    null,
    'cannot tell which O*NET release this is: add the release\'s "Read Me.txt" (it names "O*NET NN.N Database" and "<Month> <Year> Release")',
  );
}
