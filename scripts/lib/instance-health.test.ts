import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { markServersDown, nextHealth, parseUpstreamServers, watchInstanceHealth, writeUpstreamFile, type InstanceHealth } from "./instance-health";

const example = path.join(import.meta.dirname, "..", "..", "deploy", "nginx", "upstream-servers.conf");
const rules = { fall: 2, rise: 2 };

describe("the upstream file", () => {
  it("reads the example's two instances and their parameters, comments aside", async () => {
    expect(parseUpstreamServers(await readFile(example, "utf8"))).toEqual([
      { address: "127.0.0.1:3001", parameters: ["max_fails=2", "fail_timeout=5s"] },
      { address: "127.0.0.1:3002", parameters: ["max_fails=2", "fail_timeout=5s"] },
    ]);
  });

  it("marks exactly the named servers down, and puts them back, leaving every other line as it was", () => {
    const text = "# instances\nserver 10.0.0.1:3001 max_fails=2;\n  server 10.0.0.2:3001 weight=2 down; # second machine\nserver unix:/run/app.sock;\n";
    const marked = markServersDown(text, new Set(["10.0.0.1:3001"]));
    expect(marked).toBe("# instances\nserver 10.0.0.1:3001 max_fails=2 down;\n  server 10.0.0.2:3001 weight=2; # second machine\nserver unix:/run/app.sock;\n");
    expect(markServersDown(marked, new Set())).toBe("# instances\nserver 10.0.0.1:3001 max_fails=2;\n  server 10.0.0.2:3001 weight=2; # second machine\nserver unix:/run/app.sock;\n");
    expect(parseUpstreamServers(marked).map((server) => server.address)).toEqual(["10.0.0.1:3001", "10.0.0.2:3001", "unix:/run/app.sock"]);
  });

  it("is rewritten whole, in place", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "upstream-"));
    try {
      const file = path.join(dir, "upstream-servers.conf");
      await writeFile(file, await readFile(example, "utf8"));
      await writeUpstreamFile(file, new Set(["127.0.0.1:3002"]));
      expect(await readFile(file, "utf8")).toContain("server 127.0.0.1:3002 max_fails=2 fail_timeout=5s down;");
      expect(await readFile(file, "utf8")).toContain("server 127.0.0.1:3001 max_fails=2 fail_timeout=5s;");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("nextHealth: when an instance goes out and comes back", () => {
  const run = (rounds: Record<string, boolean>[]) => {
    let health = new Map<string, InstanceHealth>();
    const serving: string[][] = [];
    for (const round of rounds) {
      health = nextHealth(health, new Map(Object.entries(round)), rules);
      serving.push([...health].filter(([, h]) => h.serving).map(([address]) => address));
    }
    return serving;
  };

  it("takes out an instance after two failed checks in a row, and puts it back after two passes in a row", () => {
    expect(
      run([
        { a: true, b: false },
        { a: true, b: false },
        { a: true, b: false },
        { a: true, b: true },
        { a: true, b: true },
      ]),
    ).toEqual([["a", "b"], ["a"], ["a"], ["a"], ["a", "b"]]);
  });

  it("ignores one failed check between passes, and one pass between failures", () => {
    expect(run([{ a: true, b: false }, { a: true, b: true }, { a: true, b: false }, { a: true, b: true }])).toEqual([["a", "b"], ["a", "b"], ["a", "b"], ["a", "b"]]);
    expect(run([{ a: true, b: false }, { a: true, b: false }, { a: true, b: true }, { a: true, b: false }, { a: true, b: true }])).toEqual([["a", "b"], ["a"], ["a"], ["a"], ["a"]]);
  });

  it("never takes every instance out: with all failing, all stay in", () => {
    expect(run([{ a: false, b: true }, { a: false, b: true }, { a: false, b: false }, { a: false, b: false }, { a: false, b: false }])).toEqual([["a", "b"], ["b"], ["b"], ["a", "b"], ["a", "b"]]);
    expect(run([{ only: false }, { only: false }, { only: false }])).toEqual([["only"], ["only"], ["only"]]);
  });
});

describe("watchInstanceHealth", () => {
  it("applies each change of the set once, logs it, and puts every instance back when stopped", async () => {
    const answers = new Map([
      ["a", true],
      ["b", true],
    ]);
    const applied: string[][] = [];
    const log: string[] = [];
    const watch = watchInstanceHealth({
      addresses: ["a", "b"],
      intervalMs: 5,
      probe: (address) => Promise.resolve(answers.get(address)!),
      apply: (down) => {
        applied.push([...down]);
        return Promise.resolve();
      },
      log: (message) => log.push(message),
    });
    const until = async (condition: () => boolean) => {
      for (const deadline = Date.now() + 5000; !condition(); await new Promise((resolve) => setTimeout(resolve, 5))) {
        if (Date.now() > deadline) throw new Error("timed out");
      }
    };
    answers.set("b", false);
    await until(() => watch.down().has("b"));
    answers.set("b", true);
    await until(() => watch.down().size === 0);
    answers.set("a", false);
    await until(() => watch.down().has("a"));
    await watch.stop();
    expect(applied).toEqual([["b"], [], ["a"], []]);
    expect(watch.down().size).toBe(0);
    expect(log).toEqual([
      "front health: b failed 2 checks of /api/health in a row: taken out of the front",
      "front health: b passes /api/health again: back in the front",
      "front health: a failed 2 checks of /api/health in a row: taken out of the front",
    ]);
  });
});
