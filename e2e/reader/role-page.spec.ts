import { expect, test, type Page } from "@playwright/test";
import { E2E_OCCUPATION_COUNT } from "../../tests/support/e2e/e2e-datasets";
import { waitForSectionsLaidOut } from "../../tests/support/e2e/sections-laid-out";

// The e2e database holds the synthetic fixture occupations of every dataset
// (tests/support/fixtures/role-fixtures.ts, imported by scripts/e2e-server.ts).

const SECTIONS = [
  "Overview",
  "Key responsibilities",
  "Inside this career",
  "Pay",
  "Outlook",
  "Education and training",
  "AI exposure",
  "Skills, knowledge and abilities",
  "Work styles and values",
  "Work context",
  "Technology and tools",
  "Related careers",
  "Sources",
];

const section = (page: Page, name: string) => page.locator("section", { has: page.getByRole("heading", { level: 2, name, exact: true }) });

test("the home page lists every occupation with a link to its page", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Careers" })).toBeVisible();
  await expect(page.getByText(`${E2E_OCCUPATION_COUNT} occupations`)).toBeVisible();
  await page.getByRole("link", { name: "Test Widget Engineers" }).first().click();
  await expect(page).toHaveURL(/\/roles\/test-widget-engineers$/);
});

test("an O*NET-SOC code redirects to the role's slug", async ({ page, request }) => {
  const response = await request.get("/roles/99-0001.00", { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  expect(response.headers().location).toMatch(/\/roles\/test-widget-engineers$/);
  await page.goto("/roles/99-0001.00");
  await expect(page).toHaveURL(/\/roles\/test-widget-engineers$/);
});

test("a role page has every section, each naming its dataset and release", async ({ page }) => {
  await page.goto("/roles/test-widget-engineers");
  await expect(page.getByRole("heading", { level: 1, name: "Test Widget Engineers" })).toBeVisible();
  await expect(page.getByText("O*NET-SOC 99-0001.00")).toBeVisible();
  await expect(page.locator(".role-summary")).toHaveText("Design and test widgets for the test suite.");
  for (const name of SECTIONS) await expect(section(page, name), name).toBeVisible();
  await expect(section(page, "Overview").getByText("Source: O*NET Database, 29.3 (May 2025).")).toBeVisible();
  await expect(section(page, "Pay").getByText(/Source: Occupational Employment and Wage Statistics \(OEWS\), May 2024/)).toBeVisible();
  await expect(section(page, "Outlook").getByText(/Source: Employment Projections.*2024–34/)).toBeVisible();
  const sources = section(page, "Sources");
  await expect(sources.getByText("O*NET Database 29.3")).toBeVisible();
  await expect(sources.getByText(/CC BY 4\.0/).first()).toBeVisible();
  await expect(sources.getByText(/Data as of \d{4}-\d{2}-\d{2}/)).toBeVisible();
});

test("quick facts: pay with its range, education, training time, growth and the AI level", async ({ page }) => {
  await page.goto("/roles/test-widget-engineers");
  const facts = page.locator(".quick-facts");
  await expect(facts.getByText("$150,000 a year")).toBeVisible();
  await expect(facts.getByText("10th–90th percentile: $80,000 – ≥ $239,200")).toBeVisible();
  await expect(facts.getByText("Bachelor's degree")).toBeVisible();
  await expect(facts.getByText("Job zone 4 of 5")).toBeVisible();
  await expect(facts.getByText("+8.2%")).toBeVisible();
  const ai = facts.getByRole("definition").filter({ hasText: "task overlap, not a forecast of job loss" });
  await expect(ai).toBeVisible();
  await expect(ai).toContainText("High");
});

test("work styles and values: reached from the section menu, most important first, with O*NET's descriptions", async ({ page }) => {
  await page.goto("/roles/test-widget-engineers");
  await page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Work styles and values" }).click();
  await expect(page).toHaveURL(/#work-styles$/);
  const styles = section(page, "Work styles and values");
  await expect(styles.getByText("Importance on O*NET's scale from 1 (not important) to 5 (extremely important), most important first.")).toBeVisible();
  const items = styles.locator("ol.bar-list").first().locator("li");
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText("Attention to Detail");
  await expect(items.nth(0)).toContainText("Job requires being careful about detail and thorough in completing work tasks.");
  await expect(items.nth(0)).toContainText("4.80 / 5");
  await expect(items.nth(1)).toContainText("4.10 / 5; low precision");
  await expect(styles.getByRole("heading", { level: 3, name: "Work values" })).toBeVisible();
  await expect(styles.locator("ol.bar-list").nth(1).locator("li").first()).toContainText("Achievement");
  await expect(styles.getByText("Source: O*NET Database, 29.3 (May 2025).")).toBeVisible();
  await expect(section(page, "Work context").locator("li").filter({ hasText: "Duration of Typical Work Week" })).toContainText("most common answer: 40 hours (60 %)");

  await page.goto("/roles/test-sprocket-inspectors");
  await expect(section(page, "Work styles and values").getByText("O*NET 29.3 has no work style ratings for this occupation.")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the extra titles and skills open from <details>", async ({ page }) => {
    await page.goto("/roles/test-widget-engineers");
    const more = page.locator(".also-known-as details");
    await expect(more.locator("summary")).toHaveText("+3 more");
    await expect(more.getByText(/Widget Technologist/)).toBeHidden();
    await more.locator("summary").click();
    await expect(more.getByText(/Widget Technologist/)).toBeVisible();

    const skills = section(page, "Skills, knowledge and abilities");
    await expect(skills.locator("ol.bar-list").first().locator("li")).toHaveCount(10);
    await skills.getByText("3 more skills").click();
    await expect(skills.getByText("Programming")).toBeVisible();
  });
});

/** Each section's box, whether the browser may skip it, and the links of each that lie outside it (a folded <details>' links are not on the page). */
async function sectionBoxes(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".role-sections > .role-section")].map((element) => {
      const box = element.getBoundingClientRect();
      const outside = [...element.querySelectorAll("a")].filter((link) => {
        const rect = link.getBoundingClientRect();
        return link.checkVisibility() && (rect.top < box.top || rect.bottom > box.bottom);
      });
      return { id: element.getAttribute("aria-labelledby"), height: box.height, contentVisibility: getComputedStyle(element).contentVisibility, linksOutside: outside.map((link) => link.textContent) };
    }),
  );
}

