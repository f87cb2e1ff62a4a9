import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { seedCorrection, seedRevision } from "../../tests/support/e2e/community-fixtures";
import { waitForSectionsLaidOut } from "../../tests/support/e2e/sections-laid-out";
import { queryRows } from "../../tests/support/query-rows";
import { seedUser } from "../../tests/support/seed-users";
import { listAppRoutes } from "../security/malformed-corpus";
import { closeDatabase, insertApprovedListItemCorrection } from "../security/security-data";

// No page scrolls sideways on a 390 px phone: the document is never wider than the
// viewport. Reader pages, the 404, and the signed-in pages of a moderator (who sees every
// signed-in page).
const READER_PAGES = [
  "/",
  "/roles/test-widget-engineers",
  "/roles/all-other-test-workers",
  "/roles/test-widget-engineers/history",
  "/roles/test-widget-engineers/technology",
  "/search?q=widget",
  "/roles?sort=pay",
  "/compare?roles=test-widget-engineers,test-gadget-technicians,all-other-test-workers",
  "/compare?roles=test-widget-engineers,test-gadget-technicians,all-other-test-workers&state=CA",
  "/roles?sort=pay&state=CA&minPay=50000",
  "/earnings?roles=test-widget-engineers,test-gadget-technicians&state=CA",
  "/earnings",
  "/interests?state=CA&minPay=50000",
  "/changes",
  "/api",
  "/sign-in",
  "/sign-in/check-email",
  "/roles/no-such-role",
];
const SIGNED_IN_PAGES = [
  "/profile",
  "/me/contributions",
  "/me/notifications",
  "/me/watching",
  "/me/verifications",
  "/me/review",
  "/me/account",
  // One-time links, followed with a token that is not (or no longer) valid: the page says so.
  "/me/account/confirm?token=not-a-token",
  "/me/verifications/confirm?token=not-a-token",
  "/sign-out",
  "/contribute/narrative?role=test-widget-engineers",
  "/contribute/test-widget-engineers/correct",
  "/contribute/test-widget-engineers/narrative",
  "/moderation",
  "/moderation/audit",
  "/moderation/families",
  "/moderation/verifications",
  "/moderation/second-looks",
  "/moderation/moderators",
  "/moderation/people",
];

// Pages whose tables read without any sideways scrolling on a phone: no inner box scrolls
// either (each table row stacks into a block of labelled lines below 48rem).
const INTEREST_ANSWERS = new URLSearchParams(
  ["like", "like", "dislike", "unsure", "dislike", "like", "like", "unsure", "dislike", "dislike", "unsure", "dislike"].map((answer, index) => [`${"RIASEC"[index % 6]}${Math.floor(index / 6) + 1}`, answer]),
);
const TABLE_PAGES = [
  `/interests?${INTEREST_ANSWERS}`,
  `/interests?${INTEREST_ANSWERS}&state=CA`,
  "/earnings?roles=test-widget-engineers,test-gadget-technicians,all-other-test-workers",
  "/earnings?roles=test-widget-engineers,test-gadget-technicians&state=CA",
  "/paths/fast-to-start",
  "/paths/growing-fast",
  // A path's list is browse's role table.
  "/roles?sort=pay",
  "/roles?sort=pay&state=CA",
];
// Pages without a table on the e2e data (this path's rule compares against all-occupations figures the fixtures lack).
const OTHER_PAGES = ["/paths", "/paths/good-pay-without-a-degree"];

test.use({ viewport: { width: 390, height: 844 } });
test.afterAll(closeDatabase);

async function widerThanViewport(page: Page, paths: readonly string[]): Promise<string[]> {
  const wide: string[] = [];
  for (const path of paths) {
    const status = (await page.goto(path))?.status() ?? 0;
    await waitForSectionsLaidOut(page);
    // The page itself, not the 404 in its place (which the list has once, on purpose).
    if (status >= 400 && !path.includes("no-such-role")) wide.push(`${path}: answered ${status}, not the page`);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    if (scrollWidth > clientWidth) wide.push(`${path}: ${scrollWidth} px wide in a ${clientWidth} px viewport`);
  }
  return wide;
}

