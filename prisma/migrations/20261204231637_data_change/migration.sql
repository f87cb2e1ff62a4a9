-- CreateTable
CREATE TABLE "DataChange" (
    "id" SERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "frontRefreshedBy" TEXT,

    CONSTRAINT "DataChange_pkey" PRIMARY KEY ("id")
);
