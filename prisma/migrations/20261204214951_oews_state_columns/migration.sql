-- AlterTable
ALTER TABLE "Wage" ADD COLUMN     "areaTitle" TEXT,
ADD COLUMN     "jobsPer1000" DOUBLE PRECISION,
ADD COLUMN     "locationQuotient" DOUBLE PRECISION,
ADD COLUMN     "state" TEXT;
