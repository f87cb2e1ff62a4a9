import type { TestProject } from "vitest/node";
import { createMigratedDatabase, dropDatabase, realDataTemplateName, startTestServer } from "../test-server";

declare module "vitest" {
  export interface ProvidedContext {
    testAdminUrl: string;
    templateDatabase: string;
  }
}

const TEMPLATE = `careerwiki_test_template_${process.pid}`;

/** Once per `vitest run`: a test server and a migrated template every test database copies. */
export default async function setup(project: TestProject) {
  const server = await startTestServer("test-postgres");
  await createMigratedDatabase(server.adminUrl, TEMPLATE);
  project.provide("testAdminUrl", server.adminUrl);
  project.provide("templateDatabase", TEMPLATE);
  return async () => {
    await dropDatabase(server.adminUrl, realDataTemplateName(TEMPLATE));
    await dropDatabase(server.adminUrl, TEMPLATE);
    await server.stop();
  };
}
