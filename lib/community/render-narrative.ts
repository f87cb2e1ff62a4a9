import "server-only";
import { generateHTML } from "@tiptap/html/server";
import DOMPurify from "isomorphic-dompurify";
import { narrativeExtensions, NARRATIVE_LINK_REL } from "./narrative-extensions";
import type { TNarrativeDoc } from "./narrative-document";

const ALLOWED_TAGS = ["p", "h2", "h3", "ul", "ol", "li", "blockquote", "strong", "em", "a", "br"];
const ALLOWED_ATTR = ["href", "rel", "start"];
const SAFE_URL = /^(?:https?:|mailto:)/i;

let hooked = false;
function ensureLinkHook() {
  if (hooked) return;
  hooked = true;
  // Every link that survives gets the same rel; a link whose href was dropped loses its tag's meaning but keeps its text.
  DOMPurify.addHook("afterSanitizeAttributes", (node) => {
    if (node.tagName === "A") {
      const href = node.getAttribute("href");
      if (!href || !SAFE_URL.test(href)) node.removeAttribute("href");
      node.setAttribute("rel", NARRATIVE_LINK_REL);
    }
  });
}

/** Sanitises HTML with the narrative allowlist: the tags the editor makes, http(s)/mailto links only. */
export function sanitizeNarrativeHtml(html: string): string {
  ensureLinkHook();
  return DOMPurify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR, ALLOWED_URI_REGEXP: SAFE_URL, ALLOW_DATA_ATTR: false });
}

/** Renders a validated narrative document to HTML on the server, then sanitises it. */
export function renderNarrative(doc: TNarrativeDoc): string {
  return sanitizeNarrativeHtml(generateHTML(doc, narrativeExtensions));
}
