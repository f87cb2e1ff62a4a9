import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

/**
 * The site's 404 page: any address no page answers, a role that does not exist, and a
 * malformed address (a slug, id or query parameter that is not text, lib/http/request-params.ts).
 * Rendered on the server inside the site's layout, so it reads without JavaScript.
 */
export default function NotFound() {
  return (
    <div className="narrow" data-error-page="404">
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have been mistyped, or the page may have moved.</p>
      <ul>
        <li>
          <Link href="/roles">Browse all careers</Link>
        </li>
        <li>
          <Link href="/search">Search careers</Link>
        </li>
        <li>
          <Link href="/">Home</Link>
        </li>
      </ul>
    </div>
  );
}
