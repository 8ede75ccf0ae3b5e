/** Compiler-style text: `file:line:col: severity rule message`, one finding per line, then a summary. */
import { capabilityLines } from "./capability";
import { readinessInputsText, type AssessmentReport } from "./contract";
import { figuresOf, headline } from "./figures";

export function toText(report: AssessmentReport): string {
  const lines: string[] = [];
  for (const f of report.findings) {
    lines.push(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.ruleId} ${f.message}`);
  }
  for (const file of report.files) {
    for (const m of file.metaCommands)
      lines.push(`${file.file}:${m.line}:1: note psql-meta-command ${m.command} (skipped: psql runs it, not the server)`);
    for (const d of file.databases ?? [])
      lines.push(
        `${file.file}:${d.line}:1: note database ${d.name} of ${file.databases!.length} in this cluster dump (DSQL has one database per cluster: assess each with --database NAME)`,
      );
  }
  const s = report.summary;
  const h = headline(figuresOf(report));
  lines.push(
    "",
    `${s.findings} findings (${s.bySeverity.blocker} blockers, ${s.bySeverity.warning} warnings, ${s.bySeverity.advice} advice) in ${s.statements} statements from ${report.files.length} file(s); ${s.parseErrors} parse errors`,
    `${h.readiness}; ${h.effort}; target DSQL capabilities as of ${report.targetDate}`,
    `readiness = ${s.readiness.formula}; inputs: ${readinessInputsText(s.readiness.inputs)}`,
    `${s.problems?.total ?? s.findings} problems (${s.problems?.bySeverity.blocker ?? s.bySeverity.blocker} blocking) behind the ${s.findings} findings`,
    `${h.work}`,
    ...(h.rewrite ? [h.rewrite] : []),
    ...(h.cleanup ? [h.cleanup] : []),
  );
  if (report.capability) lines.push(...capabilityLines(report.capability));
  return lines.join("\n") + "\n";
}
