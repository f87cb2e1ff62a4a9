-- CreateEnum
CREATE TYPE "SubmissionKind" AS ENUM ('CORRECTION', 'NARRATIVE');

-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('DRAFT', 'PENDING', 'CHANGES_REQUESTED', 'APPROVED', 'DECLINED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "CommunityField" AS ENUM ('DESCRIPTION', 'TASK', 'ALTERNATE_TITLES', 'TECHNOLOGY_SKILLS', 'EDUCATION', 'RELATED_CAREERS', 'PAY_OUTLOOK_NOTE', 'NARRATIVE');

-- CreateEnum
CREATE TYPE "CorrectionOperation" AS ENUM ('ADD', 'CHANGE', 'REMOVE');

-- CreateEnum
CREATE TYPE "RevisionKind" AS ENUM ('APPROVAL', 'ROLLBACK');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('SUBMISSION_APPROVED', 'SUBMISSION_DECLINED', 'CHANGES_REQUESTED', 'NARRATIVE_REPORTED');

-- CreateTable
CREATE TABLE "Submission" (
    "id" TEXT NOT NULL,
    "kind" "SubmissionKind" NOT NULL,
    "status" "SubmissionStatus" NOT NULL,
    "occupationCode" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "field" "CommunityField",
    "operation" "CorrectionOperation",
    "itemKey" TEXT,
    "proposedValue" JSONB,
    "baseValue" JSONB,
    "baseRevisionNumber" INTEGER,
    "rationale" TEXT,
    "sourceUrl" TEXT,
    "narrativeDoc" JSONB,
    "narrativeHtml" TEXT,
    "yearsInRole" INTEGER,
    "promptAnswers" JSONB,
    "claimedById" TEXT,
    "claimExpiresAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,
    "decisionMessage" TEXT,
    "reportedAt" TIMESTAMP(3),
    "reportReason" TEXT,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" TEXT NOT NULL,
    "occupationCode" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" "RevisionKind" NOT NULL,
    "field" "CommunityField" NOT NULL,
    "itemKey" TEXT NOT NULL,
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "submissionId" TEXT,
    "restoredFromId" TEXT,
    "actorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommunityValue" (
    "occupationCode" TEXT NOT NULL,
    "field" "CommunityField" NOT NULL,
    "itemKey" TEXT NOT NULL,
    "value" JSONB,
    "removed" BOOLEAN NOT NULL DEFAULT false,
    "revisionNumber" INTEGER NOT NULL,
    "submissionId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommunityValue_pkey" PRIMARY KEY ("occupationCode","field","itemKey")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "submissionId" TEXT NOT NULL,
    "read" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Submission_status_kind_submittedAt_idx" ON "Submission"("status", "kind", "submittedAt");

-- CreateIndex
CREATE INDEX "Submission_authorId_updatedAt_idx" ON "Submission"("authorId", "updatedAt");

-- CreateIndex
CREATE INDEX "Submission_occupationCode_status_idx" ON "Submission"("occupationCode", "status");

-- CreateIndex
CREATE INDEX "Revision_createdAt_idx" ON "Revision"("createdAt");

-- CreateIndex
CREATE INDEX "Revision_occupationCode_field_itemKey_idx" ON "Revision"("occupationCode", "field", "itemKey");

-- CreateIndex
CREATE UNIQUE INDEX "Revision_occupationCode_number_key" ON "Revision"("occupationCode", "number");

-- CreateIndex
CREATE INDEX "AuditEntry_createdAt_idx" ON "AuditEntry"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_targetType_targetId_idx" ON "AuditEntry"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "Notification_userId_read_createdAt_idx" ON "Notification"("userId", "read", "createdAt");

-- AddForeignKey
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

