-- CreateEnum
CREATE TYPE "RatingDomain" AS ENUM ('SKILL', 'KNOWLEDGE', 'ABILITY', 'WORK_ACTIVITY', 'INTEREST');

-- CreateEnum
CREATE TYPE "TitleKind" AS ENUM ('ALTERNATE', 'REPORTED');

-- CreateEnum
CREATE TYPE "AiMetric" AS ENUM ('FELTEN_AIOE', 'FELTEN_LM_AIOE', 'ELOUNDOU_ALPHA', 'ELOUNDOU_BETA', 'ELOUNDOU_GAMMA', 'MS_APPLICABILITY');

-- CreateTable
CREATE TABLE "DatasetRelease" (
    "id" SERIAL NOT NULL,
    "dataset" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "referencePeriod" TEXT NOT NULL,
    "releasedOn" DATE NOT NULL,
    "license" TEXT NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "citation" TEXT NOT NULL,
    "files" JSONB NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DatasetRelease_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Occupation" (
    "code" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "socCode" TEXT,
    "majorGroup" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Occupation_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "SlugRedirect" (
    "slug" TEXT NOT NULL,
    "occupationCode" TEXT NOT NULL,

    CONSTRAINT "SlugRedirect_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "OnetOccupation" (
    "releaseId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "jobZone" INTEGER,

    CONSTRAINT "OnetOccupation_pkey" PRIMARY KEY ("releaseId","code")
);

-- CreateTable
CREATE TABLE "JobZoneReference" (
    "releaseId" INTEGER NOT NULL,
    "zone" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "experience" TEXT NOT NULL,
    "education" TEXT NOT NULL,
    "training" TEXT NOT NULL,
    "examples" TEXT NOT NULL,
    "svpRange" TEXT NOT NULL,

    CONSTRAINT "JobZoneReference_pkey" PRIMARY KEY ("releaseId","zone")
);

-- CreateTable
CREATE TABLE "Task" (
    "releaseId" INTEGER NOT NULL,
    "occupationCode" TEXT NOT NULL,
    "taskId" INTEGER NOT NULL,
    "statement" TEXT NOT NULL,
    "taskType" TEXT,
    "importance" DOUBLE PRECISION,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("releaseId","occupationCode","taskId")
);

-- CreateTable
CREATE TABLE "Rating" (
    "releaseId" INTEGER NOT NULL,
    "occupationCode" TEXT NOT NULL,
    "domain" "RatingDomain" NOT NULL,
    "elementId" TEXT NOT NULL,
    "elementName" TEXT NOT NULL,
    "importance" DOUBLE PRECISION,
    "level" DOUBLE PRECISION,
    "suppressed" BOOLEAN NOT NULL DEFAULT false,
    "notRelevant" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Rating_pkey" PRIMARY KEY ("releaseId","occupationCode","domain","elementId")
);

-- CreateTable
CREATE TABLE "TechnologySkill" (
    "releaseId" INTEGER NOT NULL,
    "occupationCode" TEXT NOT NULL,
    "example" TEXT NOT NULL,
    "commodityCode" INTEGER NOT NULL,
    "commodityTitle" TEXT NOT NULL,
    "hotTechnology" BOOLEAN NOT NULL,
    "inDemand" BOOLEAN NOT NULL,

    CONSTRAINT "TechnologySkill_pkey" PRIMARY KEY ("releaseId","occupationCode","commodityCode","example")
);

-- CreateTable
CREATE TABLE "ToolUsed" (
    "releaseId" INTEGER NOT NULL,
    "occupationCode" TEXT NOT NULL,
    "example" TEXT NOT NULL,
    "commodityCode" INTEGER NOT NULL,
    "commodityTitle" TEXT NOT NULL,

    CONSTRAINT "ToolUsed_pkey" PRIMARY KEY ("releaseId","occupationCode","commodityCode","example")
);

-- CreateTable
CREATE TABLE "AlternateTitle" (
    "releaseId" INTEGER NOT NULL,
    "occupationCode" TEXT NOT NULL,
    "kind" "TitleKind" NOT NULL,
    "title" TEXT NOT NULL,
    "shortTitle" TEXT,
    "sources" TEXT,
    "shownInMyNextMove" BOOLEAN,
    "position" INTEGER NOT NULL,

    CONSTRAINT "AlternateTitle_pkey" PRIMARY KEY ("releaseId","occupationCode","kind","title")
);

-- CreateTable
CREATE TABLE "RelatedOccupation" (
    "releaseId" INTEGER NOT NULL,
    "occupationCode" TEXT NOT NULL,
    "relatedCode" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "RelatedOccupation_pkey" PRIMARY KEY ("releaseId","occupationCode","relatedCode")
);

-- CreateTable
CREATE TABLE "EducationDistribution" (
    "releaseId" INTEGER NOT NULL,
    "occupationCode" TEXT NOT NULL,
    "scaleId" TEXT NOT NULL,
    "category" INTEGER NOT NULL,
    "categoryLabel" TEXT NOT NULL,
    "percent" DOUBLE PRECISION NOT NULL,
    "suppressed" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "EducationDistribution_pkey" PRIMARY KEY ("releaseId","occupationCode","scaleId","category")
);

-- CreateTable
CREATE TABLE "SocCrosswalk" (
    "releaseId" INTEGER NOT NULL,
    "onetCode" TEXT NOT NULL,
    "onetTitle" TEXT NOT NULL,
    "socCode" TEXT NOT NULL,
    "socTitle" TEXT NOT NULL,

    CONSTRAINT "SocCrosswalk_pkey" PRIMARY KEY ("releaseId","onetCode")
);

-- CreateTable
CREATE TABLE "Wage" (
    "releaseId" INTEGER NOT NULL,
    "areaCode" TEXT NOT NULL,
    "socCode" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "groupLevel" TEXT NOT NULL,
    "employment" INTEGER,
    "employmentRse" DOUBLE PRECISION,
    "hourlyMean" DOUBLE PRECISION,
    "annualMean" DOUBLE PRECISION,
    "hourlyP10" DOUBLE PRECISION,
    "hourlyP25" DOUBLE PRECISION,
    "hourlyMedian" DOUBLE PRECISION,
    "hourlyP75" DOUBLE PRECISION,
    "hourlyP90" DOUBLE PRECISION,
    "annualP10" DOUBLE PRECISION,
    "annualP25" DOUBLE PRECISION,
    "annualMedian" DOUBLE PRECISION,
    "annualP75" DOUBLE PRECISION,
    "annualP90" DOUBLE PRECISION,
    "annualOnly" BOOLEAN NOT NULL DEFAULT false,
    "hourlyOnly" BOOLEAN NOT NULL DEFAULT false,
    "topCoded" TEXT[],

    CONSTRAINT "Wage_pkey" PRIMARY KEY ("releaseId","areaCode","socCode")
);

-- CreateTable
CREATE TABLE "Projection" (
    "releaseId" INTEGER NOT NULL,
    "socCode" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "occupationType" TEXT NOT NULL,
    "baseYear" INTEGER NOT NULL,
    "projectedYear" INTEGER NOT NULL,
    "employmentBase" DOUBLE PRECISION,
    "employmentProjected" DOUBLE PRECISION,
    "changeNumeric" DOUBLE PRECISION,
    "changePercent" DOUBLE PRECISION,
    "selfEmployedPercent" DOUBLE PRECISION,
    "annualOpenings" DOUBLE PRECISION,
    "medianAnnualWage" DOUBLE PRECISION,
    "medianWageTopCoded" BOOLEAN NOT NULL DEFAULT false,
    "entryEducation" TEXT,
    "workExperience" TEXT,
    "onTheJobTraining" TEXT,

    CONSTRAINT "Projection_pkey" PRIMARY KEY ("releaseId","socCode")
);

-- CreateTable
CREATE TABLE "AiExposure" (
    "releaseId" INTEGER NOT NULL,
    "metric" "AiMetric" NOT NULL,
    "code" TEXT NOT NULL,
    "codeSystem" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "percentile" DOUBLE PRECISION NOT NULL,
    "sourceCodes" TEXT[],

    CONSTRAINT "AiExposure_pkey" PRIMARY KEY ("releaseId","metric","code")
);

-- CreateIndex
CREATE UNIQUE INDEX "DatasetRelease_dataset_version_key" ON "DatasetRelease"("dataset", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Occupation_slug_key" ON "Occupation"("slug");

-- AddForeignKey
ALTER TABLE "SlugRedirect" ADD CONSTRAINT "SlugRedirect_occupationCode_fkey" FOREIGN KEY ("occupationCode") REFERENCES "Occupation"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
