-- AlterEnum
ALTER TYPE "CommunityField" ADD VALUE 'OFFICIAL_DATA';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RevisionKind" ADD VALUE 'RELEASE';
ALTER TYPE "RevisionKind" ADD VALUE 'CONFLICT_RESOLUTION';

-- AlterTable
ALTER TABLE "DatasetRelease" ADD COLUMN     "shown" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "ReleaseConflict" (
    "id" TEXT NOT NULL,
    "occupationCode" TEXT NOT NULL,
    "field" "CommunityField" NOT NULL,
    "itemKey" TEXT NOT NULL,
    "fromVersion" TEXT NOT NULL,
    "toVersion" TEXT NOT NULL,
    "officialBefore" JSONB,
    "officialAfter" JSONB,
    "communityValue" JSONB,
    "detectedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "resolution" TEXT,

    CONSTRAINT "ReleaseConflict_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReleaseConflict_resolvedAt_detectedAt_idx" ON "ReleaseConflict"("resolvedAt", "detectedAt");

-- CreateIndex
CREATE INDEX "ReleaseConflict_occupationCode_field_itemKey_idx" ON "ReleaseConflict"("occupationCode", "field", "itemKey");