// Pages with an id in the address, filled in by the signed-in test from what it seeds.
const SIGNED_IN_PAGES_WITH_IDS = ["/moderation/[id]", "/moderation/people/[id]", "/me/contributions/[id]/edit", "/contribute/report/[id]", "/people/[number]"];
// Pages no phone reader reaches, each with why.
const NOT_MEASURED: Record<string, string> = { "/dev/mailbox": "the development mailbox: a 404 in production" };

test("every page of the app is measured at 390 px below, or says why not", () => {
  const measured = [...READER_PAGES, ...SIGNED_IN_PAGES, ...TABLE_PAGES, ...OTHER_PAGES].map((url) => new URL(url, "http://localhost").pathname);
  const templateMatches = (template: string, path: string) => new RegExp(`^${template.replace(/\[[^\]]+\]/g, "[^/]+")}$`).test(path);
  const pages = listAppRoutes().filter((route) => route.kind === "page").map((route) => route.template);
  expect(pages.filter((template) => !(template in NOT_MEASURED) && !SIGNED_IN_PAGES_WITH_IDS.includes(template) && !measured.some((path) => templateMatches(template, path)))).toEqual([]);
});

test("reader pages fit a 390 px phone without scrolling sideways", async ({ page }) => {
  test.setTimeout(60_000);
  expect(await widerThanViewport(page, READER_PAGES)).toEqual([]);
});

/** Every element on the page that scrolls sideways inside its own box (overflow-x auto or scroll, content wider than the box). */
async function sidewaysScrollBoxes(page: Page, paths: readonly string[], withTable: boolean): Promise<string[]> {
  const boxes: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    await waitForSectionsLaidOut(page);
    if (withTable) await expect(page.locator("main table").first(), `a table on ${path}`).toBeVisible();
    const found = await page.evaluate(() =>
      [...document.querySelectorAll("body *")]
        .filter((element) => ["auto", "scroll"].includes(getComputedStyle(element).overflowX) && element.scrollWidth > element.clientWidth)
        .map((element) => `<${element.tagName.toLowerCase()} class="${element.className}">: ${element.scrollWidth} px of content in ${element.clientWidth} px`),
    );
    boxes.push(...found.map((box) => `${path}: ${box}`));
  }
  return boxes;
}

test("interest results, earnings and paths read at 390 px with no page and no inner box scrolling sideways", async ({ page }) => {
  test.setTimeout(60_000);
  expect(await widerThanViewport(page, [...TABLE_PAGES, ...OTHER_PAGES])).toEqual([]);
  expect([...(await sidewaysScrollBoxes(page, TABLE_PAGES, true)), ...(await sidewaysScrollBoxes(page, OTHER_PAGES, false))]).toEqual([]);
});

/** The words on `path` split across lines although shorter than a line of the page (every <details> open). */
async function brokenWords(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  await waitForSectionsLaidOut(page);
  // Every <details> open, so folded lists are laid out too.
  await page.evaluate(() => document.querySelectorAll("main details").forEach((details) => details.setAttribute("open", "")));
  const words = await page.evaluate(() => {
    const found: string[] = [];
    const main = document.querySelector("main")!;
    const lineWidth = main.clientWidth - parseFloat(getComputedStyle(main).paddingLeft) - parseFloat(getComputedStyle(main).paddingRight);
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const parent = node.parentElement;
      if (!parent || parent.closest(".visually-hidden, .print-only, [hidden]")) continue;
      // Machine text (ids, emails, the audit log's JSON) may break anywhere: it has no words to keep.
      if (parent.closest("code, .code")) continue;
      // Text kept for screen readers only (a stacked table's header row, clipped to a pixel).
      let clipped = false;
      for (let element: HTMLElement | null = parent; element && !clipped; element = element.parentElement) clipped = getComputedStyle(element).clipPath !== "none";
      if (clipped) continue;
      // Words and figures; a break at a hyphen or dash ("re-|hosted") is a line break, not a broken word.
      for (const match of node.data.matchAll(/[^\s\-‐–—]{4,}/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
        // Broken across lines although it is shorter than a line of the page (a URL longer than that may break).
        if (new Set(rects.map((rect) => Math.round(rect.top))).size > 1 && rects.reduce((sum, rect) => sum + rect.width, 0) <= lineWidth) {
          found.push(`${match[0]} in <${parent.tagName.toLowerCase()} class="${parent.className}">`);
        }
      }
    }
    return found;
  });
  return words.map((word) => `${path}: ${word}`);
}

