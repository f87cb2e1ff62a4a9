import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

// The Nu HTML Checker (validator.w3.org/nu) run locally: the `vnu-jar` npm package ships its
// jar, which runs with Java (`java` on the PATH, or JAVA_HOME). One JVM checks every page.

export interface NuMessage {
  page: string;
  type: string;
  message: string;
  extract?: string;
  line?: number;
}

// Resolved from the project (this file is loaded both as CommonJS by Playwright and as ESM by tsx).
const vnuJar = String(createRequire(path.join(process.cwd(), "package.json"))("vnu-jar"));

/** The java command, or null when there is none (the caller skips, saying so). */
export function findJava(): string | null {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, "bin", "java") : "java";
  return spawnSync(java, ["-version"], { stdio: "ignore" }).status === 0 ? java : null;
}

/** Checks each page's HTML (name → markup); resolves with the errors (warnings and info left out). */
export async function checkHtml(java: string, pages: ReadonlyMap<string, string>): Promise<NuMessage[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "careerwiki-nu-"));
  try {
    const files = new Map<string, string>();
    let index = 0;
    for (const [name, html] of pages) {
      const file = path.join(dir, `page-${index++}.html`);
      await writeFile(file, html);
      files.set(file, name);
    }
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(java, ["-jar", vnuJar, "--format", "json", "--errors-only", "--exit-zero-always", ...files.keys()], { stdio: ["ignore", "pipe", "pipe"] });
      let text = "";
      child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
      child.on("error", reject);
      child.on("close", (code) => (code === 0 ? resolve(text) : reject(new Error(`vnu exited with ${code}: ${text.slice(0, 500)}`))));
    });
    const { messages } = JSON.parse(output) as { messages: { url: string; type: string; subType?: string; message: string; extract?: string; lastLine?: number }[] };
    return messages
      .filter((message) => message.type === "error" || message.subType === "fatal")
      .map((message) => ({ page: files.get(new URL(message.url).pathname) ?? message.url, type: message.type, message: message.message, extract: message.extract, line: message.lastLine }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
