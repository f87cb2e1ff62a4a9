import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { OperatorError } from "@/lib/db/operator-error";

/** Child processes to pass SIGINT/SIGTERM on to before shutting down. */
const children = new Set<ChildProcess>();

/** Runs a command with inherited output; resolves with its exit code. */
export function run(command: string, args: readonly string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    children.add(child);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/**
 * On SIGINT/SIGTERM: pass the signal to running children, wait for them, run `stop`
 * (e.g. stop the embedded PostgreSQL), then exit.
 */
export function onShutdown(stop: () => Promise<void>) {
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    await Promise.all(
      [...children].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once("close", () => resolve());
            child.kill(signal);
          }),
      ),
    );
    await stop().catch((error: Error) => console.error(error.message));
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

/** What a command prints when it fails: an operator's mistake (OperatorError) as its one-line message, a bug with its stack. */
export function describeFailure(error: unknown): string {
  if (error instanceof OperatorError) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** A command's last word on failure: `describeFailure`, exit 1. */
export function exitOnFailure(error: unknown): never {
  console.error(describeFailure(error));
  process.exit(1);
}
