-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "firstApprovedAt" TIMESTAMP(3),
ADD COLUMN     "firstApprovedById" TEXT;

-- CreateTable
CREATE TABLE "SecondLook" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "occupationCode" TEXT NOT NULL,
    "approverId" TEXT NOT NULL,
    "assigneeId" TEXT,
    "sampledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finding" TEXT,
    "note" TEXT,
    "foundById" TEXT,
    "foundAt" TIMESTAMP(3),

    CONSTRAINT "SecondLook_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SecondLook_revisionId_key" ON "SecondLook"("revisionId");

-- CreateIndex
CREATE INDEX "SecondLook_assigneeId_foundAt_idx" ON "SecondLook"("assigneeId", "foundAt");

-- CreateIndex
CREATE INDEX "SecondLook_foundAt_sampledAt_idx" ON "SecondLook"("foundAt", "sampledAt");

-- CreateIndex
CREATE INDEX "SecondLook_approverId_sampledAt_idx" ON "SecondLook"("approverId", "sampledAt");
