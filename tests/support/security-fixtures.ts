// The fixture occupation of the security e2e specs (codes 99-0101.00 upward): a page no other
// spec reads, so that the stored-XSS corpus lands where it cannot change anyone else's figures.
// It has an official value for every list and text field a correction can change (job zone 5,
// which no browse filter of the reader specs selects).
import { appendFile } from "node:fs/promises";
import path from "node:path";
import { FIXTURE_CODES } from "./onet-fixtures";

export const XSS_OCCUPATION = { code: "99-0101.00", title: "Test Payload Handlers", slug: "test-payload-handlers" } as const;

const { code, title } = XSS_OCCUPATION;
const ROWS: Record<string, (string | number)[][]> = {
  "Occupation Data.txt": [[code, title, "Handle test payloads for the security suite."]],
  "Job Zones.txt": [[code, 5, "08/2023", "Analyst"]],
  "Alternate Titles.txt": [[code, "Payload Handler", "n/a", "08"]],
  "Technology Skills.txt": [[code, "Payload Console", 43232604, "Computer aided design CAD software", "N", "N"]],
  "Related Occupations.txt": [[code, FIXTURE_CODES.allOther, "Primary-Short", 1]],
};

/** Appends the security fixture occupations to the O*NET files already written in `dir`. */
export async function appendSecurityOccupations(dir: string) {
  for (const [file, rows] of Object.entries(ROWS)) {
    await appendFile(path.join(dir, "onet", file), rows.map((cells) => `${cells.join("\t")}\n`).join(""));
  }
}
