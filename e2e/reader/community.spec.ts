import { expect, test } from "@playwright/test";

test("a role page ships no editor code: its scripts contain no tiptap/ProseMirror", async ({ page, request }) => {
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  await page.goto("/roles/test-widget-engineers");
  await expect(page.getByRole("heading", { level: 2, name: "Inside this career" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(scripts.length).toBeGreaterThan(0);
  for (const url of scripts) {
    const body = await (await request.get(url)).text();
    expect(body, url).not.toMatch(/ProseMirror|tiptap/);
  }
});

test("the recent changes page and the Atom feed answer, and the feed is well-formed Atom", async ({ page, request }) => {
  await page.goto("/changes");
  await expect(page.getByRole("heading", { level: 1, name: "Recent changes" })).toBeVisible();
  const feed = await request.get("/changes.atom");
  expect(feed.status()).toBe(200);
  const xml = await feed.text();
  expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
  expect(xml).toContain("</feed>");
});

test("a page's history answers for every role, and 404 for unknown ones", async ({ page, request }) => {
  await page.goto("/roles/test-widget-engineers/history");
  await expect(page.getByRole("heading", { level: 1, name: "History of Test Widget Engineers" })).toBeVisible();
  expect((await request.get("/roles/no-such-role/history")).status()).toBe(404);
});
