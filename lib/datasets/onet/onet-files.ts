import { access, readdir } from "node:fs/promises";
import path from "node:path";
import { ONET_FILES } from "@/lib/releases/onet-files";
import { DatasetFileError } from "../dataset-error";
import type { ReleaseMetadata } from "../register-release";
import { ONET_CROSSWALK_FILE } from "./import-successors";
import { detectOnetRelease } from "./onet-release";

/** Release folders in the data folder: `onet/` and any `onet-*` (`onet-30.1/`). */
const ONET_FOLDER = /^onet(-[^/]+)?$/;

/** The one file a release folder must have; every other O*NET file is read when present. */
export const REQUIRED_ONET_FILE = ONET_FILES.occupations;

export interface OnetFolder {
  /** The folder's name in the data folder, e.g. "onet-30.1". */
  folder: string;
  path: string;
  meta: ReleaseMetadata;
}

/** Every O*NET release folder in the data folder (with `Occupation Data.txt`), oldest release first. */
export async function findOnetFolders(dataDir: string): Promise<OnetFolder[]> {
  const entries = await readdir(dataDir, { withFileTypes: true }).catch(() => []);
  const folders: OnetFolder[] = [];
  for (const entry of entries) {
    if (!ONET_FOLDER.test(entry.name) || !(entry.isDirectory() || entry.isSymbolicLink())) continue;
    const folderPath = path.join(dataDir, entry.name);
    if (!(await fileExists(path.join(folderPath, REQUIRED_ONET_FILE)))) continue;
    folders.push({ folder: entry.name, path: folderPath, meta: await detectOnetRelease(folderPath) });
  }
  folders.sort((a, b) => a.meta.releasedOn.localeCompare(b.meta.releasedOn) || compareVersions(a.meta.version, b.meta.version));
  for (let index = 1; index < folders.length; index++) {
    const [earlier, later] = [folders[index - 1]!, folders[index]!];
    if (earlier.meta.version === later.meta.version) {
      throw new DatasetFileError(`${later.folder}/Read Me.txt`, null, null, `is O*NET ${later.meta.version}, like ${earlier.folder}/: keep one folder per release`);
    }
  }
  return folders;
}

/** The O*NET files the site reads that this release folder has, O*NET's taxonomy crosswalk (at most one) included. */
export async function listOnetFilesPresent(folderPath: string): Promise<string[]> {
  const names = Object.values(ONET_FILES);
  const present = await Promise.all(names.map(async (name) => ((await fileExists(path.join(folderPath, name))) ? name : null)));
  const crosswalks = (await readdir(folderPath)).filter((name) => ONET_CROSSWALK_FILE.test(name)).sort();
  if (crosswalks.length > 1) {
    throw new DatasetFileError(`${path.basename(folderPath)}/${crosswalks[1]}`, null, null, `is a second taxonomy crosswalk beside ${crosswalks[0]}: keep the one that leads to this release`);
  }
  return [...present.filter((name): name is (typeof names)[number] => name !== null), ...crosswalks];
}

/** "29.3" < "30.1" < "30.10". */
export function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split(".").map(Number);
  const [bMajor = 0, bMinor = 0] = b.split(".").map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

async function fileExists(fullPath: string): Promise<boolean> {
  try {
    await access(fullPath);
    return true;
  } catch {
    return false;
  }
}
