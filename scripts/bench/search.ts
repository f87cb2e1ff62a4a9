// npm run bench:search: 1,000 varied queries (titles, alternate titles, typos, task words,
// prefixes) straight against lib/roles/search-roles on the real-data database, one after
// another after a warm-up; prints p50/p95/p99. Target (Reading issue): p95 < 10 ms.
// Then precision@1 over the hand-labelled queries of search-labelled-queries.tsv (is the
// first role the one meant?), by kind; BENCH_SHOW_MISSES=1 lists the misses.
import { readFileSync } from "node:fs";
import path from "node:path";
import { newPgClient } from "@/lib/db/pg-client";
import { openBenchDatabase } from "./lib/server";

const COUNT = 1000;
const STOP_WORDS = new Set(["and", "the", "for", "with", "from", "into", "such", "that", "other", "all", "or", "of", "to", "in", "on", "as", "by", "a", "an"]);

/** Deterministic pseudo-random numbers, so every run measures the same queries. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

/** One typo: a dropped, doubled or swapped letter in a word of four letters or more. */
function typo(text: string, next: () => number): string {
  const words = text.split(" ");
  const candidates = words.map((word, index) => [word, index] as const).filter(([word]) => word.length >= 4);
  if (candidates.length === 0) return text;
  const [word, index] = candidates[Math.floor(next() * candidates.length)]!;
  const at = 1 + Math.floor(next() * (word.length - 2));
  const kind = Math.floor(next() * 3);
  words[index] = kind === 0 ? word.slice(0, at) + word.slice(at + 1) : kind === 1 ? word.slice(0, at) + word[at] + word.slice(at) : word.slice(0, at - 1) + word[at] + word[at - 1] + word.slice(at + 1);
  return words.join(" ");
}

async function buildQueries(databaseUrl: string): Promise<{ kind: string; query: string }[]> {
  const client = newPgClient({ connectionString: databaseUrl });
  await client.connect();
  try {
    const sample = async (kind: string, n: number) =>
      (await client.query<{ text: string }>(`SELECT "text" FROM "RoleSearchTerm" WHERE "kind" = $1 ORDER BY md5("text") LIMIT $2`, [kind, n])).rows.map((r) => r.text);
    const titles = await sample("TITLE", 250);
    const alternates = await sample("ALTERNATE", 250);
    const tasks = await sample("TASK", 250);
    const next = random(42);
    const queries: { kind: string; query: string }[] = [];
    for (const title of titles.slice(0, 200)) queries.push({ kind: "title", query: title });
    for (const title of alternates.slice(0, 200)) queries.push({ kind: "alternate title", query: title });
    for (const title of [...titles.slice(200), ...alternates.slice(200, 250), ...titles.slice(0, 100), ...alternates.slice(0, 50)]) queries.push({ kind: "typo", query: typo(title, next) });
    for (const task of tasks.slice(0, 200)) {
      const words = task.toLowerCase().match(/[a-z]{4,}/g)?.filter((w) => !STOP_WORDS.has(w)) ?? ["work"];
      const start = Math.floor(next() * Math.max(1, words.length - 1));
      queries.push({ kind: "task words", query: words.slice(start, start + 1 + Math.floor(next() * 2)).join(" ") });
    }
    for (const title of [...titles, ...alternates].slice(0, 200)) {
      const cut = 2 + Math.floor(next() * Math.max(1, Math.min(10, title.length - 2)));
      queries.push({ kind: "prefix (typing)", query: title.slice(0, cut).trim() || title });
    }
    return queries.slice(0, COUNT);
  } finally {
    await client.end();
  }
}

interface LabelledQuery {
  query: string;
  code: string;
  kind: string;
}

