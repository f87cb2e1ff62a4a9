import type { Page } from "@playwright/test";

/**
 * Waits until a role page has laid out every section (components/role/lay-out-sections.tsx:
 * until then an off-screen section is skipped and clips what overflows it, so a width or
 * overlap measured earlier would miss what the reader sees). Other pages return at once.
 */
export async function waitForSectionsLaidOut(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector(".role-sections:not([data-all-laid-out])") === null);
}
