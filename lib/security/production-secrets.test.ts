import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { describeProductionSecretProblems, PRODUCTION_SECRETS, productionSecretProblems } from "./production-secrets.cjs";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const PRELOAD = path.join(ROOT, "lib", "security", "forwarded-headers.preload.cjs");
/** The secrets deploy/systemd/careerwiki.env.example ships, as an operator who copied it would have them. */
const EXAMPLE_SECRETS = Object.fromEntries(
  readFileSync(path.join(ROOT, "deploy", "systemd", "careerwiki.env.example"), "utf8")
    .split("\n")
    .map((line) => /^([A-Z_]*SECRET)=(.*)$/.exec(line.trim()))
    .filter((match) => match !== null)
    .map((match) => [match[1]!, match[2]!]),
);
const strong = () => randomBytes(32).toString("base64");

async function run(args: string[], env: Record<string, string>) {
  const { AUTH_SECRET: _a, CACHE_REFRESH_SECRET: _c, NODE_ENV: _n, DATABASE_URL: _d, ...inherited } = process.env;
  return promisify(execFile)(process.execPath, args, { cwd: ROOT, env: { ...inherited, ...env } as NodeJS.ProcessEnv, timeout: 30_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

describe("production secrets", () => {
  it("the example env file's secrets are all checked", () => {
    expect(Object.keys(EXAMPLE_SECRETS).sort()).toEqual([...PRODUCTION_SECRETS].sort());
  });

  it.each(Object.entries(EXAMPLE_SECRETS))("refuses %s left at the example's %j in production", (name, value) => {
    expect(productionSecretProblems({ NODE_ENV: "production", [name]: value })).toEqual([`${name} is the example placeholder "${value}"`]);
  });

  it("refuses a secret shorter than 32 characters in production, and says how to make one", () => {
    const message = describeProductionSecretProblems({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(31), CACHE_REFRESH_SECRET: strong() });
    expect(message).toBe(
      "Refusing to start in production (NODE_ENV=production): AUTH_SECRET is 31 characters long, fewer than 32. Make each secret with `openssl rand -base64 32` and set it in the environment (on a server, /etc/careerwiki/careerwiki.env; CACHE_REFRESH_SECRET also in /etc/careerwiki/front-refresh.map).",
    );
  });

  it("accepts `openssl rand -base64 32` and `openssl rand -hex 24` secrets, and anything outside production (the e2e and bench servers' fixed secrets)", () => {
    expect(productionSecretProblems({ NODE_ENV: "production", AUTH_SECRET: strong(), CACHE_REFRESH_SECRET: randomBytes(24).toString("hex") })).toEqual([]);
    expect(productionSecretProblems({ NODE_ENV: "production" })).toEqual([]);
    for (const AUTH_SECRET of ["e2e-secret-not-for-production", "bench-secret-not-for-production", "change-me"]) {
      expect(productionSecretProblems({ AUTH_SECRET })).toEqual([]);
      expect(productionSecretProblems({ NODE_ENV: "test", AUTH_SECRET })).toEqual([]);
    }
  });

  it("next start's preload refuses the example's secrets with NODE_ENV=production in one line, exit 1, and lets a strong one through", { timeout: 30_000 }, async () => {
    const serve = ["--require", PRELOAD, "-e", "console.log('serving')"];
    const refused = await run(serve, { NODE_ENV: "production", ...EXAMPLE_SECRETS });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^Refusing to start in production .*AUTH_SECRET is the example placeholder "change-me"; CACHE_REFRESH_SECRET is the example placeholder "change-me-too"\. Make each secret with `openssl rand -base64 32`/)]);
    const served = await run(serve, { NODE_ENV: "production", AUTH_SECRET: strong(), CACHE_REFRESH_SECRET: strong() });
    expect(served).toMatchObject({ code: 0, stdout: "serving\n" });
  });

  it("npm start refuses them before it starts anything", { timeout: 30_000 }, async () => {
    const refused = await run(["--import", "tsx", "scripts/start.ts"], { NODE_ENV: "production", ...EXAMPLE_SECRETS, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Refusing to start in production .*openssl rand -base64 32/);
    expect(refused.stdout).toBe("");
  });
});
