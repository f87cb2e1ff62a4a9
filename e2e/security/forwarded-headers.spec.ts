import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { STRICT_TRANSPORT_SECURITY } from "../../lib/security/content-security-policy";
import { startProductionServer, type RunningServer } from "../../tests/support/e2e/production-server";
import { cookiesFrom, randomClaimedAddress, randomLoopbackAddress, rawRequest, type RawResponse } from "../../tests/support/e2e/raw-http";
import { seedUser } from "../../tests/support/seed-users";
import { decodedMessage, e2eMailboxDir, magicLinkFrom, startSmtpCapture, waitForMessage, type SmtpCapture } from "../../tests/support/smtp-capture";

// Forwarded headers decide nothing by default (SECURITY.md, "Trusting the request"): the
// site's address is the configured one, the client is the socket's peer and https means the
// site URL is https, unless TRUSTED_PROXY names the peer. The suite's own server trusts no
// proxy; two more servers of the same build (private copies, the suite's database) play the
// other set-ups: one whose site URL is https, one behind a trusted proxy (this test).
test.describe.configure({ mode: "serial" });

const databaseUrl = process.env.E2E_DATABASE_URL!;
const uniqueEmail = (label: string) => `${label}-${randomBytes(5).toString("hex")}@example.test`;
const HTTPS_SITE = "https://careerwiki.test";
/** The per-IP sign-in limit of the two extra servers. */
const IP_LIMIT = 3;

/** Header sets a client forges to choose the site's address; each with an Origin that matches it. */
const FORGED_HOSTS: [string, Record<string, string>][] = [
  ["X-Forwarded-Host", { "x-forwarded-host": "evil.example", "x-forwarded-proto": "http", origin: "http://evil.example" }],
  ["Host", { host: "evil.example", origin: "http://evil.example" }],
  ["Forwarded", { forwarded: "for=203.0.113.9;host=evil.example;proto=https", origin: "https://evil.example" }],
  ["all at once", { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", "x-forwarded-port": "443", forwarded: "host=evil.example;proto=https", origin: "https://evil.example" }],
];

/** A magic-link request straight to Auth.js' email endpoint, with a real CSRF token, as its own form posts it. */
async function requestLink(baseUrl: string, email: string, { headers = {}, localAddress }: { headers?: Record<string, string>; localAddress?: string } = {}): Promise<RawResponse> {
  const csrf = await rawRequest(new URL("/api/auth/csrf", baseUrl), { headers, localAddress });
  expect(csrf.status).toBe(200);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  return rawRequest(new URL("/api/auth/signin/nodemailer", baseUrl), {
    method: "POST",
    localAddress,
    headers: { ...headers, cookie: cookiesFrom(csrf), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, csrfToken, callbackUrl: "/profile" }).toString(),
  });
}

/** "sent" when Auth.js went on to its verify-request page (which shows "check your email"), "ip-limit" when the per-IP limit refused. */
function outcome(response: RawResponse): "sent" | "ip-limit" | string {
  const location = response.headers.location ?? "";
  if (new URL(location, "http://x").pathname === "/api/auth/verify-request") return "sent";
  if (/[?&]error=RateLimited/.test(location) && /[?&]limit=ip/.test(location)) return "ip-limit";
  return `${response.status} ${location}`;
}

test("a magic link for someone else's address, asked for with a forged host and a matching Origin, points at the configured site", async ({ baseURL }) => {
  const site = new URL(baseURL!).origin;
  for (const [label, forged] of FORGED_HOSTS) {
    await test.step(label, async () => {
      const victim = await seedUser({ databaseUrl, role: "MODERATOR", baseUrl: baseURL });
      const response = await requestLink(baseURL!, victim.email, { headers: forged });
      expect(response.status).toBe(302);
      expect(new URL(response.headers.location!).origin).toBe(site);
      const message = await waitForMessage(e2eMailboxDir(), victim.email);
      expect(new URL(magicLinkFrom(message)).origin).toBe(site);
      expect(decodedMessage(message)).not.toContain("evil.example");
    });
  }
});

test("the sign-in form (a server action) sent with forged forwarded headers: the link points at the site; with a forged Origin too: refused", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https", Forwarded: "host=evil.example" } });
  const page = await context.newPage();
  const email = uniqueEmail("forged-form");
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/sign-in\/check-email$/, { timeout: 15_000 });
  expect(new URL(magicLinkFrom(await waitForMessage(e2eMailboxDir(), email))).origin).toBe(new URL(baseURL!).origin);
  await context.close();

  const post = await rawRequest(new URL("/profile", baseURL), { method: "POST", headers: { ...FORGED_HOSTS[0]![1], "content-type": "application/x-www-form-urlencoded" }, body: "displayName=Mallory" });
  expect(post.status).toBe(403);
});

