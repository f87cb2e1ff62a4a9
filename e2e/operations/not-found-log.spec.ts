import { expect, test } from "@playwright/test";
import { startProductionServer } from "../../tests/support/e2e/production-server";

// An address that names nothing is the client's mistake: the request's own line, at info, and
// nothing at warn or error. The proxy rewrites unknown role slugs and malformed addresses to the
// site's 404 page; served on 127.0.0.1 (as `npm start` and the systemd units serve), Next once
// took that rewrite for another site's address and proxied each request to itself over HTTP,
// logging a MaxListenersExceededWarning (11 close listeners on the response) at error level.
// Against a private `next start` on 127.0.0.1, whose output the spec reads.

test("unknown role slugs and malformed addresses are answered in-process and log one info line each, nothing at warn or error", async () => {
  test.setTimeout(120_000);
  const serverLog: string[] = [];
  const server = await startProductionServer(process.env.E2E_DATABASE_URL!, { distDir: ".next-e2e", isolated: true, hostname: "127.0.0.1", onOutput: (line) => serverLog.push(line) });
  try {
    const paths = ["/roles/nope-zz1", "/roles/nope-zz2", "/roles/99-9999.99", "/me/contributions/%00/edit", "/roles/%FF"];
    for (const path of paths) {
      const response = await fetch(`${server.baseUrl}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain('data-error-page="404"');
    }
    // Each request's line is written when its response closes.
    const requestLines = () => serverLog.filter((line) => line.includes('"msg":"request"'));
    await expect.poll(() => requestLines().filter((line) => line.includes('"status":404')).length).toBeGreaterThanOrEqual(paths.length);
    // No second request for the 404 page itself: the rewrite stayed inside the process.
    expect(requestLines().filter((line) => line.includes('"path":"/_malformed-address"'))).toEqual([]);
    expect(serverLog.filter((line) => /"level":"(warn|error|fatal)"|Warning/.test(line))).toEqual([]);
  } finally {
    await server.stop();
  }
});
