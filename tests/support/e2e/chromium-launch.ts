import { existsSync } from "node:fs";

// How every browser the tests and the page measurements start is launched: Debian's Chromium
// when present (Playwright's own download cannot run here); CHROMIUM_PATH overrides, and a
// normal machine can use `npx playwright install chromium` and set neither. Background
// networking, updates and sync are off, so nothing but the page talks to the network.
export const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] as const;
