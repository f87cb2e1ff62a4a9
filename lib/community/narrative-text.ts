const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&nbsp;": " " };

/**
 * A narrative's sanitised HTML as plain text for the Markdown export: one paragraph per
 * block (paragraph, heading, list item), separated by blank lines; markup dropped, the
 * entities the sanitiser writes decoded.
 */
export function narrativeText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|h[1-6]|li|blockquote|pre)>/gi, "\n\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity] ?? entity)
    .split(/\n{2,}/)
    .map((block) => block.replace(/[ \t]+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
}

/**
 * A narrative's sanitised HTML with its headings moved `by` levels down, below the page's
 * own heading for the narrative: the editor's <h2> becomes an <h4> under the narrative's
 * <h3>. Only tag names change, so the sanitised markup stays as it was.
 */
export function nestNarrativeHeadings(html: string, by: number): string {
  return html.replace(/<(\/?)h([1-6])(?=[\s>])/gi, (_tag, slash: string, n: string) => `<${slash}h${Math.min(6, Number(n) + by)}`);
}
