// Every operator command that takes arguments, given an option it does not know: the usage line
// and exit 2, never a TypeError stack (ERR_PARSE_ARGS_UNKNOWN_OPTION). The commands refuse
// before they open a database, so this runs without one.
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
/** npm script → its file and the node flags package.json gives it. */
const COMMANDS: Record<string, { file: string; flags?: string[] }> = {
  "data:import": { file: "scripts/import.ts" },
  "start:cluster": { file: "scripts/start-cluster.ts" },
  "db:backup": { file: "scripts/db-backup.ts" },
  "db:restore": { file: "scripts/db-restore.ts" },
  "db:migration": { file: "scripts/new-migration.ts" },
  "user:role": { file: "scripts/user-role.ts", flags: ["--conditions=react-server"] },
  "front:health": { file: "scripts/front-health.ts" },
  test: { file: "scripts/test.ts" },
};

describe("an unknown option", { timeout: 60_000 }, () => {
  it("covers every command under scripts/ that reads its arguments (benchmarks aside)", () => {
    const reading = readdirSync(path.join(ROOT, "scripts"))
      .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts") && !name.endsWith("-args.ts"))
      .map((name) => `scripts/${name}`)
      .filter((file) => /process\.argv|parseArgs\(/.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(reading.sort()).toEqual(Object.values(COMMANDS).map((command) => command.file).sort());
  });

  it.each(Object.entries(COMMANDS))("npm %s -- --bogus prints the usage line and exits 2", async (script, { file, flags = [] }) => {
    const result = await promisify(execFile)(process.execPath, ["--import", "tsx", ...flags, file, "--bogus"], { cwd: ROOT, timeout: 30_000 }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^Usage: npm ${script === "test" ? "" : "run "}${script} -- `, "m"));
    expect(result.stderr).not.toMatch(/TypeError|ERR_PARSE_ARGS|\n\s+at /);
  });
});
