import type { Metadata } from "next";
import Link from "next/link";
import NextTopLoader from "nextjs-toploader";
import type { ReactNode } from "react";
import { SearchBox } from "@/components/search/search-box";
import { AccountMenu } from "@/components/auth/account-menu";
import { siteUrl } from "@/lib/site-url.cjs";
import "./globals.css";

/** Every page's defaults; `metadataBase` is the configured site address (never a request header), for the role pages' share images and their sub-pages. */
export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: "Careerwiki", template: "%s · Careerwiki" },
    description: "An open, community-edited encyclopedia of careers, built on official O*NET and BLS data.",
  };
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        {/* Feedback while a page loads after a link is followed: a bar across the top (nextjs-toploader).
            In <head>: it renders its own <style>, which HTML allows only there. */}
        <NextTopLoader color="#0a58ca" showSpinner={false} height={3} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link href="/" className="site-header__brand">
              Careerwiki
            </Link>
            <nav aria-label="Main" className="site-header__nav">
              <Link href="/roles">Browse careers</Link>
            </nav>
            <SearchBox label="Search careers" />
            {/* Client-side: the layout never reads the session, so reader pages stay cacheable. */}
            <AccountMenu />
          </div>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <div className="site-footer__inner">
            Occupation data from the O*NET Database by the U.S. Department of Labor, Employment and Training Administration
            (USDOL/ETA), used under the CC BY 4.0 license; O*NET® is a trademark of USDOL/ETA. Wages and projections from the
            U.S. Bureau of Labor Statistics. Each page lists its exact sources.
          </div>
        </footer>
      </body>
    </html>
  );
}
