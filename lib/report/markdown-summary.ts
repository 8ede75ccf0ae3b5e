/**
 * A Markdown summary that fits one GitHub comment (65,536 characters): readiness, the two answers
 * (fixed by the rewrite, needs a person), plan phases with progress, and links to the full report.
 * The full Markdown report (toMarkdown) stays a separate format.
 */
import type { MigrationPlan } from "../plan/plan";
import type { AssessmentReport } from "./contract";
import { FIGURE_LABEL, figuresOf, headline, hours, n } from "./figures";
import { planStepKey, type MarkdownOptions } from "./markdown";
import { mdCell, mdCode, mdParagraph, mdText } from "./md-escape";

/** GitHub's limit for an issue or pull-request comment body. */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface SummaryOptions extends Pick<MarkdownOptions, "title" | "subtitle" | "planChecks"> {
  /** Absolute or relative links shown at the end (dashboard, full report…). */
  links?: Array<{ label: string; href: string }>;
  /** Character budget; defaults to GitHub's comment limit less a margin for the reader's own text. */
  limit?: number;
}

export function toMarkdownSummary(report: AssessmentReport, opts: SummaryOptions = {}): string {
  const limit = opts.limit ?? GITHUB_COMMENT_LIMIT - 4_096;
  const fg = figuresOf(report);
  const h = headline(fg);
  const head: string[] = [`# ${mdText(opts.title ?? "Aurora DSQL migration assessment")}`, ""];
  if (opts.subtitle) head.push(mdParagraph(opts.subtitle), "");
  head.push(
    `**${h.readiness}** · **${h.effort}** · assessed against DSQL capabilities as of ${mdText(report.targetDate)}`,
    "",
    `- **${FIGURE_LABEL.fixedByRewrite}:** ${n(fg.fixedByRewrite)} findings (no effort beyond reviewing the diff)`,
    `- **${FIGURE_LABEL.needsPerson}:** ${n(fg.needsPerson.problems)} ${FIGURE_LABEL.problems} (${n(fg.needsPerson.findings)} findings)`,
    ...(h.rewrite ? [`- **Rewrite:** ${h.rewrite}`] : []),
    ...(h.cleanup ? [`- **Cleanup:** ${h.cleanup}`] : []),
    "",
  );

  const tail: string[] = [];
  const plan = report.plan as MigrationPlan | undefined;
  if (plan?.phases?.length) {
    const checks = opts.planChecks ?? {};
    const total = plan.phases.reduce((a, p) => a + p.steps.length, 0);
    const done = plan.phases.reduce((a, p) => a + p.steps.filter((_, i) => checks[planStepKey(p.id, i)]).length, 0);
    tail.push("## Migration plan", "", `${n(done)} of ${n(total)} steps done.`, "", "| Phase | Steps done | Effort |", "|---|---|---|");
    plan.phases.forEach((p, pi) => {
      const d = p.steps.filter((_, i) => checks[planStepKey(p.id, i)]).length;
      tail.push(
        `| ${pi + 1}. ${mdCell(p.title.replace(/^\d+\.\s*/, ""))} | ${n(d)} of ${n(p.steps.length)} | ${p.effortHours ? hours(p.effortHours) : "—"} |`,
      );
    });
    tail.push("");
  }
  if (opts.links?.length) tail.push("## Links", "", ...opts.links.map((l) => `- [${mdText(l.label)}](${encodeURI(l.href)})`), "");
  tail.push(
    `<sub>dsql-preflight ${report.tool.version} · ${report.generatedAt.slice(0, 10)}. The full report (every finding) is the separate Markdown, JSON or PDF export.</sub>`,
    "",
  );

  const problems: string[] = [];
  if (fg.problems.length) {
    problems.push(
      `## Problems that need a person (${n(fg.problems.length)}), most effort first`,
      "",
      "| Problem | Object | Category | Effort | Findings |",
      "|---|---|---|---|---|",
    );
    const fixed = head.join("\n").length + tail.join("\n").length + 400;
    let used = fixed + problems.join("\n").length;
    let shown = 0;
    for (const p of fg.problems) {
      const row = `| ${mdCell(p.title)} (${mdCode(p.ruleId, { inTable: true })}) | ${mdCell(p.object)} | ${p.category} | ${hours(p.hours)} | ${n(p.instances)} |`;
      if (used + row.length + 1 > limit) break;
      problems.push(row);
      used += row.length + 1;
      shown++;
    }
    if (shown < fg.problems.length) problems.push("", `_…and ${n(fg.problems.length - shown)} more problems in the full report._`);
    problems.push("");
  }
  return [...head, ...problems, ...tail].join("\n");
}
