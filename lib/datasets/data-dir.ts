import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { OperatorError } from "@/lib/db/operator-error";
import type { DatasetImporter } from "./dataset-importer";
import { datasetImporters } from "./importers";
import { firstMissingFile } from "./run-import";

/** What a data folder holds, for the messages that say it is missing (the datasets README's table). */
export const DATA_DIR_LAYOUT =
  "a folder laid out like ../shared/datasets (its README.md): onet/ (O*NET's tab-separated text files, at least `Occupation Data.txt`; newer releases in onet-<version>/), bls/ (national_M<YYYY>_dl.xlsx, occupation.xlsx, 2019_to_SOC_Crosswalk.csv, …), ai/ (occ_level.csv, AIOE_DataAppendix.xlsx, …), videos/career-videos.json, costs/tabn330.10.xls";

/** Opting in to a site with no careers when there is nothing to import (`npm start`, `start:cluster`). */
export const ALLOW_EMPTY_SITE_ENV = "ALLOW_EMPTY_SITE";

/** The default data folder: ../shared/datasets beside the project. */
export function defaultDataDir(): string {
  return path.resolve(process.cwd(), "..", "shared", "datasets");
}

/**
 * Where the official files are: `--dir`, else DATA_DIR, else ../shared/datasets beside
 * the project when it exists. Null when none is set and the default is absent.
 */
export function resolveDataDir(explicit?: string): string | null {
  if (explicit) return path.resolve(explicit);
  if (process.env.DATA_DIR) return path.resolve(process.env.DATA_DIR);
  const sibling = defaultDataDir();
  return existsSync(sibling) ? sibling : null;
}

/** The datasets (keys) `dir` has the required files of, among `importers`. */
export async function availableDatasets(dir: string, importers: readonly DatasetImporter[] = datasetImporters): Promise<string[]> {
  const available: string[] = [];
  for (const importer of importers) if (!(await firstMissingFile(dir, importer.requiredFiles))) available.push(importer.dataset);
  return available;
}

/**
 * Why `dir` cannot be imported from, in a sentence, or null when it holds at least one of
 * `importers`' datasets: it does not exist, is not a folder, or holds none of them.
 */
export async function dataDirProblem(dir: string, importers: readonly DatasetImporter[] = datasetImporters): Promise<string | null> {
  const found = await stat(dir).catch(() => null);
  if (!found) return `${dir} does not exist`;
  if (!found.isDirectory()) return `${dir} is not a folder`;
  if ((await availableDatasets(dir, importers)).length === 0) {
    const which = importers.length === datasetImporters.length ? "none of the official datasets" : `none of the datasets asked for (${importers.map((i) => i.dataset).join(", ")})`;
    return `${dir} holds ${which}`;
  }
  return null;
}

/** `dir` checked before an import: an OperatorError naming the problem and the layout expected. */
export async function checkDataDir(dir: string, importers: readonly DatasetImporter[] = datasetImporters): Promise<void> {
  const problem = await dataDirProblem(dir, importers);
  if (problem) throw new OperatorError(`${problem}: expected ${DATA_DIR_LAYOUT}.`);
}

/** `--only a,b` as importers; an unknown name is an OperatorError listing the valid ones. */
export function selectImporters(only: string | undefined, importers: readonly DatasetImporter[] = datasetImporters): readonly DatasetImporter[] {
  if (only === undefined) return importers;
  const names = only
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  const valid = importers.map((importer) => importer.dataset);
  const unknown = names.filter((name) => !valid.includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new OperatorError(`${unknown.length > 0 ? `Unknown dataset${unknown.length > 1 ? "s" : ""} for --only: ${unknown.join(", ")}` : "--only names no dataset"}. Valid names: ${valid.join(", ")}.`);
  }
  return importers.filter((importer) => names.includes(importer.dataset));
}

/**
 * The data folder `npm start` imports from into a database with no occupations: DATA_DIR, else
 * ../shared/datasets, when it holds a dataset. Otherwise `looked` says, per place, what was found.
 */
export async function findStartDataDir(): Promise<{ dir: string } | { dir: null; looked: string[] }> {
  const places = process.env.DATA_DIR ? [{ label: "DATA_DIR", dir: path.resolve(process.env.DATA_DIR) }] : [{ label: "DATA_DIR", dir: null }, { label: "../shared/datasets beside the project", dir: defaultDataDir() }];
  const looked: string[] = [];
  for (const place of places) {
    if (!place.dir) {
      looked.push(`${place.label}: not set`);
      continue;
    }
    const problem = await dataDirProblem(place.dir);
    if (!problem) return { dir: place.dir };
    looked.push(`${place.label}: ${problem}`);
  }
  return { dir: null, looked };
}
