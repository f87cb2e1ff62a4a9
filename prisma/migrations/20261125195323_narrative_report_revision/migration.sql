-- AlterEnum
ALTER TYPE "RevisionKind" ADD VALUE 'REPORT';
