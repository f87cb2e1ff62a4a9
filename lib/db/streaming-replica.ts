import { execFile, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { newPgClient } from "./pg-client";
import { findFreePort } from "./find-free-port";
import { DEBIAN_POSTGRES_LIB, serverMajorVersion } from "./postgres-client-tools";

export interface StreamingReplica {
  /** `primaryUrl` with the replica's port: the same database, user and password, read-only. */
  url: string;
  /** The replica's data folder (a temporary folder, removed on stop). */
  dataDir: string;
  stop(): Promise<void>;
}

/** As root, PostgreSQL runs as this user (as the embedded server does). */
const POSTGRES_USER = "postgres";

/**
 * A PostgreSQL streaming replica of the server of `primaryUrl`, on this machine: a base backup
 * (`pg_basebackup -R -X stream`, which also writes the standby's `primary_conninfo`) into a
 * temporary folder, then `postgres` on a free port of 127.0.0.1 as a hot standby that replays
 * the primary's WAL as it is written. Uses Debian's server binaries of the primary's major
 * version (`apt-get install postgresql-<major>`); the primary must accept replication
 * connections from 127.0.0.1 for its user (initdb's default pg_hba.conf does, and
 * `max_wal_senders` is 10 by default). Resolves once the replica answers in recovery.
 */
export async function startStreamingReplica(primaryUrl: string): Promise<StreamingReplica> {
  const major = await serverMajorVersion(primaryUrl);
  const bin = path.join(DEBIAN_POSTGRES_LIB, String(major), "bin");
  for (const tool of ["pg_basebackup", "postgres"]) {
    if (!existsSync(path.join(bin, tool))) throw new Error(`No ${tool} for PostgreSQL ${major} in ${bin}: install the server package (Debian/Ubuntu: apt-get install postgresql-${major}).`);
  }
  const root = await mkdtemp(path.join(os.tmpdir(), "careerwiki-replica-"));
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot ? { uid: Number(execFileSync("id", ["-u", POSTGRES_USER], { encoding: "utf8" })), gid: Number(execFileSync("id", ["-g", POSTGRES_USER], { encoding: "utf8" })) } : {};
  if (asRoot) await chown(root, ids.uid!, ids.gid!);
  const dataDir = path.join(root, "data");
  const port = await findFreePort();
  const url = new URL(primaryUrl);
  url.port = String(port);
  let server: ReturnType<typeof spawn> | null = null;
  const stop = async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      server.kill("SIGINT"); // fast shutdown
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      server.kill("SIGKILL");
    }
    await rm(root, { recursive: true, force: true });
  };
  try {
    const primary = new URL(primaryUrl);
    await promisify(execFile)(
      path.join(bin, "pg_basebackup"),
      ["-d", `host=${primary.hostname} port=${primary.port || 5432} user=${decodeURIComponent(primary.username)} password=${decodeURIComponent(primary.password)}`, "-D", dataDir, "-R", "-X", "stream", "-c", "fast"],
      { ...ids, timeout: 300_000 },
    );
    const log: string[] = [];
    server = spawn(path.join(bin, "postgres"), ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=${root}`, "-c", "hot_standby=on"], {
      ...ids,
      stdio: ["ignore", "ignore", "pipe"],
    });
    server.stderr!.on("data", (chunk: Buffer) => log.push(chunk.toString()));
    await waitUntilReplaying(url.href, () => server!.exitCode === null, log);
    return { url: url.href, dataDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitUntilReplaying(url: string, running: () => boolean, log: string[]) {
  for (const deadline = Date.now() + 60_000; ; await new Promise((resolve) => setTimeout(resolve, 200))) {
    const client = newPgClient({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      const { rows } = await client.query<{ standby: boolean }>("SELECT pg_is_in_recovery() AS standby");
      if (rows[0]?.standby) return;
      throw new Error("the server answers but is not a standby");
    } catch (error) {
      if (!running()) throw new Error(`the replica exited: ${log.join("").trim().split("\n").slice(-5).join(" | ")}`);
      if (Date.now() > deadline) throw new Error(`the replica did not answer within 60 s (${(error as Error).message})`);
    } finally {
      await client.end().catch(() => {});
    }
  }
}
