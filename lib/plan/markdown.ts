/** plan.md: the migration plan as a runbook a PostgreSQL engineer can follow. */
import type { RewriteResult } from "../rewrite/types";
import type { MigrationPlan } from "./plan";
import { FIGURE_LABEL, n } from "../report/figures";
import { mdCell, mdCode, mdCodeBlock, mdParagraph, mdText } from "../report/md-escape";

export function planMarkdown(plan: MigrationPlan, rw: RewriteResult): string {
  const out: string[] = [];
  const e = plan.effort.total;
  out.push("# DSQL migration plan", "");
  out.push(
    `Inputs: ${rw.analysis.files.map((f) => mdCode(f.file)).join(", ")} · target capabilities as of ${mdText(rw.analysis.targetDate)} · key strategy: ${mdText(rw.options.keyStrategy)}`,
    "",
  );
  const rewritten = rw.objects.filter((o) => o.status === "rewritten").length;
  // Same figures and names as the dashboard and report exports (lib/report/figures.ts).
  out.push(
    `${FIGURE_LABEL.effort}: **${e.low}–${e.high} h**. ${n(rw.analysis.files.reduce((a, f) => a + f.statements, 0))} ${FIGURE_LABEL.sourceStatements} → ${n(rw.stats.emitted)} ${FIGURE_LABEL.dsqlStatements}; ${n(rewritten)} ${FIGURE_LABEL.objectsRewritten}, ${n(rw.manual.length)} ${FIGURE_LABEL.manualWorkItems}, ${n(rw.stats.removed)} statements not needed on DSQL.`,
    "",
  );
  out.push("| phase | effort (h) |", "|---|---|");
  for (const p of plan.phases) out.push(`| ${mdCell(p.title)} | ${p.effortHours.low}–${p.effortHours.high} |`);
  out.push("", "| category | effort (h) |", "|---|---|");
  for (const [c, v] of Object.entries(plan.effort.byCategory)) out.push(`| ${mdCell(c)} | ${v.low}–${v.high} |`);
  out.push("", `_${mdText(plan.effort.formula)}_`, "");
  for (const p of plan.phases) {
    out.push(`## ${mdText(p.title)}`, "");
    p.steps.forEach((s, i) => {
      out.push(`### ${i + 1}. ${mdText(s.title)}`, "", mdParagraph(s.purpose), "");
      if (s.command) out.push(mdCodeBlock(s.command, "sh"), "");
      if (s.sql) out.push(mdCodeBlock(s.sql.length > 3000 ? `${s.sql.slice(0, 3000)}\n-- …` : s.sql, "sql"), "");
      out.push(`**Verify:** ${mdText(s.verify)}`, "");
      if (s.resolves.length) out.push(`**Resolves:** ${s.resolves.map((r) => mdCode(r)).join(", ")}`, "");
    });
  }
  if (rw.typeChanges.length) {
    out.push("## Behaviour changes from type mappings", "", "| column | from | to | what changes |", "|---|---|---|---|");
    for (const t of rw.typeChanges)
      out.push(
        `| ${mdCode(`${t.table}.${t.column}`, { inTable: true })} | ${mdCode(t.from, { inTable: true })} | ${mdCode(t.to, { inTable: true })} | ${mdCell(t.behaviour)} |`,
      );
    out.push("");
  }
  return out.join("\n");
}
