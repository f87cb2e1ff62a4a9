// npm run bench:html: the Nu HTML Checker (the `vnu-jar` package, with Java) on the served
// markup of home, a role page, search, browse, compare, page history and sign-in, from the e2e
// build on the fixture datasets (started as the e2e suite starts it). Prints each error with
// its page; exits 1 when there is any. e2e/reader/html-validity.spec.ts checks the same pages.
import { HTML_CHECKED_PAGES } from "@/tests/support/e2e/html-checked-pages";
import { checkHtml, findJava } from "@/tests/support/e2e/nu-html-checker";
import { startE2eApp } from "./lib/e2e-app";

async function main() {
  const java = findJava();
  if (!java) throw new Error("No Java found (java on the PATH or JAVA_HOME): the Nu HTML Checker needs it (Debian: apt-get install default-jre-headless).");
  const app = await startE2eApp();
  try {
    const pages = new Map<string, string>();
    for (const pagePath of HTML_CHECKED_PAGES) {
      const response = await fetch(new URL(pagePath, app.baseUrl));
      pages.set(pagePath, await response.text());
    }
    const errors = await checkHtml(java, pages);
    for (const pagePath of HTML_CHECKED_PAGES) {
      const own = errors.filter((error) => error.page === pagePath);
      console.log(`${String(own.length).padStart(3)} errors  ${pagePath}`);
      for (const error of own) console.log(`      line ${error.line ?? "?"}: ${error.message}${error.extract ? `  [${error.extract.replace(/\s+/g, " ").trim()}]` : ""}`);
    }
    if (errors.length > 0) process.exitCode = 1;
  } finally {
    await app.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
