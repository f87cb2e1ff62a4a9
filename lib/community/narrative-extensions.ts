import StarterKit from "@tiptap/starter-kit";

/**
 * The narrative editor's extensions, shared by the browser editor and the server renderer
 * so that both use one schema: paragraphs, headings (h2, h3), bullet and numbered lists,
 * quotes, bold, italic, links and line breaks. Everything else of StarterKit is off.
 */
export const NARRATIVE_LINK_REL = "nofollow ugc noopener";

export const narrativeExtensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      protocols: ["mailto"],
      defaultProtocol: "https",
      HTMLAttributes: { rel: NARRATIVE_LINK_REL, target: null },
    },
  }),
];
