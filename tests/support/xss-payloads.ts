/**
 * The stored-XSS corpus (issue #5, item 2): markup strings, link addresses and crafted
 * tiptap documents that try to run script once stored and shown. Each payload calls a
 * sentinel with its own number (`__xss(n)`, `alert(n)`, a request to `/xss-hit?n`), so a
 * payload that fires names itself. Used by the renderer's unit tests
 * (lib/community/render-narrative.test.ts), by the script that submits and approves them
 * through the real use cases (tests/support/submit-xss-payloads.ts) and by the e2e spec
 * that opens every public surface in Chromium (e2e/security/stored-xss.spec.ts).
 * No dependencies: it loads in vitest, tsx and Playwright alike.
 */

/** Markup meant to be stored as text: narrative paragraphs, prompt answers, correction values. */
const MARKUP_TEMPLATES = [
  // script tags, plain, mixed case, external, split and nested
  "<script>__xss(ID)</script>",
  "<SCRIPT>__xss(ID)</SCRIPT>",
  "<ScRiPt>alert(ID)</sCrIpT>",
  '<script src="/xss-hit?ID"></script>',
  "<scr<script>ipt>__xss(ID)</scr</script>ipt>",
  "<script>import('/xss-hit?ID')</script>",
  "<template><script>__xss(ID)</script></template>",
  // event-handler attributes
  "<img src=x onerror=__xss(ID)>",
  "<IMG SRC=x OnErRoR=__xss(ID)>",
  "<img src=\"x\" onerror=\"fetch('/xss-hit?ID')\">",
  "<img/src/onerror=__xss(ID)>",
  "<img src=x onerror=import('/xss-hit?ID')>",
  "<img src=x:alert(alt) onerror=eval(src) alt=ID>",
  "<body onload=__xss(ID)>",
  "<input autofocus onfocus=__xss(ID)>",
  "<details open ontoggle=__xss(ID)>",
  "<video><source onerror=__xss(ID)></video>",
  "<audio src=x onerror=__xss(ID)>",
  "<marquee onstart=__xss(ID)>x</marquee>",
  "<p onmouseover=__xss(ID)>hover</p>",
  "<x onclick=__xss(ID) style=display:block>click",
  '<a href="https://example.org" onclick="__xss(ID)">x</a>',
  "<isindex type=image src=1 onerror=__xss(ID)>",
  "<div onpointerenter=__xss(ID) style=position:fixed;inset:0>",
  // SVG
  "<svg onload=__xss(ID)>",
  "<svg/onload=__xss(ID)//",
  "<svg><script>__xss(ID)</script></svg>",
  "<svg><animate onbegin=__xss(ID) attributeName=x dur=1s>",
  '<svg><a xlink:href="javascript:__xss(ID)"><text x=20 y=20>x</text></a></svg>',
  "<svg><set attributeName=onmouseover to=__xss(ID)>",
  "<svg><animate attributeName=href values=javascript:__xss(ID) /><a><text y=1em>x</text></a></svg>",
  "<svg><style><img src=x onerror=__xss(ID)></style></svg>",
  '<svg><foreignObject><iframe srcdoc="<script>parent.__xss(ID)</script>"></foreignObject></svg>',
  "<svg><image href=x onerror=__xss(ID) /></svg>",
  // MathML and mutation tricks
  "<math><mtext><table><mglyph><style><img src=x onerror=__xss(ID)>",
  '<math href="javascript:__xss(ID)">click</math>',
  '<math><maction actiontype="statusline" xlink:href="javascript:__xss(ID)">x</maction></math>',
  '<math><mi xlink:href="data:x,<script>__xss(ID)</script>">x</mi></math>',
  '<noscript><p title="</noscript><img src=x onerror=__xss(ID)>">',
  "<form><math><mtext></form><form><mglyph><style></math><img src onerror=__xss(ID)>",
  // links and URL-bearing attributes in markup
  '<a href="javascript:__xss(ID)">link</a>',
  '<a href="JaVaScRiPt:__xss(ID)">x</a>',
  '<a href="&#106;avascript:__xss(ID)">x</a>',
  '<a href="jav&#x09;ascript:__xss(ID)">x</a>',
  '<a href=" javascript:__xss(ID)">x</a>',
  '<a href="java\nscript:__xss(ID)">x</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;__xss(ID)">x</a>',
  '<a href="data:text/html,<script>parent.__xss(ID)</script>">x</a>',
  '<a href="vbscript:msgbox(ID)">x</a>',
  '<iframe src="javascript:__xss(ID)"></iframe>',
  '<iframe srcdoc="<script>parent.__xss(ID)</script>"></iframe>',
  '<object data="javascript:__xss(ID)"></object>',
  '<embed src="data:text/html,<script>parent.__xss(ID)</script>">',
  '<form action="javascript:__xss(ID)"><button>go</button></form>',
  '<button formaction="javascript:__xss(ID)">x</button>',
  '<base href="javascript:__xss(ID)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:__xss(ID)">',
  '<link rel=stylesheet href="javascript:__xss(ID)">',
  '<div style="background:url(javascript:__xss(ID))">x</div>',
  "<style>@import 'javascript:__xss(ID)';</style>",
  // breaking out of the context the text lands in (attribute, element, JSON-LD, XML feed)
  '"><script>__xss(ID)</script>',
  "'><img src=x onerror=__xss(ID)>",
  "</p><script>__xss(ID)</script><p>",
  "</script><script>__xss(ID)</script>",
  "</textarea><script>__xss(ID)</script>",
  "</title><script>__xss(ID)</script>",
  "]]><script>__xss(ID)</script>",
  "<![CDATA[<script>__xss(ID)</script>]]>",
  '<x:script xmlns:x="http://www.w3.org/1999/xhtml">__xss(ID)</x:script>',
  '</summary><content type="html">&lt;img src=x onerror=__xss(ID)&gt;</content>',
  // pre-encoded and escaped forms
  "&lt;script&gt;__xss(ID)&lt;/script&gt;",
  "&#60;script&#62;__xss(ID)&#60;/script&#62;",
  "%3Cscript%3E__xss(ID)%3C/script%3E",
  "\\u003cscript\\u003e__xss(ID)\\u003c/script\\u003e",
  "\u2028<script>__xss(ID)</script>\u2029",
  // template injection
  "{{constructor.constructor('__xss(ID)')()}}",
  "javascript:__xss(ID)",
];

