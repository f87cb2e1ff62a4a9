import { describe, expect, it } from "vitest";
import { parseFrontHealthArgs } from "./front-health-args";

describe("npm run front:health arguments", () => {
  it("defaults to the real server's upstream file, nginx -s reload and 2 s", () => {
    expect(parseFrontHealthArgs([])).toEqual({ ok: true, args: { servers: "/etc/careerwiki/upstream-servers.conf", reload: "nginx -s reload", interval: 2 } });
    expect(parseFrontHealthArgs(["--servers", "/tmp/u.conf", "--reload", "systemctl reload nginx", "--interval", "0.5"])).toEqual({ ok: true, args: { servers: "/tmp/u.conf", reload: "systemctl reload nginx", interval: 0.5 } });
  });

  it("says what is wrong, with the usage, for an unknown option, a stray word or a bad interval", () => {
    for (const [argv, message] of [
      [["--server", "x"], /Unknown option '--server'/],
      [["extra"], /Unexpected argument 'extra'|positional/i],
      [["--interval", "soon"], /--interval is a number of seconds/],
      [["--interval", "0.1"], /at least 0.5 seconds/],
      [["--reload", "  "], /--reload needs a command/],
    ] as const) {
      const parsed = parseFrontHealthArgs([...argv]);
      expect(parsed.ok, argv.join(" ")).toBe(false);
      if (parsed.ok) continue;
      expect(parsed.errors.join("\n")).toMatch(message);
      expect(parsed.errors.at(-1)).toMatch(/^Usage: npm run front:health/);
    }
  });
});
