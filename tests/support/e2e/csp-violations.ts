import type { BrowserContext, Page } from "@playwright/test";

/** One Content-Security-Policy violation as the browser reported it. */
export interface CspViolation {
  page: string;
  directive: string;
  blocked: string;
  sample: string;
}

/**
 * Collects every CSP violation in a browser context, across navigations: each document
 * reports its `securitypolicyviolation` events to the test, and console errors that name the
 * policy are kept too (a violation in a document that is about to unload can miss the event).
 * Call before opening pages; assert `violations` is empty at the end.
 */
export async function collectCspViolations(context: BrowserContext): Promise<CspViolation[]> {
  const violations: CspViolation[] = [];
  await context.exposeFunction("__reportCspViolation", (violation: CspViolation) => violations.push(violation));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation: (v: CspViolation) => void }).__reportCspViolation;
      void report({ page: location.href, directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample });
    });
  });
  const watchConsole = (page: Page) =>
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
        violations.push({ page: page.url(), directive: "console", blocked: "", sample: message.text() });
      }
    });
  context.pages().forEach(watchConsole);
  context.on("page", watchConsole);
  return violations;
}
