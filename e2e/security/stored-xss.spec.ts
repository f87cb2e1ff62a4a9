import { spawn } from "node:child_process";
import path from "node:path";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { XSS_OCCUPATION } from "../../tests/support/e2e/security-fixtures";
import { seedUser } from "../../tests/support/seed-users";
import { MARKUP_PAYLOADS, parseXssSubmitResult, URL_PAYLOADS, XSS_PAYLOADS, type XssSubmitResult } from "../../tests/support/fixtures/xss-payloads";

// Stored XSS (issue #5, item 2). The corpus (tests/support/fixtures/xss-payloads.ts) goes in as
// narratives and corrections of every text field kind on the fixture page "Test Payload
// Handlers" (no other spec reads it): most through the real use cases in a child process,
// a few through the real forms (the tiptap editor's link dialog with a javascript: address,
// the correction form's source link). A moderator reviews the pending ones in the browser
// and approves them; then the role page, the history diff, /changes, the Atom feed, the JSON
// API and the Markdown page are opened in Chromium with sentinels armed: no dialog may fire,
// no sentinel be called, no request reach /xss-hit, and no event-handler attribute,
// script-bearing URL, foreign <script> or frame may be in the DOM.

const databaseUrl = process.env.E2E_DATABASE_URL!;
const { code, slug } = XSS_OCCUPATION;
const ROLE = `/roles/${slug}`;

/** Calls of the sentinels the payloads use, recorded in the page (init script) and by request routing. */
async function armSentinels(context: BrowserContext, fired: string[]) {
  await context.addInitScript(() => {
    const hits: string[] = [];
    Object.defineProperty(window, "__xssHits", { value: hits });
    Object.defineProperty(window, "__xss", { value: (id: unknown) => hits.push(`__xss(${String(id)})`) });
    for (const name of ["alert", "confirm", "prompt", "print"] as const) {
      const original = window[name].bind(window) as (...args: unknown[]) => unknown;
      Object.defineProperty(window, name, { value: (...args: unknown[]) => (hits.push(`${name}(${String(args[0])})`), original(...args)) });
    }
  });
  await context.route("**/xss-hit*", (route) => {
    fired.push(`request ${route.request().url()}`);
    return route.fulfill({ status: 204 });
  });
  context.on("page", (page) => page.on("dialog", (dialog) => (fired.push(`dialog ${dialog.type()}: ${dialog.message()}`), dialog.dismiss())));
}

/** What a payload left in the live DOM: handlers, script-bearing URLs, foreign scripts, frames. */
function domFindings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const findings: string[] = [];
    const URL_ATTRIBUTES = new Set(["href", "src", "xlink:href", "action", "formaction", "data", "poster", "background", "codebase", "srcset"]);
    const scriptUrl = (value: string) => /^(javascript|data|vbscript):/i.test(value.replace(/[\u0000-\u0020\u007f-\u00a0]/g, ""));
    // Next's own inline scripts (the RSC payload, Turbopack's chunk list), direct children of <head> or <body>.
    const nextInline = /^\s*(\(self\.__next_f\s*=\s*self\.__next_f\s*\|\|\s*\[\]\)\.push|self\.__next_f\.push|\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push)\(/;
    // React's own placeholder on forms and buttons bound to a server action (it throws if the form is submitted natively).
    const reactFormAction = (element: Element, attr: string, value: string) =>
      (attr === "action" || attr === "formaction") && value.startsWith("javascript:throw new Error('A React form was unexpectedly submitted.") && !element.closest(".narrative, .corrected, .diff, .current-value");
    const isJson = (text: string) => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    };
    for (const element of Array.from(document.querySelectorAll("*"))) {
      const name = element.localName.toLowerCase();
      if (["iframe", "frame", "frameset", "object", "embed", "base", "applet", "portal", "form"].includes(name) && element.closest("main .narrative, main .corrected, main .diff, main .current-value")) {
        findings.push(`<${name}> in user content`);
      }
      if (["iframe", "frame", "object", "embed", "base", "applet", "portal"].includes(name)) findings.push(`<${name}>`);
      if (name === "meta" && element.hasAttribute("http-equiv")) findings.push(`<meta http-equiv="${element.getAttribute("http-equiv")}">`);
      for (const attribute of Array.from(element.attributes)) {
        const attr = attribute.name.toLowerCase();
        if (attr.startsWith("on")) findings.push(`<${name} ${attr}="${attribute.value.slice(0, 60)}">`);
        if (attr === "srcdoc") findings.push(`<${name} srcdoc>`);
        if (URL_ATTRIBUTES.has(attr) && scriptUrl(attribute.value) && !reactFormAction(element, attr, attribute.value)) findings.push(`<${name} ${attr}="${attribute.value.slice(0, 60)}">`);
        if (attr === "style" && /javascript:|expression\(|url\(/i.test(attribute.value)) findings.push(`<${name} style="${attribute.value.slice(0, 60)}">`);
      }
      if (name === "script") {
        const src = element.getAttribute("src");
        const text = element.textContent ?? "";
        const type = element.getAttribute("type");
        const ownFile = src !== null && new URL(src, location.href).origin === location.origin && new URL(src, location.href).pathname.startsWith("/_next/");
        const ownInline = src === null && (element.parentElement === document.body || element.parentElement === document.head) && nextInline.test(text);
        const jsonLd = src === null && type === "application/ld+json" && isJson(text);
        if (!ownFile && !ownInline && !jsonLd) findings.push(`<script${src ? ` src="${src}"` : ""}>${text.slice(0, 80)}</script>`);
      }
    }
    return findings;
  });
}

