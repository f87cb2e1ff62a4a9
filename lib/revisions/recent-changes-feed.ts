import type { RecentChange } from "./find-recent-changes";

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);

/** Recent changes as an Atom 1.0 document, every link absolute on the configured site (`origin`). */
export function recentChangesToAtom(changes: readonly RecentChange[], origin: string): string {
  const updated = (changes[0]?.createdAt ?? new Date(0)).toISOString();
  const entries = changes
    .map((change) => {
      const link = `${origin}${change.href}`;
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
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(`${origin}/changes`)}</id>
  <title>Careerwiki: recent changes</title>
  <link rel="self" href="${escapeXml(`${origin}/changes.atom`)}"/>
  <link href="${escapeXml(`${origin}/changes`)}"/>
  <updated>${updated}</updated>
${entries}
</feed>
`;
}
