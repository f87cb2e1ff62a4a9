import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { newPgClient, newPgPool } from "./pg-client";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
/** What `npm start`, the import and the operator commands run. */
const COMMAND_CODE = ["scripts", "lib/db", "lib/datasets"];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.(ts|mts|cts)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [file] : [];
  });
}

describe("pg clients of the commands", () => {
  it("are all made by newPgClient/newPgPool, which listen for 'error'", () => {
    const offenders = COMMAND_CODE.flatMap(sourceFiles).filter(
      (file) => file !== path.join("lib", "db", "pg-client.ts") && /new\s+(pg\.)?(Client|Pool)\s*\(/.test(readFileSync(path.join(ROOT, file), "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("turn a lost connection into nothing worse than a failed query (no unhandled 'error' event)", () => {
    const client = newPgClient({ connectionString: "postgresql://nobody@127.0.0.1:1/none" });
    expect(() => client.emit("error", new Error("Connection terminated unexpectedly"))).not.toThrow();
    const pool = newPgPool({ connectionString: "postgresql://nobody@127.0.0.1:1/none" });
    expect(() => pool.emit("error", new Error("terminating connection due to administrator command"))).not.toThrow();
    const pooled = newPgClient({});
    pool.emit("connect", pooled);
    expect(pooled.listenerCount("error")).toBe(2);
  });
});
