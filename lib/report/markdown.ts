/** GitHub-flavoured Markdown that pastes cleanly into a PR, wiki page or ticket. */
import { capabilityLines } from "./capability";
import { CATEGORIES, type Finding } from "../rules/core/rule";
import type { MigrationPlan } from "../plan/plan";
import type { ManualItem } from "../rewrite/types";
import type { CostEstimate } from "../cost/model";
import { readinessInputsText, type AssessmentReport } from "./contract";
import { FIGURE_LABEL, figuresOf, headline, hours, n, type ReportFigures } from "./figures";
import { mdCell, mdCode, mdParagraph, mdText } from "./md-escape";
import { auditOf, connectionsMarkdown } from "./connections-export";

const SEVERITY_MARK = { blocker: "🟥 blocker", warning: "🟧 warning", advice: "🟦 advice" } as const;

/** Untrusted text in a table cell or inline: rendered inert (see md-escape). */
const cell = mdCell;

function objectName(f: Finding): string {
  return f.object.name ? `${f.object.kind} ${f.object.schema ? `${f.object.schema}.` : ""}${f.object.name}` : "—";
}

export interface MarkdownOptions {
  /** Plain text (escaped here). */
  title?: string;
  /** Per-finding review status by fingerprint (dashboard exports). */
  statusOf?: (f: Finding) => string | undefined;
  /** Rows per category before the table is cut (the JSON export has them all). */
  maxRowsPerCategory?: number;
  /** One line of plain text under the title (assessment name, source, run; escaped here). */
  subtitle?: string;
  /** Plan steps checked off by the team, by `<phase id>:<step index>`. */
  planChecks?: Record<string, { by?: string; at?: string | Date } | undefined>;
}

/** Key of a plan step, shared by the dashboard's check-offs and the exports. */
export function planStepKey(phaseId: string, stepIndex: number): string {
  return `${phaseId}:${stepIndex}`;
}

const STATUS_WORD: Record<string, string> = { open: "open", accepted: "accepted (will fix)", wontfix: "won't fix", done: "done" };

function objLabel(o: { kind?: string; schema?: string; name?: string } | undefined): string {
  if (!o?.name) return o?.kind ?? "—";
  return `${o.kind ? `${o.kind} ` : ""}${o.schema ? `${o.schema}.` : ""}${o.name}`;
}

function money(n: number): string {
  return n >= 100 ? `$${Math.round(n).toLocaleString("en-US")}` : `$${n.toFixed(2)}`;
}

function planSection(plan: MigrationPlan, checks: MarkdownOptions["planChecks"], figures: ReportFigures): string[] {
  const out: string[] = ["## Migration plan", ""];
  const e = figures.effort;
  const steps = plan.phases.reduce((n, p) => n + p.steps.length, 0);
  const done = checks ? plan.phases.reduce((n, p) => n + p.steps.filter((_, i) => checks[planStepKey(p.id, i)]).length, 0) : 0;
  out.push(
    `${plan.phases.length} phases, ${steps} steps${checks ? `, ${done} checked off` : ""}${e ? `; ${FIGURE_LABEL.effort.toLowerCase()} **${hours(e)}**` : ""}.`,
    "",
  );
  plan.phases.forEach((p, pi) => {
    out.push(
      `### ${pi + 1}. ${cell(p.title.replace(/^\d+\.\s*/, ""))}${p.effortHours ? ` (${p.effortHours.low}–${p.effortHours.high} h)` : ""}`,
      "",
    );
    p.steps.forEach((st, si) => {
      const c = checks?.[planStepKey(p.id, si)];
      const when = c?.at ? (typeof c.at === "string" ? c.at : c.at.toISOString()).slice(0, 10) : "";
      out.push(
        `- [${c ? "x" : " "}] **${cell(st.title)}** — ${cell(st.purpose)}${c ? ` _(checked off${c.by ? ` by ${cell(c.by)}` : ""}${when ? ` on ${when}` : ""})_` : ""}`,
      );
    });
    out.push("");
  });
  return out;
}

