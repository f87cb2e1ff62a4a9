/**
 * The public API's version, sent as the `API-Version` response header on every public endpoint
 * (next.config.ts) and stated in /api/openapi.json. Addresses stay unversioned: a change that
 * breaks a client gets a new number here and, then, new addresses beside the old ones.
 */
export const API_VERSION = "1";
export const API_VERSION_HEADER = "API-Version";

/** The public endpoints' addresses (next.config.ts header sources): everything under /api, the Markdown export and the feeds. */
export const PUBLIC_API_PATH_SOURCES = ["/api/:path*", "/roles/:slug.md", "/roles/:slug/changes.atom", "/changes.atom"] as const;
