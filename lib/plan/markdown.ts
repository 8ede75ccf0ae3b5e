/** plan.md: the migration plan as a runbook a PostgreSQL engineer can follow. */
import type { RewriteResult } from "../rewrite/types";
import type { MigrationPlan } from "./plan";
import { FIGURE_LABEL, n } from "../report/figures";

export function planMarkdown(plan: MigrationPlan, rw: RewriteResult): string {
  const out: string[] = [];
  const e = plan.effort.total;
  out.push("# DSQL migration plan", "");
  out.push(`Inputs: ${rw.analysis.files.map((f) => f.file).join(", ")} · target capabilities as of ${rw.analysis.targetDate} · key strategy: ${rw.options.keyStrategy}`, "");
  const rewritten = rw.objects.filter((o) => o.status === "rewritten").length;
  // Same figures and names as the dashboard and report exports (lib/report/figures.ts).
  out.push(`${FIGURE_LABEL.effort}: **${e.low}–${e.high} h**. ${n(rw.analysis.files.reduce((a, f) => a + f.statements, 0))} ${FIGURE_LABEL.sourceStatements} → ${n(rw.stats.emitted)} ${FIGURE_LABEL.dsqlStatements}; ${n(rewritten)} ${FIGURE_LABEL.objectsRewritten}, ${n(rw.manual.length)} ${FIGURE_LABEL.manualWorkItems}, ${n(rw.stats.removed)} statements not needed on DSQL.`, "");
  out.push("| phase | effort (h) |", "|---|---|");
  for (const p of plan.phases) out.push(`| ${p.title} | ${p.effortHours.low}–${p.effortHours.high} |`);
  out.push("", "| category | effort (h) |", "|---|---|");
  for (const [c, v] of Object.entries(plan.effort.byCategory)) out.push(`| ${c} | ${v.low}–${v.high} |`);
  out.push("", `_${plan.effort.formula}_`, "");
  for (const p of plan.phases) {
    out.push(`## ${p.title}`, "");
    p.steps.forEach((s, i) => {
      out.push(`### ${i + 1}. ${s.title}`, "", s.purpose, "");
      if (s.command) out.push("```sh", s.command, "```", "");
      if (s.sql) out.push("```sql", s.sql.length > 3000 ? `${s.sql.slice(0, 3000)}\n-- …` : s.sql, "```", "");
      out.push(`**Verify:** ${s.verify}`, "");
      if (s.resolves.length) out.push(`**Resolves:** ${s.resolves.join(", ")}`, "");
    });
  }
  if (rw.typeChanges.length) {
    out.push("## Behaviour changes from type mappings", "", "| column | from | to | what changes |", "|---|---|---|---|");
    for (const t of rw.typeChanges) out.push(`| ${t.table}.${t.column} | ${t.from} | ${t.to} | ${t.behaviour.replace(/\|/g, "\\|")} |`);
    out.push("");
  }
  return out.join("\n");
}
