-- Reading: search. Full-text search (a stored tsvector, GIN) and typo tolerance (pg_trgm,
-- GIN) over the titles, alternate and reported titles and tasks of the current O*NET
-- release. pg_trgm ships with PostgreSQL (contrib) on both the embedded 17 and Debian's 15.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "SearchTermKind" AS ENUM ('TITLE', 'ALTERNATE', 'REPORTED', 'TASK');

-- CreateTable
CREATE TABLE "RoleSearchTerm" (
    "occupationCode" TEXT NOT NULL,
    "kind" "SearchTermKind" NOT NULL,
    "text" TEXT NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    -- Generated from the text, so it can never disagree with it. prisma/schema.prisma declares it as
    -- Unsupported("tsvector") with @default(dbgenerated(<the same expression>)), which keeps `migrate dev` from
    -- seeing drift (it reads a generated column's expression as a default).
    "document" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "text")) STORED,

    CONSTRAINT "RoleSearchTerm_pkey" PRIMARY KEY ("occupationCode","kind","text")
);

-- GIN indexes without the pending list (fastupdate = off): the importer rewrites the table in
-- bulk, and a pending list left behind makes every search scan it linearly (65 ms instead of 1 ms).
-- CreateIndex
CREATE INDEX "RoleSearchTerm_document_idx" ON "RoleSearchTerm" USING GIN ("document") WITH (fastupdate = off);

-- Typo tolerance is for titles only: long task statements would make every trigram
-- match slow to recheck and rarely help. Prisma cannot declare a partial index, and left
-- out of the schema, it is left alone (checked: `migrate dev` then finds no drift).
-- CreateIndex
CREATE INDEX "RoleSearchTerm_text_trgm_idx" ON "RoleSearchTerm" USING GIN ("text" gin_trgm_ops) WITH (fastupdate = off) WHERE "kind" <> 'TASK';