test.describe("a long page on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  // 500rem: the stand-in height of a section not laid out yet (components/role/role.css), above
  // the tallest real section even at 320 px (Sources: 4,573 px on the real data).
  const STAND_IN_HEIGHT = 8000;

  test.describe("before it is interactive (here: without JavaScript)", () => {
    test.use({ javaScriptEnabled: false });

    test("a section far below the screen is skipped, standing in taller than itself, so none of its links lies over the next section", async ({ page }) => {
      await page.goto("/roles/test-widget-engineers");
      const sections = await sectionBoxes(page);
      expect(sections.every((section) => section.contentVisibility === "auto")).toBe(true);
      expect(sections.at(-1)!.height).toBe(STAND_IN_HEIGHT);
      expect(sections.filter((section) => section.linksOutside.length > 0)).toEqual([]);
    });
  });

  test("once interactive, every section is laid out at its real height", async ({ page }) => {
    await page.goto("/roles/test-widget-engineers");
    await waitForSectionsLaidOut(page);
    const sections = await sectionBoxes(page);
    expect(sections.length).toBe(SECTIONS.length);
    expect(sections.filter((section) => section.contentVisibility !== "visible" || section.height >= STAND_IN_HEIGHT)).toEqual([]);
  });

  test("an address ending in #pay opens at Pay, which stays on screen while the sections above it are laid out", async ({ page }) => {
    await page.goto("/roles/test-widget-engineers#pay");
    await waitForSectionsLaidOut(page);
    await expect(page.getByRole("heading", { level: 2, name: "Pay", exact: true })).toBeInViewport();
  });
});

test("pay shows the percentile ladder, top-coded values and the change since May 2023", async ({ page }) => {
  await page.goto("/roles/test-widget-engineers");
  const pay = section(page, "Pay");
  await expect(pay.getByText("Figure for SOC 99-1011 (Test Widget Engineers).")).toBeVisible();
  await expect(pay.getByRole("heading", { name: "Pay percentiles" })).toBeVisible();
  await expect(pay.getByRole("img", { name: /Pay percentiles, annual/ })).toBeVisible();
  await expect(pay.getByText(/not measured pay by years of experience/)).toBeVisible();
  await expect(pay.getByRole("row", { name: /90th percentile/ })).toContainText("≥ $239,200");
  await expect(pay.getByRole("row", { name: /90th percentile/ })).toContainText("≥ $115.00");
  // Percentiles are the pay distribution, not experience levels: the page never calls them so.
  await expect(pay.getByText(/Entry|Expert/)).toHaveCount(0);
  await expect(pay.getByText(/Median in May 2023: \$140,000 \(\+7\.1% in a year\)/)).toBeVisible();
});

