// Every command that takes DATABASE_URL, given a bad one as an operator would: one line naming
// DATABASE_URL (password hidden) and the real cause, exit 1, no stack, no Prisma message.
// (lib/db/database-url.ts, used by lib/db/local-database.ts and scripts/lib/prepare-app.ts.)
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { findFreePort } from "@/lib/db/find-free-port";

const ROOT = path.resolve(import.meta.dirname, "..");
const NOT_IN_A_CLONE = new Set([".data", ".next", ".next-e2e", ".git", "test-results", "playwright-report"]);
let project: string;
let dataDir: string;

beforeAll(async () => {
  // A folder that looks like a clone: `npm start` here takes its own start lock, not the checkout's.
  project = await mkdtemp(path.join(os.tmpdir(), "careerwiki-database-url-"));
  for (const entry of await readdir(ROOT)) if (!NOT_IN_A_CLONE.has(entry)) await symlink(path.join(ROOT, entry), path.join(project, entry));
  dataDir = path.join(project, ".data-dir");
  await mkdir(path.join(dataDir, "onet"), { recursive: true });
  await writeFile(path.join(dataDir, "onet", "Occupation Data.txt"), "O*NET-SOC Code\tTitle\tDescription\n");
});

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

/** The commands as npm runs them (node + tsx), without npm's own lines around the output. */
const COMMANDS: Record<string, () => string[]> = {
  "npm start": () => ["--import", "tsx", "scripts/start.ts"],
  "npm run user:role": () => ["--import", "tsx", "--conditions=react-server", "scripts/user-role.ts", "someone@example.com", "admin"],
  "npm run data:import": () => ["--import", "tsx", "scripts/import.ts", "--dir", dataDir],
  "npm run db:migration": () => ["--import", "tsx", "scripts/new-migration.ts", "some_change"],
  "npm run db:backup": () => ["--import", "tsx", "scripts/db-backup.ts", path.join(project, "backup.dump")],
};

async function runWith(args: string[], databaseUrl: string) {
  const { DATABASE_URL: _url, DATA_DIR: _dir, ...env } = process.env;
  return promisify(execFile)(process.execPath, args, { cwd: project, env: { ...env, DATABASE_URL: databaseUrl, PORT: String(await findFreePort()) }, timeout: 60_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

describe("a bad DATABASE_URL", { timeout: 120_000 }, () => {
  it("is refused by every command in one line that names DATABASE_URL, hides the password and says the cause", async () => {
    const admin = new URL(inject("testAdminUrl"));
    const server = `${admin.hostname}:${admin.port || "5432"}`;
    const unusedPort = await findFreePort();
    const cases: [string, RegExp][] = [
      ["notaurl", /^DATABASE_URL is not a URL \(expected postgresql:\/\/USER:PASSWORD@HOST:PORT\/DATABASE\)\.$/],
      ["mysql://root:s3cret@127.0.0.1:3306/careerwiki", /^DATABASE_URL is a mysql:\/\/ URL; Careerwiki needs PostgreSQL 15 or newer/],
      [`postgresql://no_such_user_here:s3cret@${server}/postgres`, new RegExp(`^DATABASE_URL \\(postgresql://no_such_user_here:\\*\\*\\*@${server}/postgres\\): authentication failed for user "no_such_user_here"`)],
      [Object.assign(new URL(admin), { pathname: "/careerwiki_no_such_database" }).toString(), new RegExp(`^DATABASE_URL \\(.*\\): database "careerwiki_no_such_database" does not exist on ${server}`)],
      [`postgresql://app:s3cret@127.0.0.1:${unusedPort}/careerwiki`, new RegExp(`^DATABASE_URL \\(postgresql://app:\\*\\*\\*@127\\.0\\.0\\.1:${unusedPort}/careerwiki\\): cannot reach 127\\.0\\.0\\.1:${unusedPort} \\(connection refused`)],
    ];
    // One URL at a time, its commands at once (one `npm start` at a time: they share the start lock).
    const results: { command: string; url: string; expected: RegExp; result: Awaited<ReturnType<typeof runWith>> }[] = [];
    for (const [url, expected] of cases) {
      results.push(...(await Promise.all(Object.entries(COMMANDS).map(async ([command, args]) => ({ command, url, expected, result: await runWith(args(), url) })))));
    }
    for (const { command, url, expected, result } of results) {
      const what = `${command} with DATABASE_URL=${url}\n${result.stdout}${result.stderr}`;
      expect(result.code, what).toBe(1);
      const lines = result.stderr.trim().split("\n");
      expect(lines, what).toHaveLength(1);
      expect(lines[0], what).toMatch(expected);
      expect(result.stdout + result.stderr, what).not.toMatch(/s3cret|prisma|\n\s+at /i);
      if (admin.password) expect(result.stdout + result.stderr, what).not.toContain(`:${admin.password}@`);
    }
  });
});
