/** GitHub-flavoured Markdown that pastes cleanly into a PR, wiki page or ticket. */
import { CATEGORIES, type Finding } from "../rules/rule";
import type { AssessmentReport } from "./contract";

const SEVERITY_MARK = { blocker: "🟥 blocker", warning: "🟧 warning", advice: "🟦 advice" } as const;

/** Escape text for a Markdown table cell. */
export function cell(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ").replace(/</g, "&lt;");
}

function objectName(f: Finding): string {
  return f.object.name ? `${f.object.kind} ${f.object.schema ? `${f.object.schema}.` : ""}${f.object.name}` : "—";
}

export interface MarkdownOptions {
  title?: string;
  /** Per-finding review status by fingerprint (dashboard exports). */
  statusOf?: (f: Finding) => string | undefined;
  /** Rows per category before the table is cut (the JSON export has them all). */
  maxRowsPerCategory?: number;
}

export function toMarkdown(report: AssessmentReport, opts: MarkdownOptions = {}): string {
  const s = report.summary;
  const max = opts.maxRowsPerCategory ?? 200;
  const out: string[] = [];
  out.push(`# ${opts.title ?? "Aurora DSQL migration assessment"}`, "");
  out.push(
    `Assessed against DSQL capabilities as of **${report.targetDate}** by dsql-preflight ${report.tool.version} on ${report.generatedAt.slice(0, 10)}.`,
    "",
    "| Readiness | Blockers | Warnings | Advice | Effort | Statements | Parse errors |",
    "|---|---|---|---|---|---|---|",
    `| **${s.readiness.score}/100** (${s.readiness.band}) | ${s.bySeverity.blocker} | ${s.bySeverity.warning} | ${s.bySeverity.advice} | ${s.effortHours.low}–${s.effortHours.high} h | ${s.statements} | ${s.parseErrors} |`,
    "",
    `<sub>Readiness = ${cell(s.readiness.formula)}. Effort = ${cell(s.effortHours.formula)}.</sub>`,
    "",
  );
  const inv = Object.entries(report.inventory).filter(([, n]) => n > 0);
  if (inv.length) out.push(`**Inventory:** ${inv.map(([k, n]) => `${n} ${k}`).join(", ")}`, "");

  out.push("## Findings by category", "");
  for (const cat of CATEGORIES) {
    const list = report.findings.filter((f) => f.category === cat);
    if (list.length === 0) continue;
    out.push(`### ${cat} (${list.length})`, "");
    const withStatus = !!opts.statusOf;
    out.push(
      `| Severity | Rule | Object | Location | Fix | Message${withStatus ? " | Status" : ""} |`,
      `|---|---|---|---|---|---${withStatus ? "|---" : ""}|`,
    );
    for (const f of list.slice(0, max)) {
      out.push(
        `| ${SEVERITY_MARK[f.severity]} | [\`${f.ruleId}\`](${f.docsUrl}) | ${cell(objectName(f))} | \`${cell(f.file)}:${f.line}\` | ${f.fix} | ${cell(f.message)}${withStatus ? ` | ${cell(opts.statusOf!(f) ?? "open")}` : ""} |`,
      );
    }
    if (list.length > max) out.push("", `_…and ${list.length - max} more in this category (see the JSON export)._`);
    out.push("");
  }
  const manual = report.findings.filter((f) => f.fix === "manual" && f.severity === "blocker");
  if (manual.length) {
    out.push("## Manual work items", "");
    const byRule = new Map<string, Finding[]>();
    for (const f of manual) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
    for (const [rule, list] of byRule) {
      out.push(`- **${list[0].title}** (\`${rule}\`, ${list.length}× ${list[0].effort}): ${list.slice(0, 8).map((f) => cell(objectName(f))).join(", ")}${list.length > 8 ? ", …" : ""}`);
    }
    out.push("");
  }
  const metas = report.files.flatMap((f) => f.metaCommands.map((m) => `\`${cell(f.file)}:${m.line}\` ${cell(m.command)}`));
  if (metas.length) out.push("## psql meta-commands (skipped)", "", ...metas.slice(0, 50).map((m) => `- ${m}`), "");
  return out.join("\n");
}