/** Opens `url` in the reader's page, lets any payload run, and returns everything that fired or remains. */
async function inspect(page: Page, url: string, fired: string[]): Promise<string[]> {
  const before = fired.length;
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  await page.waitForLoadState("load");
  // Handlers that need a pointer or focus: move over and tab through the page once.
  await page.mouse.move(200, 300);
  await page.keyboard.press("Tab");
  await page.waitForTimeout(300);
  const hits = await page.evaluate(() => (window as unknown as { __xssHits?: string[] }).__xssHits ?? []);
  return [...fired.slice(before), ...hits, ...(await domFindings(page)), ...(page.frames().length > 1 ? [`${page.frames().length - 1} frame(s)`] : [])].map((f) => `${url}: ${f}`);
}

function submitThroughUseCases(env: Record<string, string>): Promise<XssSubmitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "tests/support/e2e/submit-xss-payloads.ts"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, SUBMISSIONS_PER_HOUR: "10000", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (exitCode) => {
      if (exitCode !== 0) reject(new Error(`submit-xss-payloads exited with ${exitCode}:\n${output}`));
      else {
        try {
          resolve(parseXssSubmitResult(output));
        } catch (error) {
          reject(error);
        }
      }
    });
  });
}

test("stored XSS: 100+ payloads as narratives and corrections, approved, run nowhere", async ({ browser, baseURL, request }) => {
  test.setTimeout(120_000);
  const fired: string[] = [];
  const findings: string[] = [];
  const author = await seedUser({ databaseUrl, role: "CONTRIBUTOR", name: `Payload Author "><img src=x onerror=__xss(0)>`, baseUrl: baseURL });
  const moderator = await seedUser({ databaseUrl, role: "MODERATOR", name: "Moderator <svg onload=__xss(0)>", baseUrl: baseURL });
  const formPayload = MARKUP_PAYLOADS[0]!;
  const editorPayload = MARKUP_PAYLOADS[7]!;
  const javascriptUrl = URL_PAYLOADS[0]!;
  expect(javascriptUrl.href).toMatch(/^javascript:/);

  // The use cases, in a child process, while the browser fills the forms. Approvals there do not
  // revalidate Next's cached role page (which the forms' links may prefetch); the approvals made
  // in the browser afterwards do, so the reader sees every payload.
  const useCases = submitThroughUseCases({ XSS_OCCUPATION_CODE: code, XSS_AUTHOR_ID: author.id, XSS_MODERATOR_ID: moderator.id });
  useCases.catch(() => undefined); // awaited below; no unhandled rejection while the forms run

  await test.step("the contributor forms: a task with a javascript: source link, a narrative with a javascript: link", async () => {
    const context = await browser.newContext();
    await context.addCookies([author.cookie]);
    const page = await context.newPage();
    await page.goto(`/contribute/${slug}/correct`);
    const fillTask = async (sourceUrl: string) => {
      await page.getByLabel("What do you want to correct?").selectOption("TASK");
      await page.getByLabel("Add, change or remove a task").selectOption("ADD");
      await page.getByLabel("Your proposed value").fill(formPayload.text);
      await page.getByLabel("Why is this better? (required)").fill("Security test: the correction form.");
      await page.getByLabel("Source link (optional)").fill(sourceUrl);
      await page.getByRole("button", { name: "Send for review" }).click();
    };
    await fillTask(javascriptUrl.href);
    await expect(page.getByText("The source must be a web address starting with http:// or https://.").first()).toBeVisible();
    await fillTask("https://example.org/form-source");
    await expect(page.getByRole("status")).toContainText("waiting for a moderator");

    await page.goto(`/contribute/${slug}/narrative`);
    const editor = page.getByRole("textbox", { name: "Your narrative" });
    await editor.click();
    await page.keyboard.insertText(`${editorPayload.text} ${"Typed in the editor by the security suite. ".repeat(5)}link`);
    for (let i = 0; i < 4; i += 1) await page.keyboard.press("Shift+ArrowLeft");
    page.once("dialog", (dialog) => dialog.accept(javascriptUrl.href));
    await page.getByRole("button", { name: "Link", exact: true }).click();
    // The editor refuses the address: no link, or at least none with a script URL.
    await expect(editor.locator("a")).toHaveCount(0);
    await page.getByLabel("Years in this role").fill("2");
    await page.getByLabel("What surprised you about this work?").fill(editorPayload.text);
    await page.getByRole("button", { name: "Send for review" }).click();
    await expect(page.getByRole("status")).toContainText("waiting for a moderator", { timeout: 15_000 });
    await context.close();
  });

  const result = await useCases;

  await test.step("the moderator reviews the pending ones (unsanitised proposals shown as a diff) and approves them", async () => {
    const context = await browser.newContext();
    await context.addCookies([moderator.cookie]);
    await armSentinels(context, fired);
    const page = await context.newPage();
    await page.goto(`/moderation?occupation=${code}`);
    const links = await page.locator('main a[href^="/moderation/"]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")!));
    const notReviews = ["/moderation/audit", "/moderation/moderators", "/moderation/people", "/moderation/families", "/moderation/verifications", "/moderation/second-looks"];
    const reviews = [...new Set(links.filter((href) => /^\/moderation\/[a-z0-9]+$/.test(href) && !notReviews.includes(href)))];
    expect(reviews.length).toBe(result.held.length + 2);
    for (const review of reviews) {
      findings.push(...(await inspect(page, review, fired)));
      await page.getByRole("button", { name: "Approve", exact: true }).click();
      await expect(page.getByText(/^Decided by /)).toBeVisible();
    }
    await context.close();
  });

  const context = await browser.newContext();
  await armSentinels(context, fired);
  const reader = await context.newPage();

  await test.step("the detectors catch a page that does run a payload", async () => {
    await context.route("**/xss-canary", (route) =>
      route.fulfill({ contentType: "text/html", body: '<p>canary</p><img src=x onerror="__xss(0)"><a href="JavaScript:alert(0)">x</a><script>__xss("inline")</script>' }),
    );
    const caught = await inspect(reader, "/xss-canary", []);
    expect(caught).toEqual(
      expect.arrayContaining([expect.stringContaining("__xss(0)"), expect.stringContaining("__xss(inline)"), expect.stringContaining("onerror"), expect.stringContaining('href="JavaScript:alert(0)"')]),
    );
  });

  await test.step("the role page", async () => {
    findings.push(...(await inspect(reader, ROLE, fired)));
    // The payloads are there, as text. Under a loaded parallel run the first read after the last
    // approval has shown the page as it was before (seen once in CI, not reproduced alone): this
    // spec is about what runs, so it reads again until the approved state shows, and inspects it.
    await expect
      .poll(async () => {
        if ((await reader.getByTestId("narrative").count()) === result.submissions.narratives + 1) return true;
        findings.push(...(await inspect(reader, ROLE, fired)));
        return false;
      }, { timeout: 20_000, intervals: [1_000] })
      .toBe(true);
    await expect(reader.getByTestId("corrected-value").filter({ hasText: formPayload.text }).first()).toBeVisible();
    await expect(reader.getByTestId("narrative").filter({ hasText: editorPayload.text }).first()).toBeVisible();
  });

  await test.step("the history, with every revision's diff", async () => {
    await reader.goto(`${ROLE}/history`);
    const latest = Number((await reader.locator("ol.diff-list > li").first().getAttribute("id"))!.slice(1));
    expect(latest).toBe(result.submissions.approved + result.submissions.held + 2);
    findings.push(...(await inspect(reader, `${ROLE}/history?from=0&to=${latest}`, fired)));
    await expect(reader.locator(".diff ins", { hasText: formPayload.text }).first()).toBeVisible();
  });

  await test.step("recent changes, the Atom feed, the JSON API and the Markdown page", async () => {
    findings.push(...(await inspect(reader, "/changes", fired)));
    await expect(reader.getByText(`Task: ${formPayload.text}`).first()).toBeVisible();
    findings.push(...(await inspect(reader, "/changes.atom", fired)));

    const feed = await request.get("/changes.atom");
    expect(feed.headers()["content-type"]).toContain("application/atom+xml");
    const parsed = await reader.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, "application/xml");
      const elements = Array.from(doc.getElementsByTagName("*"));
      return {
        error: doc.getElementsByTagName("parsererror").length > 0,
        foreign: elements.filter((e) => e.namespaceURI !== "http://www.w3.org/2005/Atom").map((e) => e.tagName),
        summaries: Array.from(doc.getElementsByTagName("summary")).map((s) => s.textContent ?? ""),
      };
    }, await feed.text());
    expect(parsed.error).toBe(false);
    expect(parsed.foreign).toEqual([]);
    // Escaped in the XML, the payload comes back as the very text that was submitted.
    expect(parsed.summaries).toContain(`Task: ${formPayload.text}`);

    for (const [url, type] of [[`/api/roles/${code}`, "application/json"], [`${ROLE}.md`, "text/markdown"]] as const) {
      const response = await request.get(url);
      expect(response.headers()["content-type"], url).toContain(type);
      findings.push(...(await inspect(reader, url, fired)));
    }
  });
  await context.close();

  const { approved, held, refused } = result.submissions;
  console.log(
    `XSS: ${XSS_PAYLOADS.length} payloads tried, ${fired.length} executed, ${findings.length} left something in the DOM ` +
      `(${result.stored.length} stored and approved, ${result.refused.length} refused at input; ` +
      `${approved + held + refused + 2} submissions: ${approved + held + 2} approved, ${held + 2} of them in the browser, 2 sent through the forms, ${refused} refused)`,
  );
  expect(findings).toEqual([]);
  expect(fired).toEqual([]);
});
