import { execFile, spawn } from "node:child_process";
import { constants } from "node:fs";
import { access, readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { newPgClient } from "./pg-client";

export type PostgresClientTool = "pg_dump" | "pg_restore";

/** Where Debian and Ubuntu put each major version's client tools (`postgresql-client-<major>`). */
export const DEBIAN_POSTGRES_LIB = "/usr/lib/postgresql";

interface Candidate {
  file: string;
  major: number;
}

/**
 * PostgreSQL's own `pg_dump` or `pg_restore` for a server of major version `serverMajor`:
 * the same major version, from `/usr/lib/postgresql/<major>/bin` or PATH, else the oldest
 * newer one (both read older servers and archives; an older one refuses a newer server).
 * Throws a one-line error naming the package to install when there is none.
 */
export async function findPostgresClientTool(
  tool: PostgresClientTool,
  serverMajor: number,
  { searchPath = process.env.PATH ?? "", debianLib = DEBIAN_POSTGRES_LIB }: { searchPath?: string; debianLib?: string } = {},
): Promise<string> {
  const debianDirs = (await readdir(debianLib).catch(() => [] as string[])).map((major) => path.join(debianLib, major, "bin"));
  const dirs = [...new Set([...debianDirs, ...searchPath.split(path.delimiter).filter(Boolean)])];
  const found: Candidate[] = [];
  for (const dir of dirs) {
    const file = path.join(dir, tool);
    if (!(await isExecutable(file))) continue;
    const major = await majorVersion(file);
    if (major !== null) found.push({ file, major });
  }
  const usable = found.filter((candidate) => candidate.major >= serverMajor).sort((a, b) => a.major - b.major);
  if (usable[0]) return usable[0].file;
  const seen = found.length ? ` (found: ${found.map((candidate) => `${candidate.file} ${candidate.major}`).join(", ")})` : "";
  throw new Error(
    `No ${tool} for PostgreSQL ${serverMajor} or newer on PATH or in ${debianLib}/*/bin${seen}: install PostgreSQL ${serverMajor}'s client tools ` +
      `(Debian/Ubuntu: apt-get install postgresql-client-${serverMajor}) or put their bin folder on PATH.`,
  );
}

/** The major version a tool reports (`pg_dump (PostgreSQL) 15.20 (Debian …)` → 15), or null. */
export function parseToolMajor(versionLine: string): number | null {
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(versionLine);
  return match ? Number(match[1]) : null;
}

async function majorVersion(file: string): Promise<number | null> {
  try {
    const { stdout } = await promisify(execFile)(file, ["--version"], { timeout: 10_000 });
    return parseToolMajor(stdout);
  } catch {
    return null;
  }
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The server's major version (`server_version_num` 150018 → 15). */
export async function serverMajorVersion(url: string): Promise<number> {
  const client = newPgClient({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(rows[0]?.server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

/**
 * Runs `tool` (found for the server of `url`) against the database of `url`; the password
 * goes through PGPASSWORD, never the command line others can read. Throws with the tool's
 * own messages when it fails.
 */
export async function runClientTool(tool: PostgresClientTool, url: string, args: readonly string[]): Promise<void> {
  const file = await findPostgresClientTool(tool, await serverMajorVersion(url));
  const target = new URL(url);
  const password = decodeURIComponent(target.password);
  target.password = "";
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(file, [...args, `--dbname=${target.toString()}`], {
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
      stdio: ["ignore", "ignore", "pipe"],
    });
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) throw new Error(`${tool} failed (exit ${code}):\n${output.join("").trim()}`);
}
