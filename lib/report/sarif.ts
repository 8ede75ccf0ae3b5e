/** SARIF 2.1.0 for code-scanning UIs (GitHub code scanning, VS Code SARIF viewer). */
import { EVERY_RULE } from "../rules/all";
import type { AssessmentReport } from "./contract";

const LEVEL = { blocker: "error", warning: "warning", advice: "note" } as const;

export function toSarif(report: AssessmentReport): object {
  const used = new Set(report.findings.map((f) => f.ruleId));
  const rules = EVERY_RULE.filter((r) => used.has(r.id));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "dsql-preflight",
            version: report.tool.version,
            informationUri:
              "https://docs.aws.amazon.com/aurora-dsql/latest/userguide/working-with-postgresql-compatibility-migration-guide.html",
            rules: rules.map((r) => ({
              id: r.id,
              name: r.title,
              shortDescription: { text: r.title },
              fullDescription: { text: r.why },
              help: {
                text: r.fix,
                markdown: `${r.fix}\n\nBad:\n\`\`\`sql\n${r.example.bad}\n\`\`\`\nGood:\n\`\`\`sql\n${r.example.good}\n\`\`\``,
              },
              helpUri: r.docsUrl,
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { category: r.category, fix: r.fixKind, effort: r.effort },
            })),
          },
        },
        properties: { targetDate: report.targetDate },
        results: report.findings.map((f) => ({
          ruleId: f.ruleId,
          ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file.replace(/\\/g, "/") },
                region: { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) },
              },
            },
          ],
          partialFingerprints: { "dsqlPreflight/v1": f.fingerprint },
        })),
      },
    ],
  };
}
