-- The shared cache of several instances is Redis now (lib/cache/cache-handler.cjs): the
-- revalidations the old handler polled from PostgreSQL are no longer read or written.
-- DropTable
DROP TABLE "CacheTagRevalidation";