/** Link addresses: the href of a narrative link (editor dialog or crafted JSON) and a correction's source link. */
const URL_TEMPLATES = [
  "javascript:__xss(ID)",
  "JAVASCRIPT:__xss(ID)",
  "JaVaScRiPt:alert(ID)",
  " javascript:__xss(ID)",
  "\tjavascript:__xss(ID)",
  "java\tscript:__xss(ID)",
  "java\nscript:__xss(ID)",
  "javascript&colon;__xss(ID)",
  "&#106;avascript:__xss(ID)",
  "javascript://https://example.org/%0a__xss(ID)",
  "data:text/html,<script>parent.__xss(ID)</script>",
  "data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3MoMCk8L3NjcmlwdD4=",
  "DATA:image/svg+xml,<svg onload=parent.__xss(ID)>",
  "vbscript:msgbox(ID)",
  "https:javascript:__xss(ID)",
  "//evil.example/%0ajavascript:__xss(ID)",
  // accepted by the schema: the address must come out as an inert attribute value
  'https://example.org/" onmouseover="__xss(ID)',
  "https://example.org/\"><img src=x onerror=__xss(ID)>",
  "mailto:x@example.org\"><svg onload=__xss(ID)>",
  "mailto:javascript:__xss(ID)",
  "HTTPS://example.org/<script>__xss(ID)</script>",
  "https://javascript:__xss(ID)@example.org/",
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const text = (value: string, marks?: Json[]): Json => (marks ? { type: "text", text: value, marks } : { type: "text", text: value });
const para = (...content: Json[]): Json => ({ type: "paragraph", content });
const link = (attrs: Record<string, Json>): Json => ({ type: "link", attrs: { href: "https://example.org/", target: null, rel: null, class: null, ...attrs } });

/** Crafted editor JSON: hostile node types, marks and attributes (most must be refused, the rest rendered inert). */
const DOC_TEMPLATES: { name: string; blocks: (id: number) => Json[] }[] = [
  { name: "unknown mark type script", blocks: (id) => [para(text("x", [{ type: "script", attrs: { src: `/xss-hit?${id}` } }]))] },
  { name: "link mark with an onclick attribute", blocks: (id) => [para(text("x", [link({ onclick: `__xss(${id})` })]))] },
  { name: "link mark with a hostile class", blocks: (id) => [para(text("x", [link({ class: `x" onclick="__xss(${id})` })]))] },
  { name: "link mark with a hostile target", blocks: (id) => [para(text("x", [link({ target: `_x" onclick=__xss(${id})` })]))] },
  { name: "link mark with a hostile title", blocks: (id) => [para(text("x", [link({ title: `"><script>__xss(${id})</script><a title="` })]))] },
  { name: "link mark with a hostile rel", blocks: (id) => [para(text("x", [link({ rel: `x" onmouseover="__xss(${id})` })]))] },
  { name: "mailto link with markup in the query", blocks: (id) => [para(text("mail", [link({ href: `mailto:a@example.org?subject=<script>__xss(${id})</script>` })]))] },
  { name: "link text with markup", blocks: (id) => [para(text(`<img src=x onerror=__xss(${id})>`, [link({}), { type: "bold" }, { type: "italic" }]))] },
  { name: "bold mark with attributes", blocks: (id) => [para(text("x", [{ type: "bold", attrs: { onclick: `__xss(${id})` } }]))] },
  { name: "highlight mark with a hostile colour", blocks: (id) => [para(text("x", [{ type: "highlight", attrs: { color: `red" onclick="__xss(${id})` } }]))] },
  { name: "image node with a javascript: src", blocks: (id) => [{ type: "image", attrs: { src: `javascript:__xss(${id})`, alt: "x" } }] },
  { name: "image node with an onerror", blocks: (id) => [para({ type: "image", attrs: { src: "x", onerror: `__xss(${id})` } })] },
  { name: "iframe node", blocks: (id) => [{ type: "iframe", attrs: { src: `javascript:__xss(${id})` } }] },
  { name: "codeBlock with a hostile language", blocks: (id) => [{ type: "codeBlock", attrs: { language: `"><script>__xss(${id})</script>` }, content: [text("x")] }] },
  { name: "mention node with markup in its id", blocks: (id) => [para({ type: "mention", attrs: { id: `<img src=x onerror=__xss(${id})>` } })] },
  { name: "heading level 1 with an event handler", blocks: (id) => [{ type: "heading", attrs: { level: 1, onclick: `__xss(${id})` }, content: [text("x")] }] },
  { name: "heading level as a string", blocks: (id) => [{ type: "heading", attrs: { level: `2 onclick=__xss(${id})` }, content: [text("x")] }] },
  { name: "paragraph with a style attribute", blocks: (id) => [{ type: "paragraph", attrs: { style: `background:url(javascript:__xss(${id}))` }, content: [text("x")] }] },
  { name: "ordered list with a hostile type", blocks: () => [{ type: "orderedList", attrs: { start: 3, type: '1" o' }, content: [{ type: "listItem", content: [para(text("x"))] }] }] },
  { name: "ordered list with a string start", blocks: (id) => [{ type: "orderedList", attrs: { start: `1" onclick="__xss(${id})` }, content: [{ type: "listItem", content: [para(text("x"))] }] }] },
  { name: "list item with attributes", blocks: (id) => [{ type: "bulletList", content: [{ type: "listItem", attrs: { onclick: `__xss(${id})` }, content: [para(text("x"))] }] }] },
  { name: "text node carrying raw html", blocks: (id) => [para({ type: "text", text: "x", html: `<script>__xss(${id})</script>` })] },
  { name: "hardBreak with a javascript: link", blocks: (id) => [para(text("x"), { type: "hardBreak", marks: [link({ href: `javascript:__xss(${id})` })] })] },
  { name: "blockquote holding a raw html node", blocks: (id) => [{ type: "blockquote", content: [{ type: "html", content: `<script>__xss(${id})</script>` }] }] },
];

export type XssPayload =
  | { id: number; kind: "markup"; text: string }
  | { id: number; kind: "url"; href: string }
  | { id: number; kind: "doc"; name: string; blocks: Json[] };

const fill = (template: string, id: number) => template.replace(/\bID\b/g, String(id));

/** Every payload, numbered from 1 (the number each one passes to the sentinel). */
export const XSS_PAYLOADS: readonly XssPayload[] = (() => {
  let id = 0;
  return [
    ...MARKUP_TEMPLATES.map((template): XssPayload => ({ id: ++id, kind: "markup", text: fill(template, id) })),
    ...URL_TEMPLATES.map((template): XssPayload => ({ id: ++id, kind: "url", href: fill(template, id) })),
    ...DOC_TEMPLATES.map(({ name, blocks }): XssPayload => ({ id: ++id, kind: "doc", name, blocks: blocks(id) })),
  ];
})();

type Of<K extends XssPayload["kind"]> = Extract<XssPayload, { kind: K }>;
export const MARKUP_PAYLOADS = XSS_PAYLOADS.filter((p): p is Of<"markup"> => p.kind === "markup");
export const URL_PAYLOADS = XSS_PAYLOADS.filter((p): p is Of<"url"> => p.kind === "url");
export const DOC_PAYLOADS = XSS_PAYLOADS.filter((p): p is Of<"doc"> => p.kind === "doc");

/** Plain text long enough for a narrative to be sendable (at least 200 characters). */
export const NARRATIVE_PADDING = "This account was written by the security test suite to check that nothing in it can run in a reader's browser. ".repeat(2);

/** A narrative document: the blocks, then a padding paragraph so that it meets the minimum length. */
export function narrativeWith(blocks: Json[]): { type: "doc"; content: Json[] } {
  return { type: "doc", content: [...blocks, para(text(NARRATIVE_PADDING))] };
}

/** A paragraph holding `value` as plain text. */
export function paragraphOf(value: string): Json {
  return para(text(value));
}

/** A document with one link whose address is `href` (what the editor's link dialog would make). */
export function linkDocument(href: string, id: number): { type: "doc"; content: Json[] } {
  return narrativeWith([para(text(`link ${id}`, [link({ href, rel: "nofollow ugc noopener" })]))]);
}

/** What tests/support/submit-xss-payloads.ts reports, on one line after XSS_RESULT_PREFIX. */
export interface XssSubmitResult {
  /** Payload ids in at least one accepted submission (approved, or held for the browser to approve). */
  stored: number[];
  /** Payload ids every use case refused at input (INVALID_INPUT). */
  refused: number[];
  /** Submissions approved, held, refused; `narratives` counts the accepted (approved or held) narratives. */
  submissions: { approved: number; held: number; refused: number; narratives: number };
  /** Submissions left pending for the browser to review and approve. */
  held: { submissionId: string; label: string }[];
}

export const XSS_RESULT_PREFIX = "XSS_RESULT ";

/** Reads the submit script's result line from its output. */
export function parseXssSubmitResult(output: string): XssSubmitResult {
  const line = output.split("\n").find((l) => l.startsWith(XSS_RESULT_PREFIX));
  if (!line) throw new Error(`submit-xss-payloads printed no result:\n${output}`);
  return JSON.parse(line.slice(XSS_RESULT_PREFIX.length)) as XssSubmitResult;
}