test("outlook computes Bright Outlook and states both thresholds", async ({ page }) => {
  await page.goto("/roles/test-widget-engineers");
  const outlook = section(page, "Outlook");
  await expect(outlook.getByText("Bright Outlook: yes.")).toBeVisible();
  await expect(outlook.getByText(/5% or more over the projections period\) or to have 100,000 or more job openings/)).toBeVisible();
  await expect(outlook.getByText("54,100")).toBeVisible();
});

test("education, AI exposure, technology and related careers show their data", async ({ page }) => {
  await page.goto("/roles/test-widget-engineers");
  const education = section(page, "Education and training");
  await expect(education.getByText("Job Zone 4: Test Preparation")).toBeVisible();
  await expect(education.getByText("Bachelor's Degree", { exact: true })).toBeVisible();
  await expect(education.getByRole("row", { name: /Public \(in-state tuition\), 4-year/ })).toContainText("$9,349");
  await expect(education.getByRole("link", { name: /Watch the CareerOneStop video/ })).toHaveAttribute("href", /careeronestop-videos\.aspx\?videocode=99000100/);

  const ai = section(page, "AI exposure");
  await expect(ai.getByText("High: much of what this work involves overlaps with what current AI systems can do (task overlap, not a forecast of job loss).")).toBeVisible();
  await expect(ai.getByRole("heading", { name: /LLM exposure γ/ })).toBeHidden();
  await ai.getByText("The 6 indices behind this level").click();
  await expect(ai.getByRole("heading", { name: /LLM exposure γ/ })).toBeVisible();
  await expect(ai.getByText(/100th percentile/).first()).toBeVisible();
  await expect(ai.getByText(/SOC 2010 code 99-1010/).first()).toBeVisible();

  const technology = section(page, "Technology and tools");
  await expect(technology.getByRole("term").filter({ hasText: "Computer aided design CAD software" })).toBeVisible();
  await expect(technology.getByRole("listitem").filter({ hasText: "Widget CAD" })).toContainText("Hot");
  await expect(technology.getByRole("listitem").filter({ hasText: "Widget CAD" })).toContainText("In demand");

  const related = section(page, "Related careers");
  await expect(related.getByRole("link", { name: "Test Gadget Technicians" })).toHaveAttribute("href", "/roles/test-gadget-technicians");
  await expect(related.getByText(/median \$58,240 a year \(SOC group 99-1012 figure\)/).first()).toBeVisible();

  const inside = section(page, "Inside this career");
  await expect(inside.getByText("Work as a Test Widget Engineer?")).toBeVisible();
  await expect(inside.getByRole("link", { name: "Share what the job is really like" })).toHaveAttribute("href", "/contribute/narrative?role=test-widget-engineers");
});

test("a rating's bar is as long as its rating on a wide screen, and left out on a phone", async ({ page }) => {
  await page.goto("/roles/test-widget-engineers");
  const first = section(page, "Skills, knowledge and abilities").locator("ol.bar-list li").first();
  // The bar is the row's ::after, filled to --bar: importance over the scale's 5.
  const bar = () =>
    first.evaluate((row) => {
      const after = getComputedStyle(row, "::after");
      return { share: row.style.getPropertyValue("--bar"), value: row.querySelector(".bar-list__value")!.textContent, display: after.display, width: parseFloat(after.width), fill: after.backgroundImage };
    });
  const wide = await bar();
  const importance = Number(/^([\d.]+) \/ 5/.exec(wide.value ?? "")![1]);
  expect(wide.share).toBe(`${Math.round((importance / 5) * 1000) / 10}%`);
  expect(wide.display).toBe("block");
  expect(wide.width).toBeGreaterThan(40);
  expect(wide.fill).toContain(wide.share);
  await page.setViewportSize({ width: 390, height: 800 });
  expect((await bar()).display).toBe("none");
});

test("the section menu leaves room for its longest number, on a wide screen and on a phone", async ({ page }) => {
  await page.goto("/roles/test-widget-engineers");
  // A list's numbers sit in its left padding: a padding narrower than "13. " cut the first digit
  // off on the sticky menu (which scrolls, so it clips). Measured in the list's own font.
  const room = () =>
    page.locator(".on-this-page ol").evaluate((list) => {
      const style = getComputedStyle(list);
      const probe = document.createElement("span");
      probe.textContent = `${list.children.length}. `;
      probe.style.cssText = `font: ${style.font}; white-space: pre; position: absolute; visibility: hidden`;
      document.body.append(probe);
      const needed = probe.getBoundingClientRect().width;
      probe.remove();
      return { items: list.children.length, padding: parseFloat(style.paddingLeft), needed };
    });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const { items, padding, needed } = await room();
    expect(items).toBeGreaterThanOrEqual(10);
    expect(padding, `at ${width} px`).toBeGreaterThanOrEqual(needed);
  }
});

