import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { listServerActions } from "../../tests/support/e2e/server-actions";
import { HOSTILE_RETURN_ADDRESSES } from "../../tests/support/hostile-return-addresses";
import { seedUser } from "../../tests/support/seed-users";
import { e2eMailboxDir, magicLinkFrom, readMessages, waitForMessage } from "../../tests/support/smtp-capture";
import { AUTHORIZATION_MATRIX, authCsrfToken, callEntryPoint, cookieHeader, seedActors, type ActorKind, type CheckContext } from "./authorization-matrix";
import { closeDatabase, sessionExists, verificationTokens } from "./security-data";

// Requests that do not come from the site's own pages: server actions posted from another
// origin (a CSRF attempt), and sign-in redirects pointing off-site.

const distDir = process.env.NEXT_DIST_DIR ?? ".next-e2e";
const REFUSAL = "Refused: this request did not come from a Careerwiki page.";
const FOREIGN_ORIGINS = [
  ["https://evil.example", "https://evil.example"],
  ["the null origin", "null"],
  ["no Origin header", null],
] as const;

test.afterAll(closeDatabase);

const uniqueEmail = (label: string) => `${label}-${randomBytes(5).toString("hex")}@example.test`;

test("every server action posted from another origin, a null origin or none is refused with a 403, and nothing changes", async ({ baseURL }) => {
  test.slow(); // every action × 3 origins, each with its own users and data
  const actionRows = AUTHORIZATION_MATRIX.filter((row) => row.kind === "action");
  // The same list the build has (the authorization matrix spec checks it against the source too).
  expect(actionRows.map((row) => `${row.file}#${row.name}`).sort()).toEqual(listServerActions(distDir).map((a) => `${a.file}#${a.exportName}`).sort());
  let checks = 0;
  for (const row of actionRows) {
    // As an actor who may call it: without the origin check, the call would have its effect.
    const actor = (["contributor", "moderator", "admin", "anonymous"] as ActorKind[]).find((candidate) => row.outcomes[candidate] === "allow")!;
    for (const [label, origin] of FOREIGN_ORIGINS) {
      await test.step(`${row.name} from ${label}`, async () => {
        const context: CheckContext = { baseUrl: baseURL!, actor, ...(await seedActors(row, actor, baseURL!)) };
        const prepared = await row.prepare(context);
        const before = await prepared.state();
        const result = await callEntryPoint(row, context, prepared, { origin });
        expect(result.status).toBe(403);
        expect(result.headers.get("content-type")).toBe("text/plain; charset=utf-8");
        expect(result.body).toContain(REFUSAL);
        expect(await prepared.state(), "nothing changed").toEqual(before);
        checks++;
      });
    }
  }
  console.log(`requests from elsewhere: ${actionRows.length} server actions × ${FOREIGN_ORIGINS.length} origins = ${checks} refused`);
});

test("a cross-site form post without the Next-Action header (a no-JavaScript action) and handcrafted posts without Origin are refused too; GET is not affected", async ({ request, baseURL }) => {
  const contributor = await seedUser({ databaseUrl: process.env.E2E_DATABASE_URL!, role: "CONTRIBUTOR", baseUrl: baseURL });
  const post = await request.post("/profile", { headers: { Origin: "https://evil.example", Cookie: cookieHeader(contributor)! }, multipart: { displayName: "Mallory" }, maxRedirects: 0 });
  expect(post.status()).toBe(403);
  expect(await post.text()).toContain(REFUSAL);
  // Handcrafted, with no Origin: a form post, and a bare Next-Action call with no body.
  const withoutOrigin = await request.post("/profile", { headers: { Cookie: cookieHeader(contributor)! }, multipart: { displayName: "Mallory" }, maxRedirects: 0 });
  expect(withoutOrigin.status()).toBe(403);
  const signOut = listServerActions(distDir).find((action) => action.exportName === "signOutAction")!;
  const bare = await fetch(new URL("/", baseURL), { method: "POST", headers: { "Next-Action": signOut.id, Cookie: cookieHeader(contributor)! }, redirect: "manual" });
  expect(bare.status).toBe(403);
  expect(await sessionExists(contributor.sessionToken)).toBe(true);
  const get = await request.get("/roles/test-widget-engineers", { headers: { Origin: "https://evil.example" } });
  expect(get.status()).toBe(200);
});

