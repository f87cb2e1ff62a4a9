import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

export interface E2eApp {
  baseUrl: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * The app as the e2e suite runs it (scripts/e2e-server.ts: the `.next-e2e` build, built first
 * when missing, on the fixture datasets), started as Playwright starts it and stopped with SIGTERM.
 */
export async function startE2eApp(): Promise<E2eApp> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/e2e-server.ts"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: ".next-e2e" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  const values = new Map<string, string>();
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<boolean>((resolve) => {
    lines.on("line", (line) => {
      const match = /^(E2E_\w+)=(.*)$/.exec(line);
      if (match) values.set(match[1]!, match[2]!);
      else if (line === "e2e server ready") resolve(true);
      else console.log(line);
    });
    child.once("close", () => resolve(false));
  });
  if (!ready) throw new Error("scripts/e2e-server.ts stopped before it was ready");
  return {
    baseUrl: values.get("E2E_BASE_URL")!,
    databaseUrl: values.get("E2E_DATABASE_URL")!,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
