import { gzipSync } from "node:zlib";

export interface ScriptSize {
  src: string;
  bytes: number;
  gzipBytes: number;
  /** `<script nomodule>`: polyfills only browsers without ES modules load; counted apart. */
  noModule: boolean;
}

/**
 * The JavaScript a served page makes the browser load: every <script src> of its HTML,
 * fetched from the same server and gzipped here (level 9, as a CDN would), not build
 * output (decisions.md: "Reader JavaScript").
 */
export async function measurePageScripts(baseUrl: string, pagePath: string): Promise<ScriptSize[]> {
  const html = await (await fetch(new URL(pagePath, baseUrl))).text();
  const tags = new Map<string, boolean>();
  for (const match of html.matchAll(/<script\b([^>]*)>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(match[1]!)?.[1];
    if (src) tags.set(src, /\bnomodule\b/i.test(match[1]!));
  }
  return Promise.all(
    [...tags].map(async ([src, noModule]) => {
      const body = Buffer.from(await (await fetch(new URL(src.replace(/&amp;/g, "&"), baseUrl))).arrayBuffer());
      return { src, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length, noModule };
    }),
  );
}

export function printScriptSizes(pagePath: string, scripts: ScriptSize[]) {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`\nReader JavaScript of ${pagePath} (${scripts.length} scripts):`);
  for (const script of scripts) {
    console.log(`  ${kb(script.gzipBytes).padStart(9)} gzipped  ${kb(script.bytes).padStart(9)} raw  ${script.src}${script.noModule ? "  (nomodule: not loaded by browsers with ES modules)" : ""}`);
  }
  const loaded = scripts.filter((script) => !script.noModule);
  const gzip = loaded.reduce((sum, s) => sum + s.gzipBytes, 0);
  const raw = loaded.reduce((sum, s) => sum + s.bytes, 0);
  const legacy = scripts.filter((script) => script.noModule).reduce((sum, s) => sum + s.gzipBytes, 0);
  console.log(`  total: ${kb(gzip)} gzipped (${kb(raw)} raw) without the nomodule polyfills (${kb(legacy)} gzipped more for browsers without ES modules); target < 100 KB gzipped: ${gzip < 100 * 1024 ? "met" : "NOT met"}`);
  return gzip;
}
