-- CreateTable
CREATE TABLE "InterestActivity" (
    "releaseId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "elementId" TEXT NOT NULL,
    "elementName" TEXT NOT NULL,
    "interestType" TEXT NOT NULL,
    "activity" TEXT NOT NULL,

    CONSTRAINT "InterestActivity_pkey" PRIMARY KEY ("releaseId","elementId","activity")
);

-- CreateTable
CREATE TABLE "RiasecKeyword" (
    "releaseId" INTEGER NOT NULL,
    "elementId" TEXT NOT NULL,
    "elementName" TEXT NOT NULL,
    "keyword" TEXT NOT NULL,
    "keywordType" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "RiasecKeyword_pkey" PRIMARY KEY ("releaseId","elementId","keyword")
);

-- CreateTable
CREATE TABLE "BasicInterestArea" (
    "releaseId" INTEGER NOT NULL,
    "basicElementId" TEXT NOT NULL,
    "basicElementName" TEXT NOT NULL,
    "riasecElementId" TEXT NOT NULL,
    "riasecElementName" TEXT NOT NULL,

    CONSTRAINT "BasicInterestArea_pkey" PRIMARY KEY ("releaseId","basicElementId","riasecElementId")
);

-- CreateTable
CREATE TABLE "RiasecArea" (
    "releaseId" INTEGER NOT NULL,
    "elementId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "RiasecArea_pkey" PRIMARY KEY ("releaseId","elementId")
);
