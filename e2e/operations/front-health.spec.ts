import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startTestCluster, type TestCluster } from "../../tests/support/e2e/cluster";
import { E2E_EXTRA_OCCUPATIONS } from "../../tests/support/e2e/e2e-datasets";
import { callServerAction, findServerAction, formData, listServerActions } from "../../tests/support/e2e/server-actions";
import { startTcpProxy, type TcpProxy } from "../../tests/support/e2e/tcp-proxy";
import { seedUser } from "../../tests/support/seed-users";

// The front's active health check (scripts/lib/instance-health.ts), as start:cluster runs it:
// two instances behind nginx, instance B reaching PostgreSQL through a TCP proxy this spec cuts.
// B keeps accepting connections with its database gone, so nginx's passive check alone would
// send it every other write; the watcher asks GET /api/health, marks B down in the upstream file
// and reloads nginx, and puts B back once its database answers again.

const occupation = E2E_EXTRA_OCCUPATIONS.find((o) => o.code === "99-0601.00")!;
/** Rendered per request: every GET of it reaches an instance. */
const UNCACHED = "/search?q=courier";

let cluster: TestCluster;
let proxy: TcpProxy;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const postgres = new URL(process.env.E2E_DATABASE_URL!);
  proxy = await startTcpProxy({ host: postgres.hostname, port: Number(postgres.port || 5432) });
  cluster = await startTestCluster("health", {
    healthIntervalMs: 300,
    instanceDatabaseUrl: (index, url) => {
      if (index !== 1) return url;
      const viaProxy = new URL(url);
      viaProxy.host = `127.0.0.1:${proxy.port}`;
      return viaProxy.toString();
    },
  });
});

test.afterAll(async () => {
  await cluster?.stop();
  await proxy?.stop();
});

/** The instances that answered requests logged after `fromLine` of the front's access log (its last field). */
async function instancesThatAnswered(fromLine: number): Promise<{ lines: number; addresses: Set<string> }> {
  const log = (await readFile(path.join(cluster.front.dir, "logs", "access.log"), "utf8")).trim().split("\n");
  const addresses = new Set(log.slice(fromLine).map((line) => line.split(" ").at(-1)!).filter((address) => address !== "-"));
  return { lines: log.length, addresses };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("an instance whose database is away is taken out of the front and every write goes to the other; it comes back when its database does", async () => {
  test.setTimeout(90_000);
  const [instanceA, instanceB] = cluster.instances.map((instance) => new URL(instance.baseUrl).host);
  const contributor = await seedUser({ databaseUrl: cluster.databaseUrl, baseUrl: cluster.frontUrl });
  const submit = (round: number) =>
    callServerAction({
      baseUrl: cluster.frontUrl,
      action: findServerAction(listServerActions(".next-e2e"), "app/(contributor)/contribute/actions.ts", "submitCorrectionAction"),
      args: [null, formData({ occupationCode: occupation.code, field: "DESCRIPTION", operation: "CHANGE", proposedValue: `Keep writing while one instance has lost its database (round ${round}).`, rationale: "The front sends writes to the healthy instance.", baseRevisionNumber: "0" })],
      cookie: `${contributor.cookie.name}=${contributor.cookie.value}`,
    });

  // Both serve: requests through the front reach both.
  const start = await instancesThatAnswered(0);
  for (let i = 0; i < 12; i++) expect((await fetch(`${cluster.frontUrl}${UNCACHED}`)).status).toBe(200);
  await sleep(1_500); // the access log is flushed every second
  expect((await instancesThatAnswered(start.lines)).addresses).toEqual(new Set([instanceA, instanceB]));

  // B loses its database: its health check answers 503, the watcher takes it out.
  await proxy.cut();
  expect((await fetch(`http://${instanceB}/api/health`)).status).toBe(503);
  await expect.poll(() => cluster.health.down(), { timeout: 10_000 }).toEqual(new Set([instanceB]));
  expect(await readFile(cluster.front.upstreamFile, "utf8")).toContain(`server ${instanceB} max_fails=2 fail_timeout=5s down;`);
  expect(cluster.healthLog).toContain(`front health: ${instanceB} failed 2 checks of /api/health in a row: taken out of the front`);
  await sleep(1_000); // nginx's new workers take over from the old ones
  const whileOut = await instancesThatAnswered(0);
  for (let round = 0; round < 8; round++) expect((await submit(round)).value, `write ${round}`).toMatchObject({ ok: true });
  for (let i = 0; i < 8; i++) expect((await fetch(`${cluster.frontUrl}${UNCACHED}`)).status).toBe(200);
  await sleep(1_500);
  expect((await instancesThatAnswered(whileOut.lines)).addresses).toEqual(new Set([instanceA]));

  // Its database is back: two passed checks put it back in the front.
  await proxy.restore();
  await expect.poll(() => cluster.health.down().size, { timeout: 10_000 }).toBe(0);
  expect(await readFile(cluster.front.upstreamFile, "utf8")).not.toContain(" down;");
  expect(cluster.healthLog).toContain(`front health: ${instanceB} passes /api/health again: back in the front`);
  await sleep(1_000);
  const back = await instancesThatAnswered(0);
  for (let i = 0; i < 12; i++) expect((await fetch(`${cluster.frontUrl}${UNCACHED}`)).status).toBe(200);
  await sleep(1_500);
  expect((await instancesThatAnswered(back.lines)).addresses).toContain(instanceB);
});
