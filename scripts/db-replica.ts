// npm run db:replica: a PostgreSQL streaming replica of the database (DATABASE_URL, else the
// embedded one of `npm start`), on a free port of this machine, until Ctrl-C. Prints the
// DATABASE_REPLICA_URL to give the app instances (lib/db/prisma.ts): their reads outside a
// transaction then go to it. A trial of deploy/SCALING.md's replicas on one machine; on real
// servers the standby is made the same way (pg_basebackup -R) on its own machine.
import { startStreamingReplica } from "@/lib/db/streaming-replica";
import { openLocalDatabase } from "@/lib/db/local-database";
import { onShutdown } from "./lib/run";

async function main() {
  const database = await openLocalDatabase();
  let stopReplica = async () => {};
  onShutdown(async () => {
    await stopReplica();
    await database.stop();
  });
  console.log(`Making a streaming replica of the ${database.kind === "external" ? "DATABASE_URL" : "embedded"} database (pg_basebackup)…`);
  const replica = await startStreamingReplica(database.url);
  stopReplica = replica.stop;
  console.log(`Replica streaming, data in ${replica.dataDir} (removed on stop).\nDATABASE_REPLICA_URL=${replica.url}\nCtrl-C stops it.`);
  await new Promise(() => {});
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
