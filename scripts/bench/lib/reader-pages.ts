import { z } from "zod";
import { startE2eApp } from "./e2e-app";

/** A page a browser bench measures: its name in the output, and its path. */
export type BenchPage = readonly [name: string, path: string];

/**
 * The pages a browser bench measures and the app that serves them. Without `baseUrl`: the e2e
 * build on the fixture datasets (started here), and the `fixturePages` named in `args` (all of
 * them when none is named). With `baseUrl` (a running site, e.g. `npm start` on the real data):
 * the paths in `args`. `baseUrlVariable` names the setting in error messages.
 */
export async function openBenchPages(fixturePages: readonly BenchPage[], args: readonly string[], baseUrl: string | undefined, baseUrlVariable: string) {
  const pages: BenchPage[] = baseUrl ? args.map((pagePath) => [pagePath, pagePath] as const) : fixturePages.filter(([name]) => args.length === 0 || args.includes(name));
  if (pages.length === 0) throw new Error(baseUrl ? `${baseUrlVariable} is set: name the paths to measure (e.g. /roles/registered-nurses).` : `No page of that name: ${fixturePages.map(([name]) => name).join(", ")}.`);
  const app = baseUrl ? { baseUrl, stop: async () => {} } : await startE2eApp();
  return { pages, app };
}

/** How many times a bench measures each page: the environment variable `name`, whole, 1 to `max`. */
export function runCount(name: string, value: string | undefined, { fallback, max }: { fallback: number; max: number }): number {
  return z.coerce
    .number<string | undefined>({ error: `${name}: a whole number of runs from 1 to ${max}` })
    .int()
    .min(1)
    .max(max)
    .default(fallback)
    .parse(value);
}
