import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { findFreePort } from "@/lib/db/embedded-postgres";
import { openLocalDatabase, type DatabaseHandle } from "@/lib/db/local-database";
import { migrateDatabase } from "@/lib/db/migrate";
import { countOccupations } from "@/lib/db/count-occupations";
import { run } from "../../lib/run";

const require = createRequire(import.meta.url);
const nextCli = path.join(path.dirname(require.resolve("next/package.json")), "dist", "bin", "next");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

/** The real-data database (DATABASE_URL, else the embedded one), migrated and checked to hold the import. */
export async function openBenchDatabase(): Promise<DatabaseHandle> {
  const database = await openLocalDatabase();
  await migrateDatabase(database.url);
  const occupations = await countOccupations(database.url);
  if (occupations === 0) {
    await database.stop();
    throw new Error("The database has no occupations: run `npm run data:import` first (benchmarks use the real data).");
  }
  console.log(`Database: ${database.kind === "embedded" ? "embedded PostgreSQL" : "DATABASE_URL"} (${occupations} occupations)`);
  return database;
}

/** `next build` when .next has no build yet. */
export async function buildIfNeeded() {
  if (existsSync(path.join(".next", "BUILD_ID"))) return;
  console.log("No production build yet: running `next build`.");
  const code = await run(process.execPath, [nextCli, "build"], { env });
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
}

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/** `next start` on a free port against `databaseUrl`; resolves once it answers. */
export async function startProductionServer(databaseUrl: string): Promise<RunningServer> {
  const port = await findFreePort();
  const child: ChildProcess = spawn(process.execPath, [nextCli, "start", "--port", String(port), "--hostname", "localhost"], {
    env: { ...env, DATABASE_URL: databaseUrl, AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-not-for-production", AUTH_TRUST_HOST: "true" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseUrl = `http://localhost:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("close", () => resolve());
      child.kill("SIGTERM");
    });
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      const response = await fetch(`${baseUrl}/robots.txt`);
      if (response.ok) return { baseUrl, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`next start did not answer on ${baseUrl} within 60 s`);
}
