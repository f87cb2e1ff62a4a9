-- CreateTable
CREATE TABLE "DevMailboxMessage" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DevMailboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DevMailboxMessage_createdAt_idx" ON "DevMailboxMessage"("createdAt");
