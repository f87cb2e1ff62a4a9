import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPostgresClientTool, parseToolMajor } from "./postgres-client-tools";

let root: string;

/** A stand-in `pg_dump` that reports `version`, as the real one does. */
async function fakeTool(dir: string, version: string) {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, "pg_dump");
  await writeFile(file, `#!/bin/sh\necho "pg_dump (PostgreSQL) ${version}"\n`);
  await chmod(file, 0o755);
  return file;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "careerwiki-client-tools-"));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("findPostgresClientTool", () => {
  it("takes the server's major version from Debian's folders or PATH, else the oldest newer one", async () => {
    const debianLib = path.join(root, "lib", "postgresql");
    const debian15 = await fakeTool(path.join(debianLib, "15", "bin"), "15.20 (Debian 15.20-0+deb12u1)");
    const onPath16 = await fakeTool(path.join(root, "opt16"), "16.6");
    const options = { debianLib, searchPath: [path.join(root, "empty"), path.join(root, "opt16")].join(path.delimiter) };
    expect(await findPostgresClientTool("pg_dump", 15, options)).toBe(debian15);
    expect(await findPostgresClientTool("pg_dump", 16, options)).toBe(onPath16);
    expect(await findPostgresClientTool("pg_dump", 14, options)).toBe(debian15);
  });

  it("names the package to install when no tool is recent enough", async () => {
    const debianLib = path.join(root, "lib2", "postgresql");
    const debian15 = await fakeTool(path.join(debianLib, "15", "bin"), "15.20");
    await expect(findPostgresClientTool("pg_dump", 17, { debianLib, searchPath: "" })).rejects.toThrow(
      `No pg_dump for PostgreSQL 17 or newer on PATH or in ${debianLib}/*/bin (found: ${debian15} 15): install PostgreSQL 17's client tools (Debian/Ubuntu: apt-get install postgresql-client-17) or put their bin folder on PATH.`,
    );
    await expect(findPostgresClientTool("pg_restore", 15, { debianLib: path.join(root, "none"), searchPath: "" })).rejects.toThrow(/^No pg_restore for PostgreSQL 15 .*postgresql-client-15/);
  });
});

describe("parseToolMajor", () => {
  it.each([
    ["pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)", 15],
    ["pg_restore (PostgreSQL) 17.2", 17],
    ["pg_dump (PostgreSQL) 18beta1", 18],
    ["something else", null],
  ])("%s → %s", (line, major) => {
    expect(parseToolMajor(line)).toBe(major);
  });
});
