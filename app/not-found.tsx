import type { Metadata } from "next";
import Link from "next/link";
import { SOC_MAJOR_GROUPS } from "@/lib/roles/soc-major-groups";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

/** A few of the groups readers browse by, offered when an address leads nowhere. */
const SUGGESTED_GROUPS = ["15", "29", "11", "47", "25", "13"] as const;

/**
 * The site's 404 page: any address no page answers, a role that does not exist, and a
 * malformed address (a slug, id or query parameter that is not text, lib/http/request-params.ts).
 * Rendered on the server inside the site's layout, so it reads without JavaScript; its
 * search is a plain form.
 */
export default function NotFound() {
  return (
    <div className="narrow" data-error-page="404">
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have been mistyped, or the page may have moved.</p>
      <form action="/search" method="get" role="search" aria-label="Search careers" className="not-found-search">
        <label htmlFor="not-found-q">Search careers by title or task</label>
        <input id="not-found-q" type="search" name="q" autoComplete="off" />
        <button type="submit">Search</button>
      </form>
      <h2>Or browse a group of careers</h2>
      <ul>
        {SUGGESTED_GROUPS.map((group) => (
          <li key={group}>
            <Link href={`/roles?group=${group}`}>{SOC_MAJOR_GROUPS[group]}</Link>
          </li>
        ))}
        <li>
          <Link href="/roles">All careers</Link>
        </li>
        <li>
          <Link href="/">Home</Link>
        </li>
      </ul>
    </div>
  );
}
