import { access } from "node:fs/promises";
import path from "node:path";
import { ONET_DIR } from "./onet-release";

/** Files every O*NET release has; without one of them the O*NET import is skipped. */
export const REQUIRED_ONET_FILES = [
  "Occupation Data.txt",
  "Job Zones.txt",
  "Job Zone Reference.txt",
  "Task Statements.txt",
  "Skills.txt",
  "Knowledge.txt",
  "Technology Skills.txt",
  "Tools Used.txt",
  "Alternate Titles.txt",
  "Sample of Reported Titles.txt",
  "Related Occupations.txt",
  "Education, Training, and Experience.txt",
  "Education, Training, and Experience Categories.txt",
] as const;

/** Files read only when the data folder has them (the shared copy of 29.3 lacks most). */
export const OPTIONAL_ONET_FILES = ["Task Ratings.txt", "Abilities.txt", "Work Activities.txt", "Interests.txt"] as const;

/** The O*NET files this folder holds: every required one and the optional ones present. */
export async function listOnetFilesToRead(dataDir: string): Promise<string[]> {
  const present = await Promise.all(OPTIONAL_ONET_FILES.map(async (name) => ((await fileExists(path.join(dataDir, ONET_DIR, name))) ? name : null)));
  return [...REQUIRED_ONET_FILES, ...present.filter((name): name is (typeof OPTIONAL_ONET_FILES)[number] => name !== null)];
}

async function fileExists(fullPath: string): Promise<boolean> {
  try {
    await access(fullPath);
    return true;
  } catch {
    return false;
  }
}
