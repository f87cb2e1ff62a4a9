import { spawn, type SpawnOptions } from "node:child_process";
import { constants } from "node:os";

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A child in a process group of its own: stopped as a whole, so nothing of it is left behind. */
export interface GroupProcess {
  pid: number;
  /** Resolves when the child itself exits. */
  exited: Promise<ExitStatus>;
  /** `signal` (SIGTERM) to the group, SIGKILL to what is left of it after `graceMs`; resolves once the group is gone. */
  stop(graceMs: number, signal?: NodeJS.Signals): Promise<void>;
  /** SIGKILL to the whole group at once (the last resort of a shutdown deadline). */
  kill(): void;
}

/**
 * Runs a command (output inherited) as the leader of a new process group. A terminal's
 * Ctrl-C then reaches only its supervisor, which decides the order things stop in; and
 * signalling the group also reaches the command's own children (workers), which would
 * otherwise be re-parented and keep running.
 */
export function spawnGroup(command: string, args: readonly string[], options: SpawnOptions = {}): GroupProcess {
  const child = spawn(command, args, { stdio: "inherit", ...options, detached: true });
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    child.once("error", (error) => {
      console.error(`${command}: ${error.message}`);
      resolve({ code: 127, signal: null });
    });
  });
  const pid = child.pid ?? -1;
  const signalGroup = (signal: NodeJS.Signals | 0): boolean => {
    if (pid <= 0) return false;
    try {
      process.kill(-pid, signal);
      return true;
    } catch {
      return false;
    }
  };
  const groupAlive = () => signalGroup(0);
  const waitForGroup = async (ms: number) => {
    for (const deadline = Date.now() + ms; groupAlive() && Date.now() < deadline; ) await sleep(50);
  };
  return {
    pid,
    exited,
    async stop(graceMs, signal = "SIGTERM") {
      signalGroup(signal);
      await waitForGroup(graceMs);
      if (signalGroup("SIGKILL")) await waitForGroup(1000);
      await Promise.race([exited, sleep(500)]);
    },
    kill() {
      signalGroup("SIGKILL");
    },
  };
}

/** The exit code a shell would report for this status (128 + signal number when killed). */
export function exitCodeOf({ code, signal }: ExitStatus): number {
  if (code !== null) return code;
  const number = signal ? (osSignals[signal] ?? 0) : 0;
  return 128 + number;
}

/** A supervisor's exit code after a stop signal: 130 (SIGINT), 129 (SIGHUP), else 143 (SIGTERM). */
export function exitCodeOfSignal(signal: NodeJS.Signals): number {
  return signal === "SIGINT" ? 130 : signal === "SIGHUP" ? 129 : 143;
}

/** npm passes signals on to its child, but if npm itself is killed we are re-parented: `onGone` then. */
export function watchParent(onGone: () => void) {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) onGone();
  }, 500).unref();
}

export function describeExit({ code, signal }: ExitStatus): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

export function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const osSignals = constants.signals as Partial<Record<NodeJS.Signals, number>>;
