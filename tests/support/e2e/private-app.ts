import { createE2eDatabase } from "./e2e-datasets";
import { startProductionServer, type RunningServer } from "./production-server";
import { databaseUrl, dropDatabase } from "../test-server";

export interface PrivateApp extends RunningServer {
  databaseUrl: string;
}

/**
 * For e2e specs that need a cold cache, count the files Next writes, or revalidate every page:
 * `next start` of a private copy of the e2e build (`.next-e2e`) against a database of its own
 * with the e2e fixtures, on the suite's PostgreSQL server. Nothing it does reaches the pages,
 * cache or database the other specs use; `stop()` removes the copy and drops the database.
 */
export async function startPrivateApp(name: string): Promise<PrivateApp> {
  const adminUrl = databaseUrl(process.env.E2E_DATABASE_URL!, "postgres");
  const database = `careerwiki_e2e_${name}`;
  const url = await createE2eDatabase(adminUrl, database);
  const server = await startProductionServer(url, {
    distDir: ".next-e2e",
    isolated: true,
    env: { SUBMISSIONS_PER_HOUR: "10000", RATE_LIMIT_SIGNIN_PER_IP_PER_HOUR: "10000" },
  });
  return {
    ...server,
    databaseUrl: url,
    async stop() {
      await server.stop();
      await dropDatabase(adminUrl, database);
    },
  };
}
