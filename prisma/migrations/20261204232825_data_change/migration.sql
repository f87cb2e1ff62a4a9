-- CreateTable
CREATE TABLE "DataChange" (
    "id" SERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "everyPage" BOOLEAN NOT NULL,
    "occupationCodes" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "frontRefreshedBy" TEXT,
    "frontRefreshedAt" TIMESTAMP(3),

    CONSTRAINT "DataChange_pkey" PRIMARY KEY ("id")
);
