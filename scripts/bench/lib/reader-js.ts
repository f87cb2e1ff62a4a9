import { gzipSync } from "node:zlib";

export interface ScriptSize {
  src: string;
  bytes: number;
  gzipBytes: number;
}

/**
 * The JavaScript a served page makes the browser load: every <script src> of its HTML,
 * fetched from the same server and gzipped here (level 9, as a CDN would), not build
 * output (decisions.md: "Reader JavaScript").
 */
export async function measurePageScripts(baseUrl: string, pagePath: string): Promise<ScriptSize[]> {
  const html = await (await fetch(new URL(pagePath, baseUrl))).text();
  const sources = [...new Set([...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]!))];
  return Promise.all(
    sources.map(async (src) => {
      const body = Buffer.from(await (await fetch(new URL(src.replace(/&amp;/g, "&"), baseUrl))).arrayBuffer());
      return { src, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
    }),
  );
}

export function printScriptSizes(pagePath: string, scripts: ScriptSize[]) {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`\nReader JavaScript of ${pagePath} (${scripts.length} scripts):`);
  for (const script of scripts) console.log(`  ${kb(script.gzipBytes).padStart(9)} gzipped  ${kb(script.bytes).padStart(9)} raw  ${script.src}`);
  const gzip = scripts.reduce((sum, s) => sum + s.gzipBytes, 0);
  const raw = scripts.reduce((sum, s) => sum + s.bytes, 0);
  console.log(`  total: ${kb(gzip)} gzipped (${kb(raw)} raw); target < 100 KB gzipped: ${gzip < 100 * 1024 ? "met" : "NOT met"}`);
  return gzip;
}
