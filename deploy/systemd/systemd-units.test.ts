import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every systemd unit here that runs Node: Node (next start, the commands) exits 143 on SIGTERM,
// which systemd counts as a failure unless the unit says otherwise, so `systemctl stop` would
// leave the unit "failed" (and Restart=on-failure would fight the stop).
const DIR = import.meta.dirname;
const units = readdirSync(DIR).filter((name) => name.endsWith(".service"));

/** The `[Service]` section's settings, by key (a key may repeat). */
function serviceSettings(text: string): Map<string, string[]> {
  const settings = new Map<string, string[]>();
  let section = "";
  for (const line of text.split("\n").map((l) => l.trim())) {
    if (line.startsWith("[")) section = line;
    else if (section === "[Service]" && line && !line.startsWith("#")) {
      const [key, ...value] = line.split("=");
      settings.set(key!, [...(settings.get(key!) ?? []), value.join("=")]);
    }
  }
  return settings;
}

describe("deploy/systemd units", () => {
  it("include the node units", () => {
    expect(units).toEqual(expect.arrayContaining(["careerwiki@.service", "careerwiki-front-health.service"]));
  });

  it.each(units)("%s: a Node service counts exit 143 (SIGTERM) as success", (unit) => {
    const settings = serviceSettings(readFileSync(path.join(DIR, unit), "utf8"));
    const runsNode = (settings.get("ExecStart") ?? []).some((command) => /(^|\/)node\s/.test(command));
    if (!runsNode) return;
    const success = (settings.get("SuccessExitStatus") ?? []).flatMap((value) => value.split(/\s+/));
    expect(success).toContain("143");
  });
});