test("Auth.js' endpoints refuse a cross-site post without its CSRF token: no sign-in email, no sign-out", async ({ baseURL }) => {
  const email = uniqueEmail("csrf");
  const signIn = await fetch(new URL("/api/auth/signin/nodemailer", baseURL), {
    method: "POST",
    headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, callbackUrl: "/" }).toString(),
    redirect: "manual",
  });
  expect(signIn.status).toBe(302);
  expect(signIn.headers.get("location")).toMatch(/\/sign-in\?error=MissingCSRF/);
  expect(await verificationTokens(email)).toBe(0);
  expect(await readMessages(e2eMailboxDir(), email)).toHaveLength(0);

  // The attacker has a CSRF token of their own, but not the victim's CSRF cookie.
  const victim = await seedUser({ databaseUrl: process.env.E2E_DATABASE_URL!, role: "CONTRIBUTOR", baseUrl: baseURL });
  const attackers = await authCsrfToken(baseURL!);
  const signOut = await fetch(new URL("/api/auth/signout", baseURL), {
    method: "POST",
    headers: { Origin: "https://evil.example", Cookie: cookieHeader(victim)!, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: attackers.token }).toString(),
    redirect: "manual",
  });
  expect(signOut.headers.get("location")).toMatch(/error=MissingCSRF/);
  expect(await sessionExists(victim.sessionToken)).toBe(true);
});

const FOREIGN_CALLBACKS = ["//evil.example", "https://localhost.evil.example", "javascript:alert(1)", "/\\evil.example", "data:text/html,<script>alert(1)</script>"];

test("Auth.js' GET endpoints with a foreign callbackUrl answer normally and stay on the site (no 500)", async ({ baseURL }) => {
  for (const callbackUrl of HOSTILE_RETURN_ADDRESSES) {
    for (const path of ["/api/auth/signin", "/api/auth/signout"]) {
      const response = await fetch(new URL(`${path}?${new URLSearchParams({ callbackUrl })}`, baseURL), { redirect: "manual" });
      expect(response.status, `${path} with ${callbackUrl}`).toBeLessThan(500);
      const location = response.headers.get("location");
      if (location) expect(new URL(location, baseURL).origin).toBe(new URL(baseURL!).origin);
      expect(await response.text()).not.toContain("evil.example");
    }
  }
});

/** The messages of dialogs the page opens (a `javascript:` redirect that ran would open one). */
function recordDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on("dialog", (dialog) => {
    opened.push(dialog.message());
    void dialog.dismiss();
  });
  return opened;
}

/** Follows the magic link: signed in, on the site's home page, no dialog. */
async function followLink(page: Page, link: URL, email: string, baseURL: string, dialogs: string[]) {
  await page.goto(link.href);
  await expect(page.getByRole("navigation", { name: "Account" }).getByTestId("account-name")).toHaveText(email);
  expect(page.url()).toBe(new URL("/", baseURL).href);
  expect(dialogs).toEqual([]);
}

test("foreign callbackUrl values through the sign-in page and its form: the link and the redirect stay on the site", async ({ browser, baseURL }) => {
  test.slow(); // five sign-ins
  for (const callbackUrl of FOREIGN_CALLBACKS) {
    await test.step(callbackUrl, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const dialogs = recordDialogs(page);
      await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      const hidden = page.locator('input[name="callbackUrl"]');
      await expect(hidden).toHaveValue("/");
      // A hand-edited form sends the foreign value anyway: the server action refuses it too.
      await hidden.evaluate((input, value) => ((input as HTMLInputElement).value = value), callbackUrl);
      const email = uniqueEmail("page");
      await page.getByLabel("Email address").fill(email);
      await page.getByRole("button", { name: "Email me a sign-in link" }).click();
      await expect(page).toHaveURL(/\/sign-in\/check-email$/);
      const link = new URL(magicLinkFrom(await waitForMessage(e2eMailboxDir(), email)));
      expect(link.origin).toBe(new URL(baseURL!).origin);
      expect(new URL(link.searchParams.get("callbackUrl")!, baseURL).origin).toBe(new URL(baseURL!).origin);
      await followLink(page, link, email, baseURL!, dialogs);
      await context.close();
    });
  }
});

