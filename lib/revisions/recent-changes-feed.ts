import type { RecentChange } from "./find-recent-changes";

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);

/** Which feed: the site's recent changes (`/changes.atom`), or one page's (`/roles/<slug>/changes.atom`). */
export interface FeedOptions {
  title: string;
  /** The HTML page the feed mirrors, and the feed's id. */
  htmlPath: string;
  selfPath: string;
}

export const SITE_FEED: FeedOptions = { title: "Careerwiki: recent changes", htmlPath: "/changes", selfPath: "/changes.atom" };

/** One page's changes: its history is the HTML page. */
export function pageFeedOptions({ title, slug }: { title: string; slug: string }): FeedOptions {
  return { title: `Careerwiki: changes to ${title}`, htmlPath: `/roles/${slug}/history`, selfPath: `/roles/${slug}/changes.atom` };
}

/**
 * Recent changes as an Atom 1.0 document, every link absolute on the configured site (`origin`).
 * Its `updated` is the newest change's time; with none yet, when the official data was imported
 * (`dataImportedAt`; the time of writing before any import).
 */
export function recentChangesToAtom(changes: readonly RecentChange[], origin: string, feed: FeedOptions, dataImportedAt: Date | null): string {
  const updated = (changes[0]?.createdAt ?? dataImportedAt ?? new Date()).toISOString();
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
  <id>${escapeXml(`${origin}${feed.htmlPath}`)}</id>
  <title>${escapeXml(feed.title)}</title>
  <link rel="self" href="${escapeXml(`${origin}${feed.selfPath}`)}"/>
  <link href="${escapeXml(`${origin}${feed.htmlPath}`)}"/>
  <updated>${updated}</updated>
${entries}
</feed>
`;
}
