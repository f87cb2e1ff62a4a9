-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "idempotencyKey" TEXT;

-- CreateTable
CREATE TABLE "NarrativeReport" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolution" TEXT,
    "resolvedById" TEXT,

    CONSTRAINT "NarrativeReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NarrativeReport_reporterId_idx" ON "NarrativeReport"("reporterId");

-- CreateIndex
CREATE INDEX "NarrativeReport_resolvedAt_idx" ON "NarrativeReport"("resolvedAt");

-- CreateIndex
CREATE UNIQUE INDEX "NarrativeReport_submissionId_reporterId_key" ON "NarrativeReport"("submissionId", "reporterId");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_authorId_idempotencyKey_key" ON "Submission"("authorId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "NarrativeReport" ADD CONSTRAINT "NarrativeReport_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;