test("the whole technology and tool lists have a page of their own, linked back to the role", async ({ page, request }) => {
  await page.goto("/roles/test-widget-engineers/technology");
  await expect(page).toHaveTitle("Technology and tools: Test Widget Engineers · Careerwiki");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Test Widget Engineers: technology and tools");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/roles\/test-widget-engineers\/technology$/);
  const technology = section(page, "Technology and tools");
  await expect(technology.getByRole("listitem").filter({ hasText: "Widget CAD" })).toContainText("In demand");
  await expect(technology.getByText(/^Source: O\*NET/)).toBeVisible();
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Test Widget Engineers" }).click();
  await expect(page).toHaveURL(/\/roles\/test-widget-engineers$/);
  expect((await request.get("/roles/no-such-role/technology")).status()).toBe(404);
});

test("missing data is said in a sentence, and group figures say whose they are", async ({ page }) => {
  await page.goto("/roles/all-other-test-workers");
  for (const name of SECTIONS) await expect(section(page, name), name).toBeVisible();
  await expect(page.getByText("O*NET 29.3 has no task statements for this occupation.")).toBeVisible();
  // Empty rating lists fold into one line, not three empty headings.
  await expect(page.getByText("O*NET 29.3 has no skill, knowledge or ability ratings for this occupation.")).toBeVisible();
  await expect(section(page, "Skills, knowledge and abilities").getByRole("heading", { level: 3 })).toHaveCount(0);
  await expect(section(page, "Pay").getByText(/^Figure for SOC group 99-1030 \(Test Workers Group\)/)).toBeVisible();
  await expect(section(page, "Outlook").getByText(/^Figure for SOC group 99-1000 \(Test minor occupations\)/)).toBeVisible();
  await section(page, "AI exposure").getByText(/indices behind this level/).click();
  await expect(section(page, "AI exposure").getByText(/has no value for this occupation/).first()).toBeVisible();

  await page.goto("/roles/test-sprocket-inspectors");
  await expect(section(page, "Key responsibilities").getByRole("heading", { level: 3, name: "Tasks" })).toBeVisible();
  await expect(section(page, "Education and training").getByText(/this one is about a related career, Test Gadget Technicians/)).toBeVisible();
});

test("metadata: canonical URL, Open Graph and schema.org Occupation", async ({ page }) => {
  await page.goto("/roles/test-widget-engineers");
  await expect(page).toHaveTitle("Test Widget Engineers · Careerwiki");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/roles\/test-widget-engineers$/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Test Widget Engineers · Careerwiki");
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd).toMatchObject({ "@type": "Occupation", name: "Test Widget Engineers", estimatedSalary: [{ median: 150000, currency: "USD" }], occupationLocation: { name: "United States" } });
  // A share image per role, drawn by next/og.
  const image = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(image).toMatch(/\/roles\/test-widget-engineers\/opengraph-image/);
  const png = await page.request.get(image!);
  expect(png.status()).toBe(200);
  expect(png.headers()["content-type"]).toBe("image/png");
  expect((await page.request.get("/roles/no-such-role/opengraph-image")).status()).toBe(404);
});

test("cite this page: APA, MLA and BibTeX name the revision and, once opened, the reader's own date", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2031-02-03T10:00:00Z"));
  await page.goto("/roles/test-widget-engineers");
  const cite = page.locator("details.cite-this-page");
  // Closed, it holds the date the server wrote (the date is read only when a reader opens it).
  await expect(cite).not.toContainText("2031");
  await cite.getByText("Cite this page").click();
  await expect(cite).toContainText("Retrieved February 3, 2031, from http");
  await expect(cite).toContainText("Accessed 3 Feb. 2031.");
  await expect(cite.locator("pre")).toContainText("accessed 2031-02-03");
  await expect(cite).toContainText(/official data, no community revisions|revision \d+/);
  await expect(cite.getByRole("link")).toHaveAttribute("href", /\/roles\/test-widget-engineers$/);
});