function manualSection(items: ManualItem[]): string[] {
  const out: string[] = ["## Manual work items", "", "| Object | Rules | Why | Way forward | Location |", "|---|---|---|---|---|"];
  for (const m of items.slice(0, 300)) {
    out.push(
      `| ${cell(objLabel(m.object))} | ${m.ruleIds.map((r) => `\`${r}\``).join(", ")} | ${cell(m.reason)} | ${cell(m.suggestion)} | ${mdCode(`${m.file}:${m.line}`, { inTable: true })} |`,
    );
  }
  if (items.length > 300) out.push("", `_…and ${items.length - 300} more (see the JSON export)._`);
  out.push("");
  return out;
}

function costSection(c: CostEstimate): string[] {
  const out: string[] = ["## Cost summary", ""];
  if (c.status === "estimated" && c.usdPerMonth) {
    out.push(
      "| | Low | High |",
      "|---|---|---|",
      `| DPU per month | ${Math.round(c.dpuPerMonth?.total.low ?? 0).toLocaleString("en-US")} | ${Math.round(c.dpuPerMonth?.total.high ?? 0).toLocaleString("en-US")} |`,
      `| DPU cost per month | ${money(c.usdPerMonth.dpu.low)} | ${money(c.usdPerMonth.dpu.high)} |`,
      `| Storage (GB-month) | ${c.storageGbMonth.low.toFixed(2)} | ${c.storageGbMonth.high.toFixed(2)} |`,
      `| Storage cost per month | ${money(c.usdPerMonth.storage.low)} | ${money(c.usdPerMonth.storage.high)} |`,
      `| **Total per month** | **${money(c.usdPerMonth.total.low)}** | **${money(c.usdPerMonth.total.high)}** |`,
      "",
      `Region ${mdText(c.region)}, ${c.activeRegions} active Region${c.activeRegions > 1 ? "s" : ""}, ${c.entered ? `**entered, not measured**: ${c.entered.transactionsPerSecond} transactions/s, ${c.entered.rowsPerTransaction} rows per transaction, reads:writes ${mdText(String(c.entered.readWriteRatio))}, ${c.entered.storageGb} GB` : `measured over ${Math.round(c.basis.seconds)} s of workload`}.`,
      "",
    );
    if (c.whatIf?.length) {
      out.push("| What if | Δ USD per month |", "|---|---|");
      for (const w of c.whatIf) out.push(`| ${cell(w.title)} | ${money(w.deltaUsdPerMonth.low)} to ${money(w.deltaUsdPerMonth.high)} |`);
      out.push("");
    }
  } else {
    out.push(mdParagraph(c.message ?? "No workload was measured, so there is no DPU estimate."), "");
    if (c.storageGbMonth) out.push(`Storage: ${c.storageGbMonth.low.toFixed(2)}–${c.storageGbMonth.high.toFixed(2)} GB-month.`, "");
  }
  return out;
}

export function toMarkdown(report: AssessmentReport, opts: MarkdownOptions = {}): string {
  const s = report.summary;
  const fg = figuresOf(report);
  const h = headline(fg);
  const max = opts.maxRowsPerCategory ?? 200;
  const out: string[] = [];
  out.push(`# ${mdText(opts.title ?? "Aurora DSQL migration assessment")}`, "");
  if (opts.subtitle) out.push(mdParagraph(opts.subtitle), "");
  out.push(
    `Assessed against DSQL capabilities as of **${mdText(report.targetDate)}** by dsql-preflight ${report.tool.version} on ${report.generatedAt.slice(0, 10)}.`,
    "",
    ...(report.capability ? [...capabilityLines(report.capability).map((l) => `- ${mdText(l)}`), ""] : []),
    "| Readiness | Blockers | Warnings | Advice | Estimated effort | Fixed by the rewrite | Needs a person | Statements | Parse errors |",
    "|---|---|---|---|---|---|---|---|---|",
    `| **${fg.readiness.score}/100** (${fg.readiness.band}) | ${fg.bySeverity.blocker} | ${fg.bySeverity.warning} | ${fg.bySeverity.advice} | ${hours(fg.effort)} | ${n(fg.fixedByRewrite)} findings | ${n(fg.needsPerson.problems)} problems (${n(fg.needsPerson.findings)} findings) | ${s.statements} | ${s.parseErrors} |`,
    "",
    `<sub>Readiness = ${cell(s.readiness.formula)}; inputs: ${cell(readinessInputsText(s.readiness.inputs))}. Estimated effort = ${cell(fg.effort.formula)}.</sub>`,
    "",
  );
  if (h.rewrite) out.push(`**Rewrite:** ${h.rewrite}.`, "");
  if (h.cleanup) out.push(`**Cleanup:** ${h.cleanup}.`, "");
  const inv = Object.entries(report.inventory).filter(([, n]) => n > 0);
  if (inv.length) out.push(`**Inventory:** ${inv.map(([k, n]) => `${n} ${k}`).join(", ")}`, "");
  if (opts.statusOf) {
    const counts: Record<string, number> = {};
    for (const f of report.findings) {
      const st = opts.statusOf(f) ?? "open";
      counts[st] = (counts[st] ?? 0) + 1;
    }
    out.push(
      `**Review:** ${
        Object.keys(STATUS_WORD)
          .filter((k) => counts[k])
          .map((k) => `${counts[k]} ${STATUS_WORD[k]}`)
          .join(", ") || "no findings"
      }`,
      "",
    );
  }

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
      const st = withStatus ? (opts.statusOf!(f) ?? "open") : "";
      out.push(
        `| ${SEVERITY_MARK[f.severity]} | [\`${f.ruleId}\`](${f.docsUrl}) | ${cell(objectName(f))} | ${mdCode(`${f.file}:${f.line}`, { inTable: true })} | ${f.fix} | ${cell(f.message)}${withStatus ? ` | ${cell(STATUS_WORD[st] ?? st)}` : ""} |`,
      );
    }
    if (list.length > max) out.push("", `_…and ${list.length - max} more in this category (see the JSON export)._`);
    out.push("");
  }
  const manualItems = Array.isArray(report.manualWorkItems) ? (report.manualWorkItems as ManualItem[]) : undefined;
  const manual = report.findings.filter((f) => f.fix === "manual" && f.severity === "blocker");
  if (manualItems?.length) {
    out.push(...manualSection(manualItems));
  } else if (manual.length) {
    out.push("## Manual work items", "");
    const byRule = new Map<string, Finding[]>();
    for (const f of manual) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
    for (const [rule, list] of byRule) {
      out.push(
        `- **${cell(list[0].title)}** (\`${rule}\`, ${list.length}× ${list[0].effort}): ${list
          .slice(0, 8)
          .map((f) => cell(objectName(f)))
          .join(", ")}${list.length > 8 ? ", …" : ""}`,
      );
    }
    out.push("");
  }
  const plan = report.plan as MigrationPlan | undefined;
  if (plan?.phases?.length) out.push(...planSection(plan, opts.planChecks, fg));
  const cost = report.cost as CostEstimate | null | undefined;
  if (cost) out.push(...costSection(cost));
  const connections = auditOf(report);
  if (connections) out.push(...connectionsMarkdown(connections));
  const metas = report.files.flatMap((f) => f.metaCommands.map((m) => `${mdCode(`${f.file}:${m.line}`)} ${mdCode(m.command)}`));
  if (metas.length) out.push("## psql meta-commands (skipped)", "", ...metas.slice(0, 50).map((m) => `- ${m}`), "");
  return out.join("\n");
}
