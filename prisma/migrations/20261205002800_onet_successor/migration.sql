-- CreateTable
CREATE TABLE "OnetSuccessor" (
    "releaseId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "successorCode" TEXT NOT NULL,

    CONSTRAINT "OnetSuccessor_pkey" PRIMARY KEY ("releaseId","code","successorCode")
);

-- CreateIndex
CREATE INDEX "OnetSuccessor_code_idx" ON "OnetSuccessor"("code");
