import { expect, test } from "@playwright/test";

// A printed role page: the content only (no site header, menus, navigation or footer), on at
// most 6 Letter pages. Chromium's own PDF output, pages counted from its page objects.
const ROLE_PAGES = ["/roles/test-widget-engineers", "/roles/test-gadget-technicians", "/roles/all-other-test-workers"];

for (const path of ROLE_PAGES) {
  test(`${path} prints on at most 6 Letter pages, without header, navigation or footer`, async ({ page }) => {
    await page.goto(path);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    for (const selector of ["header.site-header", "footer.site-footer", "nav", ".skip-link", "form", "button"]) {
      // A box not rendered (display: none, itself or an ancestor) has no client rects.
      const visible = await page.locator(selector).evaluateAll((nodes) => nodes.filter((node) => node.getClientRects().length > 0).length);
      expect(visible, `${selector} shown in print`).toBe(0);
    }
    const pdf = await page.pdf({ format: "Letter" });
    // Each page is one `/Type /Page` object (`/Type /Pages` is the page tree).
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
    console.log(`print: ${path} on ${pages} Letter pages`);
    // Every section is printed (none skipped as off-screen): each of these pages fills several sheets.
    expect(pages).toBeGreaterThan(1);
    expect(pages).toBeLessThanOrEqual(6);
  });
}
