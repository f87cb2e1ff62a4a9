import { describe, expect, it } from "vitest";
import { ZNarrativeDocSchema } from "./narrative-document";
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
