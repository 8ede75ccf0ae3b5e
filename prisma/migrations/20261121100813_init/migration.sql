-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Assessment" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "sourceKind" TEXT NOT NULL,
    "sourceLabel" TEXT NOT NULL,
    "sourceInfo" JSONB,
    "targetDate" TEXT NOT NULL,
    "keyStrategy" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "progress" JSONB,
    "error" TEXT,
    "jobId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "inputBytes" INTEGER NOT NULL DEFAULT 0,
    "readinessScore" INTEGER,
    "readinessBand" TEXT,
    "blockers" INTEGER,
    "warnings" INTEGER,
    "advice" INTEGER,
    "findingsCount" INTEGER,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentInput" (
    "id" UUID NOT NULL,
    "assessmentId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,

    CONSTRAINT "AssessmentInput_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentReport" (
    "assessmentId" UUID NOT NULL,
    "report" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentReport_pkey" PRIMARY KEY ("assessmentId")
);

-- CreateTable
CREATE TABLE "Finding" (
    "assessmentId" UUID NOT NULL,
    "idx" INTEGER NOT NULL,
    "ruleId" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "severityRank" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "fix" TEXT NOT NULL,
    "effort" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "column" INTEGER NOT NULL,
    "objectKind" TEXT NOT NULL,
    "objectSchema" TEXT,
    "objectName" TEXT NOT NULL,
    "objectKey" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "snippet" TEXT NOT NULL,
    "docsUrl" TEXT NOT NULL,
    "statementLine" INTEGER NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "note" TEXT,
    "statusAt" TIMESTAMP(3),

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("assessmentId","idx")
);

-- CreateIndex
CREATE INDEX "Assessment_createdAt_idx" ON "Assessment"("createdAt");

-- CreateIndex
CREATE INDEX "Assessment_name_idx" ON "Assessment"("name");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentInput_assessmentId_position_key" ON "AssessmentInput"("assessmentId", "position");

-- CreateIndex
CREATE INDEX "Finding_assessmentId_severityRank_idx_idx" ON "Finding"("assessmentId", "severityRank", "idx");

-- CreateIndex
CREATE INDEX "Finding_assessmentId_category_idx" ON "Finding"("assessmentId", "category");

-- CreateIndex
CREATE INDEX "Finding_assessmentId_ruleId_idx" ON "Finding"("assessmentId", "ruleId");

-- CreateIndex
CREATE INDEX "Finding_assessmentId_objectKey_idx" ON "Finding"("assessmentId", "objectKey");

-- AddForeignKey
ALTER TABLE "AssessmentInput" ADD CONSTRAINT "AssessmentInput_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentReport" ADD CONSTRAINT "AssessmentReport_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
