-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'PAGE_CHANGED';
ALTER TYPE "NotificationKind" ADD VALUE 'REVIEW_DIGEST';

-- DropForeignKey
ALTER TABLE "Notification" DROP CONSTRAINT "Notification_submissionId_fkey";

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "dedupeKey" TEXT,
ADD COLUMN     "occupationCode" TEXT,
ADD COLUMN     "revisionId" TEXT,
ADD COLUMN     "summary" TEXT,
ALTER COLUMN "submissionId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "PageWatch" (
    "userId" TEXT NOT NULL,
    "occupationCode" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PageWatch_pkey" PRIMARY KEY ("userId","occupationCode")
);

-- CreateTable
CREATE TABLE "ReviewerFamily" (
    "userId" TEXT NOT NULL,
    "family" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewerFamily_pkey" PRIMARY KEY ("userId","family")
);

-- CreateIndex
CREATE INDEX "PageWatch_occupationCode_idx" ON "PageWatch"("occupationCode");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_revisionId_idx" ON "Notification"("revisionId");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision"("id") ON DELETE SET NULL ON UPDATE CASCADE;
