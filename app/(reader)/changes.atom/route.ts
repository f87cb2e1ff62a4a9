import { toErrorResponse } from "@/lib/http/error-response";
import { findRecentChanges } from "@/lib/revisions/find-recent-changes";
import { siteUrl } from "@/lib/site-url.cjs";

// Public and read-only: no session is involved. Rendered per request so it never lags the page.
export const dynamic = "force-dynamic";

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);

/** Recent changes as an Atom 1.0 feed. */
export async function GET() {
  const origin = siteUrl();
  let changes: Awaited<ReturnType<typeof findRecentChanges>>;
  try {
    changes = await findRecentChanges(50);
  } catch (error) {
    return toErrorResponse(error, "text");
  }
  const updated = (changes[0]?.createdAt ?? new Date(0)).toISOString();
  const entries = changes
    .map((change) => {
      const link = `${origin}/roles/${change.slug}/history#r${change.number}`;
      return `  <entry>
    <id>${escapeXml(`${origin}/revisions/${change.id}`)}</id>
    <title>${escapeXml(`${change.occupationTitle}: ${change.fieldLabel}`)}</title>
    <link href="${escapeXml(link)}"/>
    <updated>${change.createdAt.toISOString()}</updated>
    <author><name>${escapeXml(change.actorName)}</name></author>
    <summary>${escapeXml(change.summary)}</summary>
  </entry>`;
    })
    .join("\n");
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(`${origin}/changes`)}</id>
  <title>Careerwiki: recent changes</title>
  <link rel="self" href="${escapeXml(`${origin}/changes.atom`)}"/>
  <link href="${escapeXml(`${origin}/changes`)}"/>
  <updated>${updated}</updated>
${entries}
</feed>
`;
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=60" } });
}
