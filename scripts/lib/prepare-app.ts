import { existsSync } from "node:fs";
import path from "node:path";
import { revalidateAllPages } from "@/lib/cache/revalidate-all-pages";
import { ALLOW_EMPTY_SITE_ENV, DATA_DIR_LAYOUT, findStartDataDir } from "@/lib/datasets/data-dir";
import { runImport } from "@/lib/datasets/run-import";
import { countOccupations } from "@/lib/db/count-occupations";
import { checkDatabaseUrl, redactDatabaseUrl } from "@/lib/db/database-url";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { LOCAL_CLUSTER_DIR, LOCAL_DATABASE, OTHER_COMMAND_WAIT_MS } from "@/lib/db/local-database";
import { migrateDatabase } from "@/lib/db/migrate";
import { OperatorError } from "@/lib/db/operator-error";
import { withForwardedHeadersPreload } from "@/lib/security/forwarded-headers.cjs";
import { describeProductionSecretProblems } from "@/lib/security/production-secrets.cjs";
import { ensureAuthSecret } from "./auth-secret";
import { claimStartLock } from "./start-lock";

// What `npm start` and `npm run start:cluster` do before serving, in one place.

/**
 * With NODE_ENV=production, a placeholder or short AUTH_SECRET / CACHE_REFRESH_SECRET from the
 * environment stops the start before anything is started (lib/security/production-secrets.cjs;
 * `next start` itself refuses the same through its preload).
 */
export function checkProductionSecrets(env: NodeJS.ProcessEnv = process.env) {
  const problems = describeProductionSecretProblems(env);
  if (problems) throw new OperatorError(problems);
}

/**
 * One start per folder, `npm start`'s and `start:cluster`'s alike (they serve .next from the
 * same database): when another runs here, say where and exit with `exitCode`. Returns the
 * lock's release.
 */
export async function claimStartOrExit(appUrl: string, exitCode: number): Promise<() => void> {
  const lock = await claimStartLock(appUrl);
  if (!lock.held) return lock.release;
  console.error(`Careerwiki is already running in this folder: ${lock.by.url} (process ${lock.by.pid}). Stop that one first (Ctrl-C in its terminal, or kill ${lock.by.pid}).`);
  process.exit(exitCode);
}

/**
 * The embedded PostgreSQL a start serves from (.data/postgres), in a process group of its own
 * and recorded as shared, so operator commands join it; `port` to start it again where the app expects it.
 */
export function startLocalEmbeddedPostgres(port?: number): Promise<EmbeddedPostgres> {
  return startEmbeddedPostgres({ dataDir: LOCAL_CLUSTER_DIR, database: LOCAL_DATABASE, shared: true, detached: true, ...(port === undefined ? { ownerWaitMs: OTHER_COMMAND_WAIT_MS } : { port }) });
}

/** The database a start serves from: DATABASE_URL (checked: an OperatorError says what is wrong with it), else the embedded one, started here (`embedded`, to watch and stop). */
export async function openServedDatabase(): Promise<{ url: string; embedded: EmbeddedPostgres | null }> {
  if (process.env.DATABASE_URL) {
    const url = await checkDatabaseUrl(process.env.DATABASE_URL);
    console.log("Database: DATABASE_URL");
    return { url, embedded: null };
  }
  const embedded = await startLocalEmbeddedPostgres();
  console.log(`Database: embedded PostgreSQL (${redactDatabaseUrl(embedded.url)})`);
  return { url: embedded.url, embedded };
}

/**
 * Migrations applied, then the official datasets imported when the database has no occupations
 * yet, from DATA_DIR or ../shared/datasets. With neither holding a dataset, an OperatorError
 * (saying where it looked and the layout expected), unless ALLOW_EMPTY_SITE=1.
 */
export async function prepareDatabase(databaseUrl: string, { signal, stopping }: { signal: AbortSignal; stopping: () => boolean }) {
  await migrateDatabase(databaseUrl, { signal });
  console.log("Migrations applied.");
  if (stopping() || (await countOccupations(databaseUrl)) > 0) return;
  const found = await findStartDataDir();
  if (found.dir === null) {
    const looked = `looked in ${found.looked.join("; ")}`;
    if (process.env[ALLOW_EMPTY_SITE_ENV] === "1") {
      console.warn(`No occupations yet and no data folder (${looked}): serving a site with no careers, as ${ALLOW_EMPTY_SITE_ENV}=1 asks. Import later with \`npm run data:import -- --dir PATH\`.`);
      return;
    }
    throw new OperatorError(
      `No occupations in the database and no data folder to import them from (${looked}). Expected ${DATA_DIR_LAYOUT}. Set DATA_DIR=PATH to import from it, or ${ALLOW_EMPTY_SITE_ENV}=1 to serve a site with no careers.`,
    );
  }
  const dir = found.dir;
  console.log(`No occupations yet: importing the official datasets from ${dir}`);
  const { report, failed, seconds } = await runImport({ databaseUrl, dir });
  report.printSummary(seconds);
  for (const error of failed) console.error(`error: ${error.message}`);
  if (report.rowsChanged > 0) await revalidateAllPages();
}

/** The environment of a `next start` (and of `next build`) serving the site at `appUrl`. */
export async function appServerEnv(databaseUrl: string, appUrl: string): Promise<NodeJS.ProcessEnv> {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: process.env.AUTH_SECRET ?? (await ensureAuthSecret()),
    // One site address for links and origin checks (SITE_URL, else AUTH_URL, else this port on
    // localhost), never a request header; Auth.js reads it as AUTH_URL. The preload keeps
    // client-sent X-Forwarded-* headers from deciding anything (lib/security/forwarded-headers.cjs).
    AUTH_URL: appUrl,
    NODE_OPTIONS: withForwardedHeadersPreload(process.env.NODE_OPTIONS),
  };
}

/** Whether `next build` has made the production build `next start` serves. */
export function hasProductionBuild(): boolean {
  return existsSync(path.join(".next", "BUILD_ID"));
}
