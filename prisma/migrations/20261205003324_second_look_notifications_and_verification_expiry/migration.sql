-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'SECOND_LOOK_ASSIGNED';
ALTER TYPE "NotificationKind" ADD VALUE 'VERIFICATION_EXPIRING';

-- AlterTable
ALTER TABLE "DataChange" ADD COLUMN     "paths" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "PractitionerVerification" ADD COLUMN     "expiryAppliedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "PractitionerVerification_status_expiresAt_idx" ON "PractitionerVerification"("status", "expiresAt");
