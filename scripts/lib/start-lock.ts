import { readFileSync, rmSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { isAlive } from "@/lib/db/embedded-postgres";
import { LOCAL_DATA_DIR } from "@/lib/db/local-database";

/** Where a running `npm start` records itself: its pid and the URL it serves. */
export const START_LOCK_FILE = path.join(LOCAL_DATA_DIR, "start.json");

export interface RunningApp {
  pid: number;
  url: string;
}

export type StartLock = { held: false; release(): void } | { held: true; by: RunningApp };

/**
 * One `npm start` per folder. The first records itself in .data/start.json (created
 * exclusively, so two starting at once cannot both win); a later one finds a live pid there
 * and is refused. A record whose process is gone is a leftover of a killed start and is replaced.
 */
export async function claimStartLock(url: string, file = START_LOCK_FILE): Promise<StartLock> {
  await mkdir(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, `${JSON.stringify({ pid: process.pid, url } satisfies RunningApp)}\n`, { flag: "wx" });
      return { held: false, release: () => releaseStartLock(file) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const running = await readRunningApp(file);
    if (running && running.pid !== process.pid && isAlive(running.pid)) return { held: true, by: running };
    await rm(file, { force: true });
  }
  throw new Error(`Could not record this start in ${file}: another start is claiming it at the same moment.`);
}

async function readRunningApp(file: string): Promise<RunningApp | null> {
  try {
    const record = JSON.parse(await readFile(file, "utf8")) as Partial<RunningApp>;
    return Number.isInteger(record.pid) && typeof record.url === "string" ? { pid: record.pid!, url: record.url } : null;
  } catch {
    return null;
  }
}

/** Synchronous: also called on the way out of a forced exit. Removes only this process's record. */
function releaseStartLock(file: string) {
  try {
    const record = JSON.parse(readFileSync(file, "utf8")) as Partial<RunningApp>;
    if (record.pid === process.pid) rmSync(file, { force: true });
  } catch {
    // Already gone.
  }
}