test("every script a role page loads is built to compile while it downloads (V8's compile hint)", async ({ page, request }) => {
  const scripts: string[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.url());
  });
  await page.goto("/roles/test-widget-engineers");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(scripts.length).toBeGreaterThan(3);
  for (const url of scripts) {
    expect((await (await request.get(url)).text()).startsWith("//# allFunctionsCalledOnLoad\n"), url).toBe(true);
  }
});

test("the page as Markdown at /roles/<slug>.md", async ({ request }) => {
  const response = await request.get("/roles/test-widget-engineers.md");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/markdown");
  const body = await response.text();
  expect(body.startsWith("# Test Widget Engineers\n")).toBe(true);
  for (const name of SECTIONS) expect(body).toContain(`## ${name}\n`);
  expect(body).toContain("| 90th | ≥ $239,200 | ≥ $115.00 |");
  expect((await request.get("/roles/no-such-role.md")).status()).toBe(404);
});

test("the page's data as JSON at /api/roles/<code>", async ({ request }) => {
  const response = await request.get("/api/roles/99-0001.00");
  expect(response.status()).toBe(200);
  const data = await response.json();
  expect(data).toMatchObject({ code: "99-0001.00", slug: "test-widget-engineers", wages: { basis: { kind: "own", socCode: "99-1011" } }, aiLevel: { level: "High" } });
  expect((await request.get("/api/roles/not-a-code")).status()).toBe(422);
  expect((await request.get("/api/roles/99-9999.00")).status()).toBe(404);
});

test("compare shows pay, outlook, education, AI exposure, top skills and work styles side by side", async ({ page }) => {
  await page.goto("/compare?roles=test-widget-engineers,test-gadget-technicians");
  // The heading names the careers as the title does.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare Test Widget Engineers and Test Gadget Technicians");
  await expect(page).toHaveTitle("Compare Test Widget Engineers and Test Gadget Technicians · Careerwiki");
  const table = page.locator("table.compare-table");
  await expect(table.getByRole("columnheader", { name: /Test Widget Engineers/ })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: /Test Gadget Technicians/ })).toBeVisible();
  await expect(table.getByRole("row", { name: /Median pay/ })).toContainText("$150,000");
  await expect(table.getByRole("row", { name: /Median pay/ })).toContainText("SOC group 99-1012 figure");
  await expect(table.getByRole("row", { name: /Projected growth/ })).toContainText("+8.2%");
  await expect(table.getByRole("row", { name: /Typical entry education/ })).toContainText("High school diploma or equivalent");
  await expect(table.getByRole("row", { name: /AI exposure/ })).toContainText("High");
  await expect(table.getByRole("row", { name: /Top skills/ })).toContainText("Reading Comprehension");
  // Work styles as the role page shows them: most important first, with the value and its scale.
  const styles = table.getByRole("row", { name: /Top work styles/ });
  const [widgetStyles, gadgetStyles] = [styles.getByRole("cell").nth(0).locator("li"), styles.getByRole("cell").nth(1).locator("li")];
  await expect(widgetStyles).toHaveText(["Attention to Detail (4.80 / 5)", "Cooperation (4.10 / 5; low precision)", "Initiative (3.90 / 5)"]);
  await expect(gadgetStyles).toHaveText(["Attention to Detail (4.00 / 5)"]);
  await expect(page.getByText("Work styles: Importance on O*NET's scale from 1 (not important) to 5 (extremely important), most important first.")).toBeVisible();

  // A career O*NET rates no work style for says so in its column; readable on a phone, where the table scrolls in its own box.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/compare?roles=test-widget-engineers,test-sprocket-inspectors");
  const phoneStyles = page.locator("table.compare-table").getByRole("row", { name: /Top work styles/ });
  await expect(phoneStyles.getByRole("cell").nth(1)).toHaveText("O*NET 29.3 has no work style ratings for this occupation.");
  await phoneStyles.getByRole("cell").nth(1).scrollIntoViewIfNeeded();
  await expect(phoneStyles.getByRole("cell").nth(1)).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("an unknown role answers 404 with the site's own page, readable without JavaScript", async ({ request, browser }) => {
  for (const path of ["/roles/no-such-role", "/roles/98-9999.00"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
    const html = await response.text();
    expect(html, path).not.toContain('id="__next_error__"');
    expect(html, path).toContain('data-error-page="404"');
  }
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/roles/no-such-role");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "All careers" })).toBeVisible();
  await page.getByLabel("Search careers by title or task").fill("widget");
  await page.getByRole("main").getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=widget/);
  await expect(page.getByRole("link", { name: "Test Widget Engineers" }).first()).toBeVisible();
  await context.close();
});
