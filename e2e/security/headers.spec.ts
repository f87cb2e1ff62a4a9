import { randomBytes } from "node:crypto";
import { expect, test, type APIResponse } from "@playwright/test";
import { readerContentSecurityPolicy } from "../../lib/security/content-security-policy";
import { collectCspViolations } from "../../tests/support/e2e/csp-violations";
import { seedUser } from "../../tests/support/seed-users";
import { e2eMailboxDir, magicLinkFrom, waitForMessage } from "../../tests/support/smtp-capture";

// Security headers and session cookies (SECURITY.md). The suite's server is plain
// `next start` on http://localhost, as `npm start` is, trusting no proxy: no HSTS, no Secure
// cookies, whatever a client's X-Forwarded-Proto says. The https set-ups (an https site URL,
// a trusted TLS proxy saying https) run on servers of their own in forwarded-headers.spec.ts:
// HSTS there, and the __Secure- session cookie after a real sign-in. Read-only on the fixture
// pages, except a narrative draft of a user of its own.
const databaseUrl = process.env.E2E_DATABASE_URL!;
const READER_PAGE = "/roles/test-widget-engineers";
const uniqueEmail = (label: string) => `${label}-${randomBytes(5).toString("hex")}@example.test`;

function expectBaselineHeaders(response: APIResponse | Response) {
  const get = (name: string) => ("headersArray" in response ? response.headers()[name] : response.headers.get(name));
  expect(get("x-content-type-options")).toBe("nosniff");
  expect(get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(get("x-frame-options")).toBe("DENY");
}

/** The nonce of a signed-in page's policy, after checking the policy allows nothing else inline. */
function nonceOf(policy: string | undefined): string {
  const scriptSrc = policy?.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(policy).toContain("frame-ancestors 'none'");
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
  expect(nonce, `a nonce in ${policy}`).toBeTruthy();
  return nonce!;
}

test("a cached reader page sends the nonce-free policy and the baseline headers, and stays in Next's cache", async ({ request }) => {
  const first = await request.get(READER_PAGE);
  expect(first.status()).toBe(200);
  expect(first.headers()["content-security-policy"]).toBe(readerContentSecurityPolicy());
  expectBaselineHeaders(first);
  expect(first.headers()["strict-transport-security"]).toBeUndefined();
  // Never rendered per request: no nonce on its scripts, and Next serves it from its cache
  // (a dynamic page has no x-nextjs-cache header at all; another spec's approval can make
  // one answer STALE, hence the poll).
  expect(await first.text()).not.toContain("nonce=");
  await expect.poll(async () => (await request.get(READER_PAGE)).headers()["x-nextjs-cache"], { timeout: 10_000 }).toBe("HIT");
  for (const path of ["/", "/search?q=widget", "/roles/test-widget-engineers.md", "/changes.atom"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-security-policy"], path).toBe(readerContentSecurityPolicy());
    expectBaselineHeaders(response);
  }
});

test("API routes carry the same headers", async ({ request }) => {
  for (const path of ["/api/roles/99-0001.00", "/api/search/suggest?q=widget", "/api/auth/session"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-security-policy"], path).toBe(readerContentSecurityPolicy());
    expectBaselineHeaders(response);
  }
});

test("a signed-in page gets a fresh nonce per request, and Next puts it on every script", async ({ request, baseURL }) => {
  const contributor = await seedUser({ databaseUrl, role: "CONTRIBUTOR", baseUrl: baseURL });
  const cookie = { cookie: `${contributor.cookie.name}=${contributor.sessionToken}` };
  const first = await request.get("/me/contributions", { headers: cookie });
  expect(first.status()).toBe(200);
  const nonce = nonceOf(first.headers()["content-security-policy"]);
  expectBaselineHeaders(first);
  const html = await first.text();
  expect(html).toContain("My contributions");
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  const second = await request.get("/me/contributions", { headers: cookie });
  expect(nonceOf(second.headers()["content-security-policy"])).not.toBe(nonce);
  // Signing in, and the page history (it reads the session for the rollback button), too.
  for (const path of ["/sign-in", "/roles/test-widget-engineers/history"]) nonceOf((await request.get(path)).headers()["content-security-policy"]);
});

test("no HSTS over plain http: reader page, signed-in page and API route", async ({ request }) => {
  for (const path of [READER_PAGE, "/sign-in", "/api/roles/99-0001.00", "/api/auth/session"]) {
    expect((await request.get(path)).headers()["strict-transport-security"], path).toBeUndefined();
  }
});

test("the pages work under the policy: search suggestions, sign-in, the narrative editor, moderation — no violation", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext();
  const violations = await collectCspViolations(context);
  const page = await context.newPage();

  // Reader pages, and the header search box's suggestions (a client component).
  for (const path of ["/", "/roles", "/compare?roles=test-widget-engineers,test-gadget-technicians", "/changes"]) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
  }
  await page.goto(READER_PAGE);
  const search = page.getByRole("combobox", { name: "Search careers" });
  await search.pressSequentially("gadgit", { delay: 20 });
  await expect(page.getByRole("listbox", { name: "Suggested careers" }).getByRole("option").first()).toHaveText(/Test Gadget Technicians/);

  // Sign-in (nonce policy): the form's client-side validation runs.
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill("not an address");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();

  // The tiptap editor: formatting and the autosave (a server action) work.
  const contributor = await seedUser({ databaseUrl, role: "CONTRIBUTOR", baseUrl: baseURL });
  await context.addCookies([contributor.cookie]);
  await page.goto("/contribute/test-sprocket-inspectors/narrative");
  const editor = page.getByRole("textbox", { name: "Your narrative" });
  await editor.click();
  const bold = page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Bold" });
  await bold.click();
  await expect(bold).toHaveAttribute("aria-pressed", "true");
  await expect(editor).toBeFocused();
  await page.keyboard.type("Headers hold. ");
  await expect(editor.locator("strong")).toHaveText("Headers hold.");
  await expect(page.getByTestId("save-status")).toContainText("Draft saved", { timeout: 15_000 });

  await page.goto("/contribute/test-sprocket-inspectors/correct");
  await page.getByLabel("What do you want to correct?").selectOption("TASK");
  await expect(page.getByLabel("Add, change or remove a task")).toBeVisible();

  // Moderation: the queue and the audit log.
  const moderator = await seedUser({ databaseUrl, role: "MODERATOR", baseUrl: baseURL });
  await context.addCookies([moderator.cookie]);
  await page.goto("/moderation");
  await expect(page.getByTestId("queue-counts")).toBeVisible();
  await page.goto("/moderation/audit");
  await expect(page.locator("h1")).toBeVisible();
  await page.goto("/roles/test-widget-engineers/history");
  await expect(page.locator("h1")).toContainText("History of");

  expect(violations).toEqual([]);
  await context.close();
});

test("after a real sign-in over http the session cookie is HttpOnly and SameSite=Lax, not Secure", async ({ browser }) => {
  const context = await browser.newContext();
  const violations = await collectCspViolations(context);
  const page = await context.newPage();
  const email = uniqueEmail("cookie-http");
  await page.goto("/sign-in?callbackUrl=%2Fprofile");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  // Sending the email over SMTP can take a few seconds on a loaded machine.
  await expect(page).toHaveURL(/\/sign-in\/check-email$/, { timeout: 15_000 });
  await page.goto(magicLinkFrom(await waitForMessage(e2eMailboxDir(), email)));
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole("navigation", { name: "Account" }).getByTestId("account-name")).toHaveText(email);
  const session = (await context.cookies()).find((c) => c.name === "authjs.session-token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
  expect((await context.cookies()).map((c) => c.name)).not.toContain("__Secure-authjs.session-token");
  expect(violations).toEqual([]);
  await context.close();
});
