import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderFrontConfig, renderUpstreamServers } from "./nginx-front";

const template = readFileSync(path.join(import.meta.dirname, "..", "..", "deploy", "nginx", "careerwiki.conf"), "utf8");
const settings = { port: 4100, cacheDir: "/tmp/front/cache", refreshMap: "/tmp/front/refresh.map", upstreamFile: "/tmp/front/upstream-servers.conf", ipv6: false };

describe("renderFrontConfig: the real-server file for one machine", () => {
  const rendered = renderFrontConfig(template, settings);
  /** The directives, without the file's comments (which describe the real server). */
  const directives = rendered
    .split("\n")
    .map((line) => line.replace(/#.*$/, ""))
    .join("\n");

  it("drops every TLS line and the redirect to https, and listens on the port over plain http", () => {
    expect(template).toMatch(/ssl_certificate .*# tls/);
    expect(rendered).not.toMatch(/# tls\s*$/m);
    expect(directives).not.toMatch(/ssl|listen 443|return 301/);
    expect(rendered).toContain("    listen 4100;\n");
    expect(rendered).not.toContain("listen 80;");
    expect(renderFrontConfig(template, { ...settings, ipv6: true })).toContain("    listen [::]:4100;\n");
  });

  it("lists its instances, its cache folder and its refresh secret instead of the real server's", () => {
    expect(rendered).toMatch(/upstream careerwiki_app \{[^}]*include \/tmp\/front\/upstream-servers\.conf;/);
    expect(renderUpstreamServers(["127.0.0.1:4101", "127.0.0.1:4102"]).match(/^server .*$/gm)).toEqual(["server 127.0.0.1:4101 max_fails=2 fail_timeout=5s;", "server 127.0.0.1:4102 max_fails=2 fail_timeout=5s;"]);
    expect(rendered).toContain("proxy_cache_path /tmp/front/cache ");
    expect(rendered).toContain("include /tmp/front/refresh.map;");
    expect(directives).not.toMatch(/\/var\/cache|\/etc\/careerwiki|careerwiki\.example/);
  });

  it("keeps the caching rules as they are", () => {
    for (const rule of ["proxy_cache_use_stale error timeout updating http_500 http_502 http_503 http_504;", "proxy_no_cache $careerwiki_skip_cache $upstream_http_set_cookie;", "proxy_set_header X-Forwarded-For $remote_addr;"]) {
      expect(rendered).toContain(rule);
    }
  });

  it("caches a gzip copy and a plain copy apart, and asks the app for the one the client accepts", () => {
    expect(directives).toMatch(/proxy_cache_key "\$request_uri\|\$careerwiki_accept_encoding\|/);
    expect(directives).toContain("proxy_set_header Accept-Encoding $careerwiki_accept_encoding;");
    const pattern = /map \$http_accept_encoding \$careerwiki_accept_encoding \{\s*default "";\s*"~\*([^"]+)" gzip;\s*\}/.exec(directives)?.[1];
    expect(pattern).toBeDefined();
    const gzipVariant = (acceptEncoding: string) => new RegExp(pattern!, "i").test(acceptEncoding);
    for (const value of ["gzip", "gzip, deflate, br", "br;q=1.0, GZIP;q=0.8", "deflate,gzip"]) expect(gzipVariant(value), value).toBe(true);
    for (const value of ["", "br", "identity", "deflate, br", "x-gzip", "gzipper", "notgzip"]) expect(gzipVariant(value), value).toBe(false);
  });

  it("refuses a file it no longer fits, rather than render something else", () => {
    expect(() => renderFrontConfig(template.replace("    listen 80;\n", "    listen 8080;\n"), settings)).toThrow(/no longer contains "    listen 80;/);
  });
});
