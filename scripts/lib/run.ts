import { spawn, type SpawnOptions } from "node:child_process";

/** Runs a command with inherited output; resolves with its exit code. */
export function run(command: string, args: readonly string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Stops `stop` once, on SIGINT/SIGTERM or normal exit paths, then exits with `code`. */
export function onShutdown(stop: () => Promise<void>) {
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    await stop().catch((error: Error) => console.error(error.message));
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}
