import path from "node:path";
import { defineConfig } from "prisma/config";
import { createMigrateAdapter } from "./prisma/migrate-adapter";

// Placeholder so `prisma generate` (postinstall, no database) can load this file.
const databaseUrl = process.env.DATABASE_URL ?? "postgresql://careerwiki@127.0.0.1:5432/careerwiki";
process.env.DATABASE_URL = databaseUrl;

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => createMigrateAdapter(databaseUrl),
});
