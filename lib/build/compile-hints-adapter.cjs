// A Next.js build adapter (next.config.ts `adapterPath`): after every `next build` (npm start's,
// the e2e suite's, the deploy image's), each browser chunk starts with V8's explicit compile hint,
// `//# allFunctionsCalledOnLoad`. Chromium (136+) then compiles the whole file on a background
// thread while it downloads, instead of compiling each function on the main thread the first
// time it runs. Next's chunks are module factories that all run at start-up (React, the router,
// the page's components), so without the hint the page's first task compiles them one by one:
// measured with `npm run bench:main-thread` (4× CPU throttling, a phone's screen), the role
// page's longest start-up task went from ~170 ms to ~75 ms. Other browsers read a comment.
// Plain CommonJS: Next imports the adapter itself, outside the TypeScript build.
const { readdir, readFile, writeFile } = require("node:fs/promises");
const path = require("node:path");

const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/** Every `.js` file under `dir`, however deep. */
async function listScripts(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith(".js")).map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * Puts the compile hint at the top of every script under `chunksDir` that lacks it (a second
 * run changes nothing). Resolves to the number of files changed.
 */
async function addCompileHints(chunksDir) {
  let changed = 0;
  for (const file of await listScripts(chunksDir)) {
    const source = await readFile(file, "utf8");
    if (source.startsWith(COMPILE_HINT)) continue;
    await writeFile(file, COMPILE_HINT + source);
    changed++;
  }
  return changed;
}

module.exports = {
  name: "careerwiki-compile-hints",
  COMPILE_HINT,
  addCompileHints,
  /** @param {{ distDir: string }} context */
  async onBuildComplete({ distDir }) {
    const changed = await addCompileHints(path.join(distDir, "static", "chunks"));
    console.log(`Compile hints: ${changed} browser chunks marked to compile while they download.`);
  },
};