test("foreign callbackUrl values posted to Auth.js and put into the emailed link: the browser never leaves the site", async ({ browser, baseURL }) => {
  test.slow(); // five sign-ins
  for (const callbackUrl of FOREIGN_CALLBACKS) {
    await test.step(callbackUrl, async () => {
      const email = uniqueEmail("endpoint");
      const csrf = await authCsrfToken(baseURL!);
      const response = await fetch(new URL("/api/auth/signin/nodemailer", baseURL), {
        method: "POST",
        headers: { Cookie: csrf.cookie, Origin: new URL(baseURL!).origin, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email, csrfToken: csrf.token, callbackUrl }).toString(),
        redirect: "manual",
      });
      expect(response.status).toBe(302);
      expect(new URL(response.headers.get("location")!, baseURL).origin).toBe(new URL(baseURL!).origin);
      const link = new URL(magicLinkFrom(await waitForMessage(e2eMailboxDir(), email)));
      expect(new URL(link.searchParams.get("callbackUrl")!, baseURL).origin).toBe(new URL(baseURL!).origin);
      // Tampered with: the link itself carries the foreign value.
      link.searchParams.set("callbackUrl", callbackUrl);
      const context = await browser.newContext();
      const page = await context.newPage();
      await followLink(page, link, email, baseURL!, recordDialogs(page));
      await context.close();
    });
  }
});

test("a signed-in user opening /sign-in with any hostile callbackUrl is offered a Continue link to this site only, and an anonymous one a form that returns here", async ({ browser, baseURL }) => {
  test.setTimeout(180_000); // one page load per address in the browser, one over HTTP
  const site = new URL(baseURL!).origin;
  const user = await seedUser({ databaseUrl: process.env.E2E_DATABASE_URL!, role: "CONTRIBUTOR", baseUrl: baseURL });
  const context = await browser.newContext();
  await context.addCookies([user.cookie]);
  const page = await context.newPage();
  const dialogs = recordDialogs(page);
  let refusedAsMalformed = 0;
  for (const callbackUrl of HOSTILE_RETURN_ADDRESSES) {
    const address = `/sign-in?${new URLSearchParams({ callbackUrl })}`;
    const response = await page.goto(address);
    if (response?.status() === 404) {
      // A value that is not text (a tab or newline inside, an overlong one) makes the whole
      // address malformed: proxy.ts answers the site's 404 page, which offers no way off the site.
      refusedAsMalformed++;
      const links = await page.locator("a[href]").evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
      // (The page's own links may carry the address, e.g. its skip link: only where a link leads counts.)
      const offSite = links.filter((href) => !/^https?:$/.test(new URL(href).protocol) || /evil/i.test(new URL(href).host));
      expect(offSite, JSON.stringify(callbackUrl)).toEqual([]);
      expect((await fetch(new URL(address, baseURL))).status, JSON.stringify(callbackUrl)).toBe(404);
      continue;
    }
    // The browser's own reading of the link (the href property is resolved against the page).
    const href = await page.getByRole("link", { name: "Continue" }).evaluate((link) => (link as HTMLAnchorElement).href);
    expect(href, JSON.stringify(callbackUrl)).toBe(`${site}/`);
    const anonymous = await (await fetch(new URL(address, baseURL))).text();
    expect(/<input type="hidden" name="callbackUrl" value="([^"]*)"/.exec(anonymous)?.[1], JSON.stringify(callbackUrl)).toBe("/");
  }
  // Following it: still here, nothing ran.
  await page.goto(`/sign-in?${new URLSearchParams({ callbackUrl: "/..//evil.example" })}`);
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page).toHaveURL(`${site}/`);
  expect(dialogs).toEqual([]);
  console.log(`hostile return addresses: ${HOSTILE_RETURN_ADDRESSES.length} tried on the sign-in page, signed in and not (${refusedAsMalformed} refused as malformed addresses), 0 left the site`);
  await context.close();
});
