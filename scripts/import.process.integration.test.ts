// `npm run data:import` as an operator runs it (node + tsx, as npm does, without npm's own lines):
// what it says, and its exit code, when the folder or the options are wrong.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetImporters } from "@/lib/datasets/importers";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";

const database = useTestDatabase();
let empty: string;

beforeAll(async () => {
  empty = await mkdtemp(path.join(os.tmpdir(), "careerwiki-import-empty-"));
});

afterAll(async () => {
  await rm(empty, { recursive: true, force: true });
});

async function dataImport(args: string[]) {
  const { DATABASE_URL: _url, DATA_DIR: _dir, ...env } = process.env;
  return promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/import.ts", ...args], { env: { ...env, DATABASE_URL: database.url }, timeout: 120_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

describe("npm run data:import, given a wrong folder or dataset", { timeout: 120_000 }, () => {
  // EMPTY: an empty folder of this test's.
  it.each([
    [["--dir", "/nonexistent"], "^/nonexistent does not exist: expected a folder laid out like \\.\\./shared/datasets .*onet/.*bls/.*\\.$"],
    [["--dir", "EMPTY"], "^EMPTY holds none of the official datasets: expected a folder laid out like"],
    [["--only", "foo"], `^Unknown dataset for --only: foo\\. Valid names: ${datasetImporters.map((importer) => importer.dataset).join(", ")}\\.$`],
  ])("refuses %s in one line with exit 1, before touching the database", async (args, expected) => {
    const result = await dataImport(args.map((arg) => arg.replace("EMPTY", empty)));
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(new RegExp(expected.replace("EMPTY", empty)));
    expect(result.stdout).toBe("");
  });
});
