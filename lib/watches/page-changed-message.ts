import { siteUrl } from "@/lib/site-url.cjs";

/** What a watcher is told of one revision: the in-app line and the email. Universal: the import script uses it too. */
export function pageChangedMessage({ title, slug, number, summary }: { title: string; slug: string; number: number; summary: string }) {
  const site = siteUrl();
  return {
    summary: `${title} changed: ${summary}`,
    email: {
      subject: `Changed: ${title}`,
      text: [`${title}, a page you watch, changed (revision ${number}):`, "", summary, "", `What changed: ${site}/roles/${slug}/history#r${number}`, `Pages you watch: ${site}/me/watching`].join("\n"),
    },
  };
}
