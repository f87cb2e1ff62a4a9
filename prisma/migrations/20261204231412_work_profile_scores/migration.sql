-- CreateEnum
CREATE TYPE "WorkProfileDomain" AS ENUM ('WORK_STYLE', 'WORK_VALUE', 'WORK_CONTEXT');

-- CreateTable
CREATE TABLE "WorkProfileScore" (
    "releaseId" INTEGER NOT NULL,
    "occupationCode" TEXT NOT NULL,
    "domain" "WorkProfileDomain" NOT NULL,
    "elementId" TEXT NOT NULL,
    "elementName" TEXT NOT NULL,
    "scale" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "distinctiveness" INTEGER,
    "topCategory" INTEGER,
    "topCategoryLabel" TEXT,
    "topCategoryPercent" DOUBLE PRECISION,
    "suppressed" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "WorkProfileScore_pkey" PRIMARY KEY ("releaseId","occupationCode","domain","elementId")
);

-- CreateTable
CREATE TABLE "ContentModelElement" (
    "releaseId" INTEGER NOT NULL,
    "elementId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "ContentModelElement_pkey" PRIMARY KEY ("releaseId","elementId")
);