test("absolute URLs in the feed, sitemap, robots.txt, a role page and its Markdown ignore forged host headers", async ({ baseURL }) => {
  const site = new URL(baseURL!).origin;
  const forged = FORGED_HOSTS[FORGED_HOSTS.length - 1]![1];
  for (const [pathname, expected] of [
    ["/changes.atom", `<link rel="self" href="${site}/changes.atom"/>`],
    ["/sitemap.xml", `<loc>${site}/roles/test-widget-engineers</loc>`],
    ["/robots.txt", `Sitemap: ${site}/sitemap.xml`],
    ["/roles/test-widget-engineers", `<link rel="canonical" href="${site}/roles/test-widget-engineers"/>`],
    ["/roles/test-widget-engineers.md", `${site}/roles/test-widget-engineers`],
  ] as const) {
    const response = await rawRequest(new URL(pathname, baseURL), { headers: forged });
    expect(response.status, pathname).toBe(200);
    expect(response.body, pathname).toContain(expected);
    expect(response.body, pathname).not.toContain("evil.example");
  }
});

test("a client's own X-Forwarded-Proto: https is not believed: no HSTS, no __Host-/__Secure- cookies", async ({ baseURL }) => {
  for (const pathname of ["/roles/test-widget-engineers", "/sign-in", "/api/roles/99-0001.00"]) {
    const response = await rawRequest(new URL(pathname, baseURL), { headers: { "x-forwarded-proto": "https", forwarded: "proto=https" } });
    expect(response.status, pathname).toBe(200);
    expect(response.headers["strict-transport-security"], pathname).toBeUndefined();
  }
  const csrf = await rawRequest(new URL("/api/auth/csrf", baseURL), { headers: { "x-forwarded-proto": "https" } });
  expect(csrf.setCookies.some((line) => line.startsWith("authjs.csrf-token="))).toBe(true);
  expect(csrf.setCookies.some((line) => /Secure/i.test(line))).toBe(false);
});

