import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getSessionActor } from "@/lib/auth/get-session-actor";
import { listenForDataChanges, type DataChangeNotice } from "@/lib/cache/listen-for-data-changes";
import { recordDataChange } from "@/lib/cache/record-data-change";
import { prisma } from "@/lib/db/prisma";
import { getRolePage } from "@/lib/roles/get-role-page";
import { approveSubmission } from "@/lib/submissions/approve-submission";
import { submitCorrection } from "@/lib/submissions/submit-correction";
import { createUser, descriptionCorrection, seedOccupation } from "@/tests/support/integration/community-factories";
import { countRows } from "@/tests/support/integration/database";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { queryRows } from "@/tests/support/query-rows";
import { seedUser } from "@/tests/support/seed-users";
import { databaseUrl, dropDatabase } from "@/tests/support/test-server";

// The operator's round trip, through the npm scripts' entry points: a database with pages,
// history and sessions → `db:backup` → `db:restore` into a database that does not exist yet
// → the same rows, the same role page read through lib/, and a session still signs its user in.
const source = useTestDatabase();
const targetName = `careerwiki_restore_${randomBytes(5).toString("hex")}`;
let dir: string;
let slug: string;
let sessionToken: string;

async function runScript(script: string, args: string[], url: string) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return promisify(execFile)(process.execPath, ["--import", "tsx", path.join("scripts", script), ...args], {
    env: { ...env, DATABASE_URL: url },
    timeout: 120_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

async function tablesOf(url: string): Promise<string[]> {
  const rows = await queryRows<{ table_name: string }>(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name");
  return rows.map((row) => row.table_name);
}

/** The app's Prisma client, from now on against `url`. */
async function pointAppAt(url: string) {
  await prisma.$disconnect();
  (globalThis as { careerwikiPrisma?: unknown }).careerwikiPrisma = undefined;
  process.env.DATABASE_URL = url;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "careerwiki-backup-"));
  process.env.SUBMISSIONS_PER_HOUR = "1000";
  ({ slug } = await seedOccupation());
  await seedOccupation("99-0002.00", "Test Gadget Engineers");
  const author = await createUser("CONTRIBUTOR");
  const moderator = await createUser("MODERATOR");
  const approved = await submitCorrection({ actor: author, input: descriptionCorrection("99-0001.00", "Designs, builds and tests widgets, mostly in small teams.") });
  await approveSubmission({ actor: moderator, submissionId: approved.id });
  await submitCorrection({ actor: author, input: descriptionCorrection("99-0002.00", "Still waiting for a moderator to read this one.") });
  ({ sessionToken } = await seedUser({ databaseUrl: source.url, role: "MODERATOR" }));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await dropDatabase(inject("testAdminUrl"), targetName);
});

describe("npm run db:backup / db:restore", () => {
  it("restores a backup into a new database with the same pages, history and sessions, and its migrations clean", { timeout: 180_000 }, async () => {
    const file = path.join(dir, "careerwiki.dump");
    const target = databaseUrl(inject("testAdminUrl"), targetName);

    const backup = await runScript("db-backup.ts", [file], source.url);
    expect(backup.stderr).toBe("");
    expect(backup).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Backed up the DATABASE_URL database to .*careerwiki\.dump \(\d+ KB, readable by its owner only: it holds session tokens\)\.\n$/) });

    const restore = await runScript("db-restore.ts", [file], target);
    expect(restore.stdout).toContain(`Restored ${file} into the DATABASE_URL database.`);
    expect(restore.stdout).toContain("Migrations: the restored database has exactly this version's migrations.");
    expect(restore.code).toBe(0);

    // The restore's own data change aside (below), the same rows.
    const tables = (await tablesOf(source.url)).filter((table) => table !== "DataChange");
    const before = await countRows(source.url, tables);
    for (const table of ["Occupation", "Submission", "Revision", "AuditEntry", "Session", "User", "CommunityValue", "_prisma_migrations"]) {
      expect(before[table], table).toBeGreaterThan(0);
    }
    const pageBefore = await getRolePage(slug);
    const actorBefore = await getSessionActor(sessionToken);
    expect(pageBefore?.community.corrections.map((correction) => correction.value)).toEqual(["Designs, builds and tests widgets, mostly in small teams."]);
    expect(actorBefore?.role).toBe("MODERATOR");

    await pointAppAt(target);
    try {
      // The same rows in every table.
      expect(await countRows(target, tables)).toEqual(before);
      expect(await getRolePage(slug)).toEqual(pageBefore);
      expect(await getSessionActor(sessionToken)).toEqual(actorBefore);
    } finally {
      await pointAppAt(source.url);
    }

    // Never over a database that holds data, unless asked to.
    const refused = await runScript("db-restore.ts", [file], target);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`^The database "${targetName}" is not empty \\(\\d+ tables\\): .*add --force`));
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);

    // A running instance drops its cached pages after a restore: it hears of the restore's data
    // change, whose id comes after the ones it handled (the backup's own ids are lower).
    expect(await queryRows(target, `SELECT "source", "everyPage" FROM "DataChange"`)).toEqual([{ source: "restore", everyPage: true }]);
    const heard: DataChangeNotice[] = [];
    const listener = await listenForDataChanges({ databaseUrl: target, reconnectMs: 200, onChange: async (change) => void heard.push(change), onError: () => {} });
    try {
      const imported = [1, 2, 3].map(() => recordDataChange({ databaseUrl: target, source: "import", occupationCodes: null }));
      const lastImport = Math.max(...(await Promise.all(imported)));
      await expect.poll(() => heard.length, { timeout: 10_000 }).toBe(3);

      const forced = await runScript("db-restore.ts", [file, "--force"], target);
      expect(forced.code).toBe(0);
      expect(forced.stdout).toContain("exactly this version's migrations");
      expect(forced.stdout).toContain("Running instances were told to drop their cached pages.");
      await expect.poll(() => heard.map((change) => change.source), { timeout: 20_000 }).toEqual(["import", "import", "import", "restore"]);
      expect(heard[3]).toMatchObject({ everyPage: true, occupationCodes: [] });
      expect(heard[3]!.id).toBeGreaterThan(lastImport);
    } finally {
      await listener.stop();
    }
  });

  it("writes the backup readable by its owner only (it holds session tokens), and replaces an existing file only with --force", { timeout: 120_000 }, async () => {
    const file = path.join(dir, "again.dump");
    const mode = async () => (await stat(file)).mode & 0o777;

    const first = await runScript("db-backup.ts", [file], source.url);
    expect(first.code, first.stderr).toBe(0);
    expect(await mode()).toBe(0o600);

    // An existing file (here world-readable, as an older backup or a mistyped name may be) is left alone.
    await writeFile(file, "not a backup", { mode: 0o644 });
    const refused = await runScript("db-backup.ts", [file], source.url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`${file} already exists: choose another name, or add --force to replace it.\n`);
    expect((await stat(file)).size).toBe("not a backup".length);

    const forced = await runScript("db-backup.ts", [file, "--force"], source.url);
    expect(forced.code, forced.stderr).toBe(0);
    expect(await mode()).toBe(0o600);
    expect((await stat(file)).size).toBeGreaterThan(1000);

    const usage = await runScript("db-backup.ts", [file, "--bogus"], source.url);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^Usage: npm run db:backup -- FILE \[--force\]/);
  });
});
