import { spawnSync } from "node:child_process";
import net from "node:net";
import { findFreePort } from "@/lib/db/find-free-port";
import { sleep, spawnGroup } from "./process-group";

export interface RedisHandle {
  url: string;
  /** "configured" (REDIS_URL), "machine" (the one on 127.0.0.1:6379), "started" (ours, stopped by `stop()`). */
  kind: "configured" | "machine" | "started";
  stop(): Promise<void>;
}

/**
 * The Redis the app instances share: REDIS_URL when set, else the machine's on
 * 127.0.0.1:6379 when it answers, else a `redis-server` started here on a free port (in
 * memory only, stopped by `stop()`). With `privateServer`, always one of our own (tests: the
 * machine's Redis is shared by others).
 */
export async function openRedis({ privateServer = false } = {}): Promise<RedisHandle> {
  const none = async () => {};
  if (!privateServer && process.env.REDIS_URL) return { url: process.env.REDIS_URL, kind: "configured", stop: none };
  if (!privateServer && (await redisAnswers(6379))) return { url: "redis://127.0.0.1:6379", kind: "machine", stop: none };
  if (spawnSync("redis-server", ["--version"], { stdio: "ignore" }).error) {
    throw new Error("Redis is needed and none answers on 127.0.0.1:6379: install it (Debian/Ubuntu: sudo apt-get install redis-server), or set REDIS_URL.");
  }
  const port = await findFreePort();
  const server = spawnGroup("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning"], { stdio: ["ignore", "ignore", "inherit"] });
  for (const deadline = Date.now() + 10_000; !(await redisAnswers(port)); await sleep(100)) {
    if (Date.now() > deadline) {
      await server.stop(1000);
      throw new Error(`redis-server did not answer on port ${port} within 10 s.`);
    }
  }
  return { url: `redis://127.0.0.1:${port}`, kind: "started", stop: () => server.stop(2000) };
}

/** PING on 127.0.0.1:port answered with PONG within half a second. */
function redisAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (chunk) => done(chunk.toString().startsWith("+PONG")));
  });
}
