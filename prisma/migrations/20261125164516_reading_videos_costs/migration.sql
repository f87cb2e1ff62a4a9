-- CreateTable
CREATE TABLE "CareerVideo" (
    "releaseId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "codeSystem" TEXT NOT NULL,
    "videoCode" TEXT NOT NULL,
    "videoUrl" TEXT NOT NULL,
    "posterUrl" TEXT,
    "title" TEXT NOT NULL,

    CONSTRAINT "CareerVideo_pkey" PRIMARY KEY ("releaseId","code")
);

-- CreateTable
CREATE TABLE "EducationCost" (
    "releaseId" INTEGER NOT NULL,
    "sector" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "academicYear" TEXT NOT NULL,
    "startYear" INTEGER NOT NULL,
    "tuitionFees" DOUBLE PRECISION,
    "room" DOUBLE PRECISION,
    "board" DOUBLE PRECISION,
    "total" DOUBLE PRECISION,

    CONSTRAINT "EducationCost_pkey" PRIMARY KEY ("releaseId","sector","level","startYear")
);