/** The labelled set: tab-separated query, expected O*NET-SOC code, kind; `#` lines and the header skipped. */
function readLabelledQueries(): LabelledQuery[] {
  const lines = readFileSync(path.join(import.meta.dirname, "search-labelled-queries.tsv"), "utf8").split("\n");
  return lines
    .filter((line) => line.trim() !== "" && !line.startsWith("#") && !line.startsWith("query\t"))
    .map((line) => {
      const [query, code, kind] = line.split("\t");
      if (!query || !code || !kind) throw new Error(`search-labelled-queries.tsv: not query<TAB>code<TAB>kind: ${JSON.stringify(line)}`);
      return { query, code, kind };
    });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  const database = await openBenchDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    const { searchRoles } = await import("@/lib/roles/search-roles");
    const queries = await buildQueries(database.url);
    for (const { query } of queries.slice(0, 50)) await searchRoles({ query, limit: 20 }); // warm-up: pool, plans, caches
    const times: { kind: string; ms: number; found: number }[] = [];
    for (const { kind, query } of queries) {
      const started = performance.now();
      const results = await searchRoles({ query, limit: 20 });
      times.push({ kind, ms: performance.now() - started, found: results.length });
    }
    const report = (label: string, rows: typeof times) => {
      const ms = rows.map((r) => r.ms).sort((a, b) => a - b);
      const f = (value: number) => `${value.toFixed(2)} ms`.padStart(10);
      const hit = rows.filter((r) => r.found > 0).length;
      console.log(`${label.padEnd(18)} ${String(rows.length).padStart(5)} ${f(percentile(ms, 50))} ${f(percentile(ms, 95))} ${f(percentile(ms, 99))} ${f(ms.at(-1)!)}   ${((hit / rows.length) * 100).toFixed(0)} % found something`);
    };
    console.log(`\nsearchRoles, ${times.length} queries one after another (limit 20):\n`);
    console.log(`${"".padEnd(18)} ${"n".padStart(5)} ${"p50".padStart(10)} ${"p95".padStart(10)} ${"p99".padStart(10)} ${"max".padStart(10)}`);
    for (const kind of [...new Set(times.map((t) => t.kind))]) report(kind, times.filter((t) => t.kind === kind));
    report("all", times);
    const p95 = percentile(times.map((t) => t.ms).sort((a, b) => a - b), 95);
    console.log(`\np95 ${p95.toFixed(2)} ms (target < 10 ms: ${p95 < 10 ? "met" : "NOT met"})`);

    const labelled = readLabelledQueries();
    const outcomes: { kind: string; hit: boolean; ms: number; line: string }[] = [];
    for (const { query, code, kind } of labelled) {
      const started = performance.now();
      const [first] = await searchRoles({ query, limit: 20 });
      const ms = performance.now() - started;
      outcomes.push({ kind, hit: first?.code === code, ms, line: `  ${kind.padEnd(8)} ${JSON.stringify(query).padEnd(28)} expected ${code}, got ${first ? `${first.code} ${first.title}` : "nothing"}` });
    }
    const precision = (rows: typeof outcomes) => `${((rows.filter((r) => r.hit).length / rows.length) * 100).toFixed(1)} %`.padStart(8);
    console.log(`\nprecision@1 over ${labelled.length} labelled queries (scripts/bench/search-labelled-queries.tsv):\n`);
    for (const kind of [...new Set(outcomes.map((o) => o.kind))]) {
      const rows = outcomes.filter((o) => o.kind === kind);
      console.log(`${kind.padEnd(18)} ${String(rows.length).padStart(5)} ${precision(rows)}`);
    }
    console.log(`${"all".padEnd(18)} ${String(outcomes.length).padStart(5)} ${precision(outcomes)}   p95 ${percentile(outcomes.map((o) => o.ms).sort((a, b) => a - b), 95).toFixed(2)} ms`);
    if (process.env.BENCH_SHOW_MISSES === "1") console.log(`\nmisses:\n${outcomes.filter((o) => !o.hit).map((o) => o.line).join("\n")}`);
    const { prisma } = await import("@/lib/db/prisma");
    await prisma.$disconnect();
  } finally {
    await database.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
