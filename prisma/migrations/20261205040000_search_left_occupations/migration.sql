-- Search finds occupations that left O*NET too (their last release's titles), marked and ranked below current ones.
ALTER TABLE "RoleSearchTerm" ADD COLUMN "inCurrentRelease" BOOLEAN NOT NULL DEFAULT true;
