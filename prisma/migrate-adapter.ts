// The driver adapter the prisma CLI uses for its wasm schema engine (prisma.config.ts only;
// the app's own client is the plain adapter in lib/db/prisma.ts). Prisma 7's CLI needs a
// native engine that cannot be downloaded here, so we run Prisma 6.19 with `engine: "js"`
// and work around three upstream problems of that path (see README, "Database"):
//   1. adapter-pg cannot decode the catalog's "char" (oid 18) and name (oid 19) columns
//      (prisma/orm#27403): read them as text, in this adapter only.
//   2. With a connection string the shadow database of `migrate dev` is the main one, and
//      the stock teardown cannot drop it while its pool is open: pass discrete fields and
//      create/drop the shadow database ourselves.
//   3. Idle pool clients keep the CLI alive for seconds after it is done: allowExitOnIdle.
//   4. adapter-pg's executeScript cuts a migration at every semicolon, a function body's too:
//      run it statement by statement as split-sql-script.ts cuts it.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
// @ts-expect-error pg ships no types for its internal Result module
import PgResult from "pg/lib/result.js";
import { splitSqlScript } from "./split-sql-script";

const TEXT_OID = 25;
const CATALOG_OIDS_READ_AS_TEXT = new Set([18, 19]);

// adapter-pg maps every result column's type oid to a Prisma column type and throws on
// 18/19, so the oid itself must read as text before the adapter sees it. This module is
// loaded only by the prisma CLI process, so patching pg's Result class here is contained.
const resultPrototype = (PgResult as unknown as { prototype: { addFields(fields: { dataTypeID: number }[]): void } }).prototype;
const originalAddFields = resultPrototype.addFields;
resultPrototype.addFields = function addFieldsReadingCatalogTypesAsText(fields) {
  for (const field of fields) if (CATALOG_OIDS_READ_AS_TEXT.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  originalAddFields.call(this, fields);
};

function poolConfigFromUrl(databaseUrl: string, database?: string): pg.PoolConfig {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: database ?? decodeURIComponent(url.pathname.slice(1)),
    allowExitOnIdle: true,
  };
}

type MigrateAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

function runningWholeStatements(adapter: MigrateAdapter): MigrateAdapter {
  adapter.executeScript = async (script) => {
    for (const statement of splitSqlScript(script)) await adapter.executeRaw({ sql: statement, args: [], argTypes: [] });
  };
  return adapter;
}

class MigrateAdapterFactory extends PrismaPg {
  constructor(private readonly databaseUrl: string) {
    super(poolConfigFromUrl(databaseUrl));
  }

  override async connect() {
    return runningWholeStatements(await super.connect());
  }

  override async connectToShadowDb() {
    const shadowName = `prisma_migrate_shadow_${process.pid}_${Date.now()}`;
    const admin = new pg.Client(poolConfigFromUrl(this.databaseUrl));
    await admin.connect();
    await admin.query(`CREATE DATABASE "${shadowName}"`);
    await admin.end();
    const shadow = new PrismaPg(poolConfigFromUrl(this.databaseUrl, shadowName));
    const adapter = runningWholeStatements(await shadow.connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      const dropper = new pg.Client(poolConfigFromUrl(this.databaseUrl));
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
      await dropper.end();
    };
    return adapter;
  }
}

export function createMigrateAdapter(databaseUrl: string) {
  return new MigrateAdapterFactory(databaseUrl);
}