test("reader pages at 390 px break no word across lines: every column of text is wide enough for its words", async ({ page }) => {
  test.setTimeout(60_000);
  const paths = [
    "/roles/test-widget-engineers", "/roles/all-other-test-workers", "/roles/test-widget-engineers/technology", "/roles/test-widget-engineers/history",
    "/", "/roles?sort=pay", "/search?q=widget", "/compare?roles=test-widget-engineers,test-gadget-technicians", ...TABLE_PAGES, ...OTHER_PAGES, "/changes",
  ];
  const broken: string[] = [];
  for (const path of paths) broken.push(...(await brokenWords(page, path)));
  expect(broken).toEqual([]);
});

test("compare at 390 px: two careers side by side, and with three the row names stay in view as the table scrolls", async ({ page }) => {
  await page.goto("/compare?roles=test-widget-engineers,test-gadget-technicians");
  const box = page.getByRole("region", { name: "Careers side by side" });
  // The second career starts in the first three quarters of the box: both are on screen (a word
  // longer than a column widens it a little).
  const { left, width } = await box.evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
  expect((await page.getByRole("columnheader").last().boundingBox())!.x, "the second career starts on screen").toBeLessThan(left + 0.75 * width);

  await page.goto("/compare?roles=test-widget-engineers,test-gadget-technicians,all-other-test-workers");
  const rowName = page.getByRole("rowheader", { name: "Median pay" });
  const before = (await rowName.boundingBox())!;
  await box.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
  await expect.poll(() => box.evaluate((element) => element.scrollLeft)).toBeGreaterThan(50);
  const after = (await rowName.boundingBox())!;
  // (Within a pixel: the collapsed border the column had before it stuck.)
  expect(Math.abs(after.x - before.x), "the row names stay where they were").toBeLessThanOrEqual(1.5);
  // …and the last career's column is beside them, not under them.
  const lastCareer = page.getByRole("columnheader").last();
  expect((await lastCareer.boundingBox())!.x).toBeGreaterThanOrEqual(after.x + after.width - 1);
});

