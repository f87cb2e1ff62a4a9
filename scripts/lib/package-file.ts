import { createRequire } from "node:module";
import path from "node:path";

// From the project root, not import.meta: Playwright loads this file as CommonJS (e2e specs
// start servers through tests/support/e2e/production-server.ts).
const require = createRequire(path.join(process.cwd(), "package.json"));

/** A file inside an installed package, found from its package.json (a CLI its `exports` does not list). */
export function packageFile(name: string, ...parts: string[]): string {
  return path.join(path.dirname(require.resolve(`${name}/package.json`)), ...parts);
}

/** Next's CLI, run with `node` itself: no shell, no node_modules/.bin shim. */
export const nextCli = packageFile("next", "dist", "bin", "next");
