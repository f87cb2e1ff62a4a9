import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { EmbeddedPostgresInUseError, startEmbeddedPostgres } from "./embedded-postgres";

const cleanup: string[] = [];
afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

async function selectOne(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ answer: number }>("SELECT 1 AS answer")).rows[0]?.answer;
  } finally {
    await client.end();
  }
}

describe("startEmbeddedPostgres", () => {
  // As CI clones into a folder only root can enter (mktemp -d makes it 0700), PostgreSQL's
  // own user cannot reach a data folder there: the starter must move what it needs.
  it.runIf(process.getuid?.() === 0)("starts as root when the project sits under a folder only root can enter", async () => {
    const privateDir = await mkdtemp(path.join(os.tmpdir(), "careerwiki-private-"));
    cleanup.push(privateDir);
    expect((await stat(privateDir)).mode & 0o777).toBe(0o700);
    const notices: string[] = [];
    const server = await startEmbeddedPostgres({ dataDir: path.join(privateDir, "project", ".data", "postgres"), database: "careerwiki", notify: (m) => notices.push(m) });
    try {
      expect(await selectOne(server.url)).toBe(1);
      expect(server.url).toMatch(/^postgresql:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/careerwiki$/);
      expect(notices.join("\n")).toMatch(/cannot enter/);
    } finally {
      await server.stop();
    }
  });

  it("keeps its data across a restart and listens on a new free port each time", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "careerwiki-restart-"));
    cleanup.push(dir);
    const dataDir = path.join(dir, "postgres");
    const first = await startEmbeddedPostgres({ dataDir, database: "kept", notify: () => {} });
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    await client.query("CREATE TABLE marker (id int); INSERT INTO marker VALUES (42)");
    await client.end();
    await first.stop();
    const second = await startEmbeddedPostgres({ dataDir, database: "kept", notify: () => {} });
    try {
      const again = new pg.Client({ connectionString: second.url });
      await again.connect();
      expect((await again.query<{ id: number }>("SELECT id FROM marker")).rows).toEqual([{ id: 42 }]);
      await again.end();
      expect(second.port).not.toBe(5432);
    } finally {
      await second.stop();
    }
  });

  // The clean-up of a killed process's server must never stop one a live process is using
  // (issue 10: `npm run user:role` stopped the database of a running `npm start`).
  it("joins a server its live owner shares, never stops a live owner's server, and stops a dead owner's", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "careerwiki-owner-"));
    cleanup.push(dir);
    const dataDir = path.join(dir, "postgres");
    const first = await startEmbeddedPostgres({ dataDir, database: "owned", shared: true, notify: () => {} });
    const ownerFile = `${first.dataDir}.owner.json`;
    // Another live process owns it (as `npm start` would): a stand-in process takes the record.
    const owner = spawn("sleep", ["120"], { stdio: "ignore" });
    try {
      await writeFile(ownerFile, JSON.stringify({ pid: owner.pid, port: first.port, shared: true }));

      const joined = await startEmbeddedPostgres({ dataDir, database: "owned", reuseRunning: true, notify: () => {} });
      expect({ owned: joined.owned, port: joined.port }).toEqual({ owned: false, port: first.port });
      await joined.stop();
      expect(await selectOne(first.url)).toBe(1);

      await expect(startEmbeddedPostgres({ dataDir, database: "owned", notify: () => {} })).rejects.toBeInstanceOf(EmbeddedPostgresInUseError);
      // A server started by a one-shot command (not shared) is waited for, not joined.
      await writeFile(ownerFile, JSON.stringify({ pid: owner.pid, port: first.port, shared: false }));
      await expect(startEmbeddedPostgres({ dataDir, database: "owned", reuseRunning: true, ownerWaitMs: 500, notify: () => {} })).rejects.toBeInstanceOf(EmbeddedPostgresInUseError);
      expect(await selectOne(first.url)).toBe(1);
    } finally {
      owner.kill("SIGKILL");
      await once(owner, "exit").catch(() => {});
    }

    // The owner is gone: its server is a leftover, stopped before a new one starts.
    const second = await startEmbeddedPostgres({ dataDir, database: "owned", notify: () => {} });
    try {
      expect(second.owned).toBe(true);
      await first.exited;
      expect(await selectOne(second.url)).toBe(1);
    } finally {
      await second.stop();
    }
    expect(existsSync(ownerFile)).toBe(false);
  });

  // The embedded server moved from PostgreSQL 17 to 15 (so that Debian's pg_dump can back it
  // up): a folder an older checkout initialised must be refused as it is, never initialised over.
  it("refuses a data folder made by another major version, naming it and the way out, and leaves it untouched", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "careerwiki-pg17-"));
    cleanup.push(dir);
    await chmod(dir, 0o755); // the folder stays where it is, also as root
    const dataDir = path.join(dir, "postgres");
    await mkdir(path.join(dataDir, "base"), { recursive: true });
    await writeFile(path.join(dataDir, "PG_VERSION"), "17\n");
    await writeFile(path.join(dataDir, "base", "marker"), "rows of the old cluster");

    const failure = await startEmbeddedPostgres({ dataDir, database: "careerwiki", notify: () => {} }).then(
      async (server) => {
        await server.stop();
        return "started";
      },
      (error: Error) => error.message,
    );
    expect(failure).toContain(`The embedded database in ${dataDir} was made by PostgreSQL 17, and this version runs PostgreSQL 15`);
    expect(failure).toMatch(/left untouched.*Move it aside.*cold copy.*pg_dump/);
    expect(failure).not.toContain("\n");
    expect(await readFile(path.join(dataDir, "PG_VERSION"), "utf8")).toBe("17\n");
    expect((await readdir(dataDir)).sort()).toEqual(["PG_VERSION", "base"]);
    expect(existsSync(`${dataDir}.owner.json`)).toBe(false);
  });
});
