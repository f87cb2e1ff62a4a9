import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { OperatorError } from "@/lib/db/operator-error";
import { checkDataDir, dataDirProblem, findStartDataDir, selectImporters } from "./data-dir";
import { datasetImporters } from "./importers";

let root: string;
const cwd = process.cwd();

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "careerwiki-data-dir-"));
  await mkdir(path.join(root, "empty"));
  await mkdir(path.join(root, "with-onet", "onet"), { recursive: true });
  await writeFile(path.join(root, "with-onet", "onet", "Occupation Data.txt"), "O*NET-SOC Code\tTitle\tDescription\n");
  await writeFile(path.join(root, "a-file"), "");
  await mkdir(path.join(root, "project"));
});

afterEach(() => {
  vi.unstubAllEnvs();
  process.chdir(cwd);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("dataDirProblem", () => {
  it("says a folder that does not exist, a file, and a folder with none of the datasets, and accepts one with a dataset", async () => {
    expect(await dataDirProblem(path.join(root, "nonexistent"))).toBe(`${path.join(root, "nonexistent")} does not exist`);
    expect(await dataDirProblem(path.join(root, "a-file"))).toBe(`${path.join(root, "a-file")} is not a folder`);
    expect(await dataDirProblem(path.join(root, "empty"))).toBe(`${path.join(root, "empty")} holds none of the official datasets`);
    expect(await dataDirProblem(path.join(root, "with-onet"))).toBeNull();
    expect(await dataDirProblem(path.join(root, "with-onet"), selectImporters("oews"))).toBe(`${path.join(root, "with-onet")} holds none of the datasets asked for (oews)`);
  });

  it("is an OperatorError naming the expected layout for checkDataDir", async () => {
    await expect(checkDataDir(path.join(root, "empty"))).rejects.toThrow(OperatorError);
    await expect(checkDataDir(path.join(root, "empty"))).rejects.toThrow(/expected a folder laid out like \.\.\/shared\/datasets .*onet\/.*bls\/.*ai\//);
  });
});

describe("selectImporters", () => {
  it("keeps every importer without --only, the named ones with it", () => {
    expect(selectImporters(undefined)).toBe(datasetImporters);
    expect(selectImporters("onet,oews").map((importer) => importer.dataset)).toEqual(["onet", "oews"]);
  });

  it.each(["foo", "onet,foo", ",", ""])("refuses --only %j, listing the valid names", (only) => {
    expect(() => selectImporters(only)).toThrow(OperatorError);
    expect(() => selectImporters(only)).toThrow(new RegExp(`Valid names: ${datasetImporters.map((importer) => importer.dataset).join(", ")}\\.$`));
  });
});

describe("findStartDataDir", () => {
  it("takes DATA_DIR when it holds a dataset, and says what it found there when not", async () => {
    vi.stubEnv("DATA_DIR", path.join(root, "with-onet"));
    expect(await findStartDataDir()).toEqual({ dir: path.join(root, "with-onet") });
    vi.stubEnv("DATA_DIR", path.join(root, "empty"));
    expect(await findStartDataDir()).toEqual({ dir: null, looked: [`DATA_DIR: ${path.join(root, "empty")} holds none of the official datasets`] });
  });

  it("without DATA_DIR, looks in ../shared/datasets beside the project and says both places", async () => {
    vi.stubEnv("DATA_DIR", "");
    process.chdir(path.join(root, "project"));
    expect(await findStartDataDir()).toEqual({ dir: null, looked: ["DATA_DIR: not set", `../shared/datasets beside the project: ${path.join(root, "shared", "datasets")} does not exist`] });
  });
});
