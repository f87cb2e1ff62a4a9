/**
 * The narrative's links: the schema (narrative-document.ts) and the editor's prompt share these.
 * Zod-free, as the editor's browser bundle must be (see narrative-prompts.ts).
 */
export const ALLOWED_HREF = /^(https?:\/\/|mailto:)/i;

/** Why a link is refused, naming it, so the author can find it in a long narrative. */
export function linkRefusal(href: string) {
  const shown = href.length > 80 ? `${href.slice(0, 79)}…` : href;
  return `The link “${shown}” must start with http://, https:// or mailto:.`;
}

/**
 * A link as typed at the editor's prompt, or why it cannot be one: a bare domain
 * (example.com/page) gets https://, a bare address (name@example.org) mailto:.
 */
export function narrativeLinkHref(typed: string): { href: string } | { error: string } {
  const text = typed.trim();
  if (ALLOWED_HREF.test(text)) return { href: text };
  if (/^[^\s:/?#@]+@[^\s:/?#@]+\.[^\s:/?#@]+$/.test(text)) return { href: `mailto:${text}` };
  if (/^[^\s:/?#@]+\.[^\s:/?#@]+([/?#]\S*)?$/.test(text)) return { href: `https://${text}` };
  return { error: linkRefusal(text) };
}
