-- CreateEnum
CREATE TYPE "VerificationStatus" AS ENUM ('PENDING', 'GRANTED', 'REFUSED', 'REVOKED');

-- CreateEnum
CREATE TYPE "PractitionerVerdict" AS ENUM ('AGREE', 'DISAGREE');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'VERIFICATION_GRANTED';
ALTER TYPE "NotificationKind" ADD VALUE 'VERIFICATION_REFUSED';
ALTER TYPE "NotificationKind" ADD VALUE 'VERIFICATION_REVOKED';

-- DropForeignKey
ALTER TABLE "Notification" DROP CONSTRAINT "Notification_submissionId_fkey";

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "verificationId" TEXT,
ALTER COLUMN "submissionId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Profile" ADD COLUMN     "publicPage" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "showApproved" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "showJobTitle" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "showOccupations" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "showYears" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "PractitionerVerification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "occupationCode" TEXT NOT NULL,
    "status" "VerificationStatus" NOT NULL DEFAULT 'PENDING',
    "credentialIssuer" TEXT,
    "credentialNumber" TEXT,
    "referenceUrl" TEXT,
    "workEmail" TEXT,
    "workEmailTokenHash" TEXT,
    "workEmailTokenExpires" TIMESTAMP(3),
    "workEmailConfirmedAt" TIMESTAMP(3),
    "note" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,
    "expiresAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "revokedAt" TIMESTAMP(3),
    "revokeReason" TEXT,

    CONSTRAINT "PractitionerVerification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PractitionerReview" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "verdict" "PractitionerVerdict" NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PractitionerReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PractitionerVerification_workEmailTokenHash_key" ON "PractitionerVerification"("workEmailTokenHash");

-- CreateIndex
CREATE INDEX "PractitionerVerification_status_requestedAt_idx" ON "PractitionerVerification"("status", "requestedAt");

-- CreateIndex
CREATE INDEX "PractitionerVerification_userId_occupationCode_idx" ON "PractitionerVerification"("userId", "occupationCode");

-- CreateIndex
CREATE INDEX "PractitionerReview_reviewerId_idx" ON "PractitionerReview"("reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "PractitionerReview_submissionId_reviewerId_key" ON "PractitionerReview"("submissionId", "reviewerId");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_verificationId_fkey" FOREIGN KEY ("verificationId") REFERENCES "PractitionerVerification"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PractitionerReview" ADD CONSTRAINT "PractitionerReview_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;
