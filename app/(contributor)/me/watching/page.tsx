import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { requirePageActor } from "@/lib/actions/require-page-actor";
import { DateTime } from "@/components/ui/date-time";
import { findWatchedPages } from "@/lib/watches/find-watched-pages";
import { unwatchPageAction } from "./actions";

export const metadata: Metadata = { title: "Pages you watch", robots: { index: false } };

/** The pages the signed-in person watches, each with its feed and an "Stop watching" button. */
export default async function WatchingPage() {
  const actor = await requirePageActor("page:watch", "/me/watching");
  const pages = await findWatchedPages({ actor });
  return (
    <>
      <h1>Pages you watch</h1>
      <p className="muted">When a page you watch changes (an approved correction or narrative, a rollback, a new official release), you get a notification{" "}
        and, when the site sends email, an email. Watch a page with the “Watch this page” button at its top.</p>
      {pages.length === 0 ? (
        <p>You watch no pages yet.</p>
      ) : (
        <ul data-testid="watched-pages">
          {pages.map((page) => (
            <li key={page.occupationCode} data-testid="watched-page">
              <Link href={`/roles/${page.slug}`}>{page.title}</Link>{" "}
              <span className="hint">
                watched since <DateTime value={page.watchedSince} precision="date" />;{" "}
                {page.lastChangedAt ? (
                  <>
                    last changed <DateTime value={page.lastChangedAt} precision="date" />
                  </>
                ) : (
                  "no community change yet"
                )}{" "}
                ·{" "}
                <a href={`/roles/${page.slug}/changes.atom`} type="application/atom+xml">
                  feed
                </a>
              </span>
              <ActionForm action={unwatchPageAction} label={`Stop watching ${page.title}`}>
                <input type="hidden" name="occupationCode" value={page.occupationCode} />
                <button type="submit">Stop watching</button>
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
