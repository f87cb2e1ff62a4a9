import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COMPILE_HINT, onBuildComplete } from "./compile-hints-adapter.cjs";

describe("the compile-hints build adapter", () => {
  let distDir: string;
  const chunk = (...parts: string[]) => path.join(distDir, "static", "chunks", ...parts);

  beforeEach(async () => {
    distDir = await mkdtemp(path.join(tmpdir(), "careerwiki-build-"));
    await mkdir(chunk("app", "roles"), { recursive: true });
    await writeFile(chunk("framework.js"), "(globalThis.TURBOPACK||[]).push([1]);");
    await writeFile(chunk("app", "roles", "page.js"), "console.log(1);");
    await writeFile(chunk("site.css"), "body{margin:0}");
    await mkdir(path.join(distDir, "server"), { recursive: true });
    await writeFile(path.join(distDir, "server", "page.js"), "module.exports = {};");
  });

  afterEach(async () => {
    await rm(distDir, { recursive: true, force: true });
  });

  it("starts every browser chunk, however deep, with V8's hint, once, and leaves CSS and the server's files alone", async () => {
    await onBuildComplete({ distDir });
    await onBuildComplete({ distDir }); // a second run (a rebuild into the same folder) adds nothing
    expect(COMPILE_HINT).toBe("//# allFunctionsCalledOnLoad\n");
    expect(await readFile(chunk("framework.js"), "utf8")).toBe(`${COMPILE_HINT}(globalThis.TURBOPACK||[]).push([1]);`);
    expect(await readFile(chunk("app", "roles", "page.js"), "utf8")).toBe(`${COMPILE_HINT}console.log(1);`);
    expect(await readFile(chunk("site.css"), "utf8")).toBe("body{margin:0}");
    expect(await readFile(path.join(distDir, "server", "page.js"), "utf8")).toBe("module.exports = {};");
  });
});