test.describe("other set-ups: an https site URL, a trusted proxy", () => {
  let mailDir: string;
  let smtp: SmtpCapture;
  let httpsSite: RunningServer;
  let behindProxy: RunningServer;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    mailDir = await mkdtemp(path.join(os.tmpdir(), "careerwiki-forwarded-mail-"));
    smtp = await startSmtpCapture({ dir: mailDir });
    const env = { EMAIL_SERVER: smtp.url, EMAIL_FROM: "Careerwiki <no-reply@careerwiki.test>", RATE_LIMIT_SIGNIN_PER_IP_PER_HOUR: String(IP_LIMIT) };
    [httpsSite, behindProxy] = await Promise.all([
      startProductionServer(databaseUrl, { distDir: ".next-e2e", isolated: true, env: { ...env, SITE_URL: HTTPS_SITE } }),
      startProductionServer(databaseUrl, { distDir: ".next-e2e", isolated: true, env: { ...env, TRUSTED_PROXY: "127.0.0.1" } }),
    ]);
  });

  test.afterAll(async () => {
    await Promise.all([httpsSite?.stop(), behindProxy?.stop()]);
    await smtp?.stop();
    if (mailDir) await rm(mailDir, { recursive: true, force: true });
  });

  test("no proxy trusted: a forged X-Forwarded-For does not get round the per-IP sign-in limit", async () => {
    // From a loopback address of its own: the server sees a peer no other request used.
    const localAddress = randomLoopbackAddress();
    const outcomes: string[] = [];
    for (let attempt = 0; attempt <= IP_LIMIT; attempt++) {
      const forged = { "x-forwarded-for": randomClaimedAddress(), "x-real-ip": randomClaimedAddress(), forwarded: `for=${randomClaimedAddress()}` };
      outcomes.push(outcome(await requestLink(httpsSite.baseUrl, uniqueEmail("forged-ip"), { headers: forged, localAddress })));
    }
    expect(outcomes).toEqual([...Array(IP_LIMIT).fill("sent"), "ip-limit"]);
  });

  test("behind the trusted proxy: each client it reports has its own limit; a peer that is not the proxy is not believed", async () => {
    const viaProxy: string[] = [];
    for (let attempt = 0; attempt <= IP_LIMIT; attempt++) {
      viaProxy.push(outcome(await requestLink(behindProxy.baseUrl, uniqueEmail("proxied"), { headers: { "x-forwarded-for": randomClaimedAddress() } })));
    }
    expect(viaProxy).toEqual(Array(IP_LIMIT + 1).fill("sent"));

    const localAddress = randomLoopbackAddress();
    const direct: string[] = [];
    for (let attempt = 0; attempt <= IP_LIMIT; attempt++) {
      direct.push(outcome(await requestLink(behindProxy.baseUrl, uniqueEmail("not-proxy"), { headers: { "x-forwarded-for": randomClaimedAddress() }, localAddress })));
    }
    expect(direct).toEqual([...Array(IP_LIMIT).fill("sent"), "ip-limit"]);
  });

  test("HSTS: behind the trusted proxy only when it says https; with an https site URL on every response", async () => {
    for (const pathname of ["/roles/test-widget-engineers", "/sign-in", "/api/roles/99-0001.00", "/api/auth/session"]) {
      const proxiedHttps = await rawRequest(new URL(pathname, behindProxy.baseUrl), { headers: { "x-forwarded-proto": "https", "x-forwarded-for": randomClaimedAddress() } });
      expect(proxiedHttps.headers["strict-transport-security"], pathname).toBe(STRICT_TRANSPORT_SECURITY);
      const proxiedHttp = await rawRequest(new URL(pathname, behindProxy.baseUrl), { headers: { "x-forwarded-proto": "http" } });
      expect(proxiedHttp.headers["strict-transport-security"], pathname).toBeUndefined();
      const notTheProxy = await rawRequest(new URL(pathname, behindProxy.baseUrl), { headers: { "x-forwarded-proto": "https" }, localAddress: randomLoopbackAddress() });
      expect(notTheProxy.headers["strict-transport-security"], pathname).toBeUndefined();
      const httpsSiteResponse = await rawRequest(new URL(pathname, httpsSite.baseUrl), { headers: { "x-forwarded-proto": "http" } });
      expect(httpsSiteResponse.headers["strict-transport-security"], pathname).toBe(STRICT_TRANSPORT_SECURITY);
    }
  });

  test("with an https site URL: links, feed and canonical URLs name it, and a real sign-in gives a __Secure-, Secure, HttpOnly, SameSite=Lax session cookie", async () => {
    const localAddress = randomLoopbackAddress();
    for (const [pathname, expected] of [
      ["/changes.atom", `<link rel="self" href="${HTTPS_SITE}/changes.atom"/>`],
      ["/roles/test-widget-engineers", `<link rel="canonical" href="${HTTPS_SITE}/roles/test-widget-engineers"/>`],
    ] as const) {
      expect((await rawRequest(new URL(pathname, httpsSite.baseUrl))).body, pathname).toContain(expected);
    }

    const email = uniqueEmail("cookie-https");
    const requested = await requestLink(httpsSite.baseUrl, email, { headers: FORGED_HOSTS[0]![1], localAddress });
    expect(requested.headers.location).toBe(`${HTTPS_SITE}/api/auth/verify-request?provider=nodemailer&type=email`);
    const link = new URL(magicLinkFrom(await waitForMessage(mailDir, email)));
    expect(link.origin).toBe(HTTPS_SITE);

    // The browser cannot reach careerwiki.test: the link's path and query go to the server itself.
    const callback = await rawRequest(new URL(`${link.pathname}${link.search}`, httpsSite.baseUrl), { localAddress });
    expect(callback.status).toBe(302);
    expect(callback.headers.location).toBe(`${HTTPS_SITE}/profile`);
    const sessionCookie = callback.setCookies.find((line) => line.startsWith("__Secure-authjs.session-token="));
    expect(sessionCookie, callback.setCookies.join("\n")).toBeTruthy();
    expect(sessionCookie!.split(";").map((a) => a.trim().toLowerCase())).toEqual(expect.arrayContaining(["httponly", "secure", "samesite=lax", "path=/"]));
    expect(callback.setCookies.some((line) => line.startsWith("authjs.session-token="))).toBe(false);

    const profile = await rawRequest(new URL("/profile", httpsSite.baseUrl), { headers: { cookie: sessionCookie!.split(";")[0]! } });
    expect(profile.status).toBe(200);
    expect(profile.body).toContain("Your profile");
    expect(profile.headers["strict-transport-security"]).toBe(STRICT_TRANSPORT_SECURITY);
  });
});
