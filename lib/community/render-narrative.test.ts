import { Window } from "happy-dom";
import { describe, expect, it } from "vitest";
import { DOC_PAYLOADS, linkDocument, MARKUP_PAYLOADS, narrativeWith, paragraphOf, URL_PAYLOADS, XSS_PAYLOADS } from "@/tests/support/fixtures/xss-payloads";
import { type TNarrativeDoc, ZNarrativeDocSchema } from "./narrative-document";
import { renderNarrative, sanitizeNarrativeHtml } from "./render-narrative";

describe("sanitizeNarrativeHtml", () => {
  it("strips scripts, event handlers, javascript: links and tags outside the allowlist", () => {
    const html = sanitizeNarrativeHtml(
      '<p onclick="steal()">Hi<script>alert(1)</script><img src=x onerror=alert(1)></p>' +
        '<a href="javascript:alert(1)">js</a><a href="JaVaScRiPt:alert(1)">js2</a><a href="data:text/html,x">data</a>' +
        '<a href="https://example.org" target="_blank" onmouseover="x()">ok</a><a href="mailto:a@example.org">mail</a>' +
        '<iframe src="https://evil.example"></iframe><style>body{}</style><h1>big</h1><h2 style="color:red">ok</h2>',
    );
    expect(html).not.toMatch(/script|onerror|onclick|onmouseover|javascript:|data:|iframe|style|<img|target|<h1/i);
    expect(html).toContain('<a href="https://example.org" rel="nofollow ugc noopener">ok</a>');
    expect(html).toContain('<a href="mailto:a@example.org" rel="nofollow ugc noopener">mail</a>');
    expect(html).toContain("<a rel=\"nofollow ugc noopener\">js</a>");
    expect(html).toContain("<h2>ok</h2>");
  });
});

describe("renderNarrative", () => {
  it("renders the editor's JSON on the server with escaped text and safe links", () => {
    const doc = ZNarrativeDocSchema.parse({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "<script>alert(1)</script>" }] },
        { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "quoted", marks: [{ type: "italic" }] }] }] },
        { type: "orderedList", attrs: { start: 1, type: null }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "one" }] }] }] },
        { type: "paragraph", content: [{ type: "text", text: "link", marks: [{ type: "link", attrs: { href: "https://example.org/a?b=1&c=2", target: "_blank" } }] }] },
      ],
    });
    const html = renderNarrative(doc);
    expect(html).toContain("<h3>&lt;script&gt;alert(1)&lt;/script&gt;</h3>");
    expect(html).toContain("<blockquote><p><em>quoted</em></p></blockquote>");
    expect(html).toMatch(/<ol( start="1")?><li><p>one<\/p><\/li><\/ol>/);
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc noopener">link</a>');
  });

  it("refuses documents the editor cannot make (z.any nowhere)", () => {
    const bad = [
      { type: "doc", content: [{ type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "h1" }] }] },
      { type: "doc", content: [{ type: "paragraph", attrs: { onclick: "x" } }] },
      { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }] },
      { type: "doc", content: [{ type: "image", attrs: { src: "https://x" } }] },
      { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x".repeat(20_001) }] }] },
    ];
    for (const doc of bad) expect(ZNarrativeDocSchema.safeParse(doc).success).toBe(false);
  });
});

/** What in sanitised HTML could run script: handlers, script-bearing URLs, elements outside the allowlist. */
const { document } = new Window();

function unsafeParts(html: string): string[] {
  document.body.innerHTML = html;
  const found: string[] = [];
  for (const element of Array.from(document.body.querySelectorAll("*"))) {
    const name = element.localName;
    if (!ALLOWED_ELEMENTS.has(name)) found.push(`<${name}>`);
    for (const { name: attr, value } of Array.from(element.attributes)) {
      if (!["href", "rel", "start"].includes(attr)) found.push(`<${name} ${attr}>`);
      if (attr === "href" && !/^(https?:|mailto:)/i.test(value ?? "")) found.push(`<${name} href="${value}">`);
    }
  }
  return found;
}
const ALLOWED_ELEMENTS = new Set(["p", "h2", "h3", "ul", "ol", "li", "blockquote", "strong", "em", "a", "br"]);

describe("the stored-XSS corpus (tests/support/fixtures/xss-payloads.ts), without the schema in front", () => {
  it("has at least 100 payloads", () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(100);
  });

  it.each(MARKUP_PAYLOADS.map((p) => [p.id, p.text] as const))("markup #%i sanitised as HTML keeps nothing that runs", (_id, markup) => {
    expect(unsafeParts(sanitizeNarrativeHtml(markup))).toEqual([]);
  });

  it.each(MARKUP_PAYLOADS.map((p) => [p.id, p.text] as const))("markup #%i as narrative text comes back as the same text", (_id, markup) => {
    const html = renderNarrative(narrativeWith([paragraphOf(markup)]) as TNarrativeDoc);
    expect(unsafeParts(html)).toEqual([]);
    expect(document.body.querySelector("p")?.textContent).toBe(markup);
  });

  it.each(URL_PAYLOADS.map((p) => [p.id, p.href] as const))("link address #%i %j: kept only as an inert http(s)/mailto href", (id, href) => {
    const html = renderNarrative(linkDocument(href, id) as TNarrativeDoc);
    expect(unsafeParts(html)).toEqual([]);
  });

  it.each(DOC_PAYLOADS.map((p) => [p.id, p.name, p.blocks] as const))("crafted document #%i (%s): refused by the renderer or rendered inert", (_id, _name, blocks) => {
    let html: string;
    try {
      html = renderNarrative(narrativeWith(blocks) as TNarrativeDoc);
    } catch {
      return; // tiptap's schema refuses node types it does not know: nothing is rendered
    }
    expect(unsafeParts(html)).toEqual([]);
  });
});
