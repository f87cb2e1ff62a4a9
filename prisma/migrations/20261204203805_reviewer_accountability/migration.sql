-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "occupationCode" TEXT;

-- AlterTable: "number" SERIAL NOT NULL, written out so that existing users are numbered in the
-- order they joined (a plain SERIAL numbers them in the table's physical order).
CREATE SEQUENCE "User_number_seq" AS integer;
ALTER TABLE "User" ADD COLUMN     "number" INTEGER;
UPDATE "User" u SET "number" = ordered.n FROM (SELECT id, row_number() OVER (ORDER BY "createdAt", id) AS n FROM "User") ordered WHERE ordered.id = u.id;
SELECT setval('"User_number_seq"', COALESCE((SELECT max("number") FROM "User"), 0) + 1, false);
ALTER TABLE "User" ALTER COLUMN "number" SET DEFAULT nextval('"User_number_seq"'), ALTER COLUMN "number" SET NOT NULL;
ALTER SEQUENCE "User_number_seq" OWNED BY "User"."number";

-- Backfill: the page each existing audit entry is about, from its submission or revision.
UPDATE "AuditEntry" a SET "occupationCode" = s."occupationCode" FROM "Submission" s WHERE a."targetType" = 'submission' AND s.id = a."targetId";
UPDATE "AuditEntry" a SET "occupationCode" = r."occupationCode" FROM "Revision" r WHERE a."targetType" = 'revision' AND r.id = a."targetId";

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_createdAt_idx" ON "AuditEntry"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_action_createdAt_idx" ON "AuditEntry"("action", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_occupationCode_createdAt_idx" ON "AuditEntry"("occupationCode", "createdAt");

-- CreateIndex
CREATE INDEX "Submission_decidedById_decidedAt_idx" ON "Submission"("decidedById", "decidedAt");

-- CreateIndex
CREATE UNIQUE INDEX "User_number_key" ON "User"("number");