test("stacked tables at 390 px stay tables to screen readers, each row labelled, with no serious axe violation", async ({ page }) => {
  test.setTimeout(90_000);
  const violations: string[] = [];
  for (const path of TABLE_PAGES) {
    await page.goto(path);
    const table = page.getByRole("main").getByRole("table").last();
    // Chromium keeps a display: block table's semantics: its column headers, row headers and cells.
    await expect(table.getByRole("columnheader").first(), path).toBeAttached();
    const row = table.getByRole("row").nth(1);
    await expect(row.getByRole("rowheader"), path).toBeVisible();
    // A cell's column name is on screen beside its value, stacked below the row header.
    const cell = row.getByRole("cell").last();
    await expect(cell.locator(".stack-table__label"), path).toBeVisible();
    const [header, value] = [await row.getByRole("rowheader").boundingBox(), await cell.boundingBox()];
    expect(value!.y, path).toBeGreaterThan(header!.y);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    violations.push(...results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`));
  }
  expect(violations).toEqual([]);
});

// What users write may hold a word longer than a phone's line: a proposal and rationale with a
// 300-character word, a 380-character source link, an 80-character display name, a one-word bio.
const LONG_WORD = "Unbrokenwordwrittenbyauser".repeat(12).slice(0, 300);
const LONG_URL = `https://example.test/${"averylongsourcepathsegment/".repeat(14)}`.slice(0, 380);
const LONG_NAME = "PhoneWidthAdministrator".repeat(4).slice(0, 80);

/**
 * An administrator (who sees every signed-in page) with a profile, an item waiting and one
 * decided, all written with those long words; returns a browser page signed in as them and
 * every signed-in page, and the public pages showing what they wrote, to measure.
 */
async function signedInAdministrator(browser: Browser, baseURL: string | undefined): Promise<{ page: Page; paths: string[]; close: () => Promise<void> }> {
  const databaseUrl = process.env.E2E_DATABASE_URL!;
  // The queue, their contributions, the audit log and the backlog are filled even when this spec runs alone.
  const admin = await seedUser({ databaseUrl, role: "ADMIN", name: LONG_NAME, baseUrl: baseURL });
  await queryRows(databaseUrl, `INSERT INTO "Profile" ("userId", "displayName", "bio", "showApproved", "updatedAt") VALUES ($1, $2, $3, true, now())`, [admin.id, LONG_NAME, LONG_WORD]);
  const text = `Most widget engineers now certify their assemblies before shipping them: ${LONG_WORD}`;
  const correction = { databaseUrl, authorId: admin.id, occupationCode: "99-0001.00", text, rationale: `Because ${LONG_WORD}`, sourceUrl: LONG_URL };
  const pending = await seedCorrection({ ...correction, submittedDaysAgo: 0 });
  const decided = await seedCorrection({ ...correction, submittedDaysAgo: 1, decidedDaysAgo: 0, deciderId: admin.id });
  await seedRevision({ databaseUrl, submissionId: decided, actorId: admin.id, text });
  const [user] = await queryRows<{ number: number }>(databaseUrl, `SELECT number FROM "User" WHERE id = $1`, [admin.id]);
  const ids: Record<string, string> = { "/moderation/[id]": pending, "/moderation/people/[id]": admin.id, "/me/contributions/[id]/edit": pending, "/contribute/report/[id]": `${await insertApprovedListItemCorrection(admin.id)}?what=correction`, "/people/[number]": String(user!.number) };
  const paths = [...SIGNED_IN_PAGES, ...SIGNED_IN_PAGES_WITH_IDS.map((template) => template.replace(/\[[^\]]+\]/, ids[template]!)), "/roles/test-widget-engineers/history", "/changes"];
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addCookies([admin.cookie]);
  return { page: await context.newPage(), paths, close: () => context.close() };
}

test("signed-in pages, and public pages showing what users wrote, at 390 px: nothing scrolls sideways and no word is broken across lines (tables stack their rows)", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const { page, paths, close } = await signedInAdministrator(browser, baseURL);
  expect(await widerThanViewport(page, paths)).toEqual([]);
  const broken: string[] = [];
  for (const path of paths) broken.push(...(await brokenWords(page, path)));
  expect(broken).toEqual([]);
  await close();
});

/**
 * The controls and navigation links on each page shorter than 24 px (WCAG 2.5.8): inputs,
 * selects, buttons, a checkbox or radio unless it or one of its labels is tall enough, links in
 * navigation or alone in a table cell, and the Remove links. Links inside running text are exempt.
 */
async function smallTargets(page: Page, paths: readonly string[]): Promise<string[]> {
  const small: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    await waitForSectionsLaidOut(page);
    const found = await page.evaluate(() => {
      const height = (element: Element) => element.getBoundingClientRect().height;
      // On screen: not clipped to a pixel for screen readers, nor moved off the page (the skip link).
      const shown = (element: Element) => {
        const rect = element.getBoundingClientRect();
        return rect.width > 1 && rect.height > 1 && rect.right > 0 && getComputedStyle(element).visibility !== "hidden";
      };
      const name = (element: Element) => `<${element.tagName.toLowerCase()}${element.getAttribute("type") ? ` type="${element.getAttribute("type")}"` : ""}> “${(element.textContent?.trim() || element.getAttribute("name") || "").slice(0, 40)}”`;
      const targets = [...document.querySelectorAll("input, select, textarea, button, header a, nav a, th > a, td > a, a.remove-link")].filter(shown);
      const tooSmall = targets.flatMap((element) => {
        const choice = element instanceof HTMLInputElement && (element.type === "checkbox" || element.type === "radio");
        const measured = choice ? [element, ...(element.labels ?? [])] : [element];
        const tallest = Math.max(...measured.map(height));
        return tallest < 24 ? [`${name(measured.at(-1)!)} is ${Math.round(tallest * 10) / 10} px tall`] : [];
      });
      return { count: targets.length, tooSmall };
    });
    if (found.count === 0) small.push(`${path}: no control measured`);
    small.push(...found.tooSmall.map((problem) => `${path}: ${problem}`));
  }
  return small;
}

test("controls and navigation on every reader page at 390 px are targets a finger can hit: at least 24 px tall", async ({ page }) => {
  test.setTimeout(120_000);
  expect(await smallTargets(page, [...READER_PAGES, ...TABLE_PAGES, ...OTHER_PAGES])).toEqual([]);
});

test("controls and navigation on every signed-in page at 390 px are targets a finger can hit: at least 24 px tall", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const { page, paths, close } = await signedInAdministrator(browser, baseURL);
  expect(await smallTargets(page, paths)).toEqual([]);
  await close();
});
