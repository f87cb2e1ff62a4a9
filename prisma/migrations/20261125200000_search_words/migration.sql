-- Reading: faster search. Typo tolerance and prefix matching resolve each query word against
-- the vocabulary of the search terms (about 20,000 short words) instead of running trigram
-- similarity over 65,000 titles. The words found become the full-text query.

-- CreateTable
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,
    "stem" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);

-- Serves both `word LIKE 'operato%'` (a word being typed) and `word % 'enginer'` (a typo).
-- No pending list: the importer rewrites the table in bulk (see the search migration).
-- CreateIndex
CREATE INDEX "SearchWord_word_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops) WITH (fastupdate = off);

-- The trigram index on titles served the old typo lookup only.
DROP INDEX "RoleSearchTerm_text_trgm_idx";

-- Slashes as spaces: the parser reads "Specialists/Crew" or "A/C" as one file-path token, so
-- neither word was found. (Recreating the generated column rebuilds it from the text.)
DROP INDEX "RoleSearchTerm_document_idx";
ALTER TABLE "RoleSearchTerm" DROP COLUMN "document";
ALTER TABLE "RoleSearchTerm" ADD COLUMN "document" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, translate("text", '/', ' '))) STORED;
CREATE INDEX "RoleSearchTerm_document_idx" ON "RoleSearchTerm" USING GIN ("document") WITH (fastupdate = off);

-- Typo candidates are ordered by edit distance (levenshtein), a contrib module like pg_trgm.
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- Fill it from the terms already imported (the O*NET import rebuilds it from then on).
INSERT INTO "SearchWord" ("word", "stem")
SELECT word, (ts_lexize('english_stem', word))[1]
  FROM (SELECT DISTINCT regexp_split_to_table(lower("text"), '[^[:alnum:]]+') AS word FROM "RoleSearchTerm") words
 WHERE length(word) >= 3 AND (ts_lexize('english_stem', word))[1] IS NOT NULL;
