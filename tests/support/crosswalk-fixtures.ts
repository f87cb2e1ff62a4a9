import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * `bls/2019_to_SOC_Crosswalk.csv` in O*NET's published CSV layout (quoted titles may
 * contain commas) for the given occupations.
 */
export async function writeOnetSocCrosswalkFixture(dataDir: string, rows: readonly { onetCode: string; onetTitle: string; socCode: string; socTitle: string }[]) {
  await mkdir(path.join(dataDir, "bls"), { recursive: true });
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [
    "O*NET-SOC 2019 Code,O*NET-SOC 2019 Title,2018 SOC Code,2018 SOC Title",
    ...rows.map((row) => [row.onetCode, row.onetTitle, row.socCode, row.socTitle].map(quote).join(",")),
  ];
  await writeFile(path.join(dataDir, "bls", "2019_to_SOC_Crosswalk.csv"), `${lines.join("\n")}\n`);
}
