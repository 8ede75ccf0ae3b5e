-- AlterTable
ALTER TABLE "AssessmentReport" ADD COLUMN     "artifacts" JSONB;
