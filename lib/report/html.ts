/**
 * The print view: one self-contained HTML document (inline CSS and SVG charts, no scripts, nothing
 * fetched) for the browser's Print, the shared read-only view, and the PDF that headless Chromium
 * renders from it. Every value is escaped here.
 */
import { CATEGORIES, type Finding } from "../rules/core/rule";
import type { MigrationPlan } from "../plan/plan";
import type { ManualItem } from "../rewrite/types";
import type { CostEstimate } from "../cost/model";
import { BAND_COLOR, SEVERITY_COLOR, STATUS_COLOR, STATUS_LABEL } from "./vocabulary";
import { readinessInputsText, type AssessmentReport } from "./contract";
import { planStepKey } from "./markdown";
import { auditOf, connectionsHtml } from "./connections-export";
import { FIGURE_LABEL, figuresOf, headline, hours } from "./figures";

export interface FindingReview {
  status: string;
  note?: string | null;
  assignee?: string | null;
  comments?: number;
}

export interface PrintData {
  report: AssessmentReport;
  assessment: { name: string; source: string; createdAt: string | Date; runNumber?: number; targetDate: string };
  /** Review state by finding position. */
  reviewOf?: (idx: number) => FindingReview | undefined;
  planChecks?: Record<string, { by?: string; at?: string | Date } | undefined>;
  /** A line above the title (e.g. "Shared read-only view"). */
  banner?: string;
  /** Download links shown on screen only. */
  links?: Array<{ href: string; label: string }>;
  maxRowsPerCategory?: number;
}

export function esc(s: unknown): string {
  return String(s ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const date = (d: string | Date) => (typeof d === "string" ? d : d.toISOString()).slice(0, 10);
const num = (n: number) => n.toLocaleString("en-US");
const money = (n: number) => (n >= 100 ? `$${Math.round(n).toLocaleString("en-US")}` : `$${n.toFixed(2)}`);

function objectName(f: Finding): string {
  return f.object.name ? `${f.object.schema ? `${f.object.schema}.` : ""}${f.object.name}` : f.object.kind;
}

/** Horizontal stacked bars: findings per category by severity. */
function categoryChart(report: AssessmentReport): string {
  const rows = CATEGORIES.map((c) => {
    const r = { category: c, blocker: 0, warning: 0, advice: 0 };
    for (const f of report.findings) if (f.category === c) r[f.severity]++;
    return r;
  })
    .filter((r) => r.blocker + r.warning + r.advice > 0)
    .sort((a, b) => b.blocker + b.warning + b.advice - (a.blocker + a.warning + a.advice));
  if (!rows.length) return "";
  const max = Math.max(...rows.map((r) => r.blocker + r.warning + r.advice));
  const labelW = 170;
  const barW = 440;
  const rowH = 22;
  const h = rows.length * rowH + 28;
  const bars = rows
    .map((r, i) => {
      let x = labelW;
      const y = i * rowH + 4;
      const segs = (["blocker", "warning", "advice"] as const)
        .map((s) => {
          const w = (r[s] / max) * barW;
          const seg =
            w > 0
              ? `<rect x="${x.toFixed(1)}" y="${y}" width="${Math.max(w, 1).toFixed(1)}" height="${rowH - 8}" fill="${SEVERITY_COLOR[s].fg}"/>`
              : "";
          x += w;
          return seg;
        })
        .join("");
      return `<text x="${labelW - 8}" y="${y + rowH / 2}" text-anchor="end" class="lbl">${esc(r.category)}</text>${segs}<text x="${(x + 6).toFixed(1)}" y="${y + rowH / 2}" class="val">${r.blocker + r.warning + r.advice}</text>`;
    })
    .join("");
  const legend = (["blocker", "warning", "advice"] as const)
    .map(
      (s, i) =>
        `<rect x="${labelW + i * 110}" y="${h - 16}" width="10" height="10" fill="${SEVERITY_COLOR[s].fg}"/><text x="${labelW + i * 110 + 14}" y="${h - 7}" class="val">${SEVERITY_COLOR[s].label}</text>`,
    )
    .join("");
  return `<figure class="chart"><figcaption>Findings by category and severity</figcaption><svg role="img" aria-label="Findings by category and severity" viewBox="0 0 ${labelW + barW + 60} ${h}" width="100%">${bars}${legend}</svg></figure>`;
}

/** One stacked bar of review statuses. */
function reviewChart(counts: Record<string, number>, total: number): string {
  if (!total) return "";
  let x = 0;
  const W = 600;
  const segs = Object.keys(STATUS_LABEL)
    .map((s) => {
      const w = ((counts[s] ?? 0) / total) * W;
      const r = w > 0 ? `<rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="18" fill="${STATUS_COLOR[s]}"/>` : "";
      x += w;
      return r;
    })
    .join("");
  const legend = Object.keys(STATUS_LABEL)
    .map(
      (s, i) =>
        `<rect x="${i * 150}" y="26" width="10" height="10" fill="${STATUS_COLOR[s]}"/><text x="${i * 150 + 14}" y="35" class="val">${esc(STATUS_LABEL[s])}: ${counts[s] ?? 0}</text>`,
    )
    .join("");
  return `<figure class="chart"><figcaption>Review status</figcaption><svg role="img" aria-label="Review status" viewBox="0 0 ${W} 40" width="100%">${segs}${legend}</svg></figure>`;
}

function readinessRing(score: number, band: string): string {
  const r = 42;
  const c = 2 * Math.PI * r;
  const color = BAND_COLOR[band] ?? "#334155";
  return `<svg class="ring" viewBox="0 0 100 100" width="120" height="120" role="img" aria-label="Readiness ${score} of 100"><circle cx="50" cy="50" r="${r}" fill="none" stroke="#e2e8f0" stroke-width="10"/><circle cx="50" cy="50" r="${r}" fill="none" stroke="${color}" stroke-width="10" stroke-dasharray="${((score / 100) * c).toFixed(1)} ${c.toFixed(1)}" transform="rotate(-90 50 50)"/><text x="50" y="55" text-anchor="middle" class="ringnum">${score}</text></svg>`;
}

const CSS = `
*{box-sizing:border-box}body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#0f172a;margin:0;background:#fff;font-size:12px;line-height:1.45}
.page{max-width:1000px;margin:0 auto;padding:28px 36px}
h1{font-size:26px;margin:4px 0 2px}h2{font-size:18px;margin:26px 0 8px;border-bottom:2px solid #e2e8f0;padding-bottom:4px}h3{font-size:14px;margin:16px 0 6px}
.muted{color:#475569}.banner{display:inline-block;background:#eef2ff;color:#3730a3;border-radius:4px;padding:2px 8px;font-size:11px;font-weight:600}
.cover{display:grid;grid-template-columns:140px 1fr;gap:20px;align-items:center;margin:18px 0}
.kpis{display:grid;grid-template-columns:repeat(4,1fr);gap:10px}.kpi{border:1px solid #e2e8f0;border-radius:6px;padding:8px 10px}.kpi b{display:block;font-size:20px}
.ring .ringnum{font-size:26px;font-weight:700;fill:#0f172a}
.chart{margin:12px 0}.chart svg{max-width:760px;display:block}.chart figcaption{font-weight:600;margin-bottom:4px}.lbl{font-size:11px;fill:#334155;dominant-baseline:middle}.val{font-size:11px;fill:#334155;dominant-baseline:middle}
table{border-collapse:collapse;width:100%;margin:6px 0 10px;table-layout:fixed}td{overflow-wrap:anywhere;word-break:break-word}th,td{border-bottom:1px solid #e2e8f0;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f8fafc;font-weight:600}
thead{display:table-header-group}tr{break-inside:avoid}
.sev{display:inline-block;border-radius:3px;padding:0 5px;font-weight:600;font-size:10px}
.st{display:inline-block;border-radius:3px;padding:0 5px;color:#fff;font-size:10px;white-space:nowrap}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:10.5px}td code{overflow-wrap:anywhere}
.steps{list-style:none;padding:0;margin:0}.steps li{padding:3px 0;break-inside:avoid}.box{display:inline-block;width:12px;height:12px;border:1.5px solid #334155;border-radius:2px;margin-right:6px;vertical-align:-2px;text-align:center;font-size:10px;line-height:10px}
.links a{margin-right:12px}.note{font-size:10.5px;color:#475569}
.break{break-before:page}.answers{display:grid;grid-template-columns:1fr 2fr;gap:14px;margin:10px 0}.answer{border:1px solid #e2e8f0;border-radius:6px;padding:10px 12px}.answer h3{margin:0 0 4px}.answer .big{font-size:22px;font-weight:700}
col.sev{width:72px}col.rule{width:17%}col.obj{width:18%}col.loc{width:14%}col.st{width:100px}
@media (max-width:640px){.page{padding:14px}.cover{grid-template-columns:1fr}.kpis{grid-template-columns:repeat(2,1fr)}.answers{grid-template-columns:1fr}table{font-size:11px}}
@media print{.links{display:none}.page{padding:0}}
@page{size:A4;margin:14mm 12mm}
`;

/** The cover: readiness, then the two answers (what the rewrite fixes, what needs a person). */
function coverSection(r: AssessmentReport): string {
  const s = r.summary;
  const fg = figuresOf(r);
  const h = headline(fg);
  const out: string[] = [];
  out.push(
    `<section class="cover">${readinessRing(fg.readiness.score, fg.readiness.band)}<div><p style="font-size:16px;margin:0 0 8px"><b>${esc(h.readiness)}</b></p><div class="kpis">`,
  );
  for (const sev of ["blocker", "warning", "advice"] as const)
    out.push(
      `<div class="kpi" style="border-color:${SEVERITY_COLOR[sev].border}"><span style="color:${SEVERITY_COLOR[sev].fg}">${sev === "advice" ? "Advice" : `${SEVERITY_COLOR[sev].label}s`}</span><b>${num(fg.bySeverity[sev])}</b></div>`,
    );
  out.push(`<div class="kpi"><span>${FIGURE_LABEL.effort}</span><b>${esc(hours(fg.effort))}</b></div></div>`);
  out.push(
    `<p class="note">${num(s.statements)} statements, ${num(s.parseErrors)} parse errors, ${num(fg.findings)} findings.${h.rewrite ? ` ${esc(h.rewrite)}.` : ""}${h.cleanup ? ` ${esc(h.cleanup)}.` : ""} Readiness = ${esc(s.readiness.formula)}; inputs: ${esc(readinessInputsText(s.readiness.inputs))}.</p></div></section>`,
  );
  out.push(
    `<section class="answers" data-testid="cover-answers"><div class="answer"><h3>${FIGURE_LABEL.fixedByRewrite}</h3><div class="big">${num(fg.fixedByRewrite)}</div><p class="note">findings the DSQL rewrite resolves mechanically: review the diff, no further work.</p></div>`,
  );
  out.push(
    `<div class="answer"><h3>${FIGURE_LABEL.needsPerson}</h3><div class="big">${num(fg.needsPerson.problems)} problems <span class="muted" style="font-size:13px;font-weight:400">(${num(fg.needsPerson.findings)} findings)</span></div>`,
  );
  if (fg.problems.length) {
    out.push(
      `<table><colgroup><col><col style="width:32%"><col style="width:70px"><col style="width:64px"></colgroup><thead><tr><th>Problem</th><th>Object</th><th>Effort</th><th>Findings</th></tr></thead><tbody>`,
    );
    for (const p of fg.problems.slice(0, 12))
      out.push(
        `<tr><td>${esc(p.title)} <code>${esc(p.ruleId)}</code></td><td>${esc(p.object)}</td><td>${esc(hours(p.hours))}</td><td>${num(p.instances)}</td></tr>`,
      );
    out.push(`</tbody></table>`);
    if (fg.problems.length > 12)
      out.push(`<p class="note">…and ${num(fg.problems.length - 12)} more problems, listed with their findings below.</p>`);
  } else out.push(`<p class="note">Nothing: every blocker and warning is fixed by the rewrite.</p>`);
  out.push(`</div></section>`);
  return out.join("");
}

export function reportHtml(d: PrintData): string {
  const { report: r, assessment: a } = d;
  const max = d.maxRowsPerCategory ?? 150;
  const counts: Record<string, number> = {};
  r.findings.forEach((_, i) => {
    const st = d.reviewOf?.(i)?.status ?? "open";
    counts[st] = (counts[st] ?? 0) + 1;
  });
  const out: string[] = [];
  out.push(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${esc(a.name)} · DSQL migration assessment</title><style>${CSS}</style></head><body><div class="page">`,
  );
  if (d.links?.length) out.push(`<p class="links">${d.links.map((l) => `<a href="${esc(l.href)}">${esc(l.label)}</a>`).join("")}</p>`);
  if (d.banner) out.push(`<span class="banner">${esc(d.banner)}</span>`);
  out.push(`<h1>${esc(a.name)}</h1>`);
  out.push(
    `<p class="muted">Aurora DSQL migration assessment · ${esc(a.source)}${a.runNumber && a.runNumber > 1 ? ` · run ${a.runNumber}` : ""} · assessed ${esc(date(a.createdAt))} against DSQL capabilities as of <b>${esc(r.targetDate)}</b> · dsql-preflight ${esc(r.tool.version)}</p>`,
  );
  out.push(coverSection(r));
  out.push(categoryChart(r));
  if (d.reviewOf) out.push(reviewChart(counts, r.findings.length));

  // Findings by category.
  out.push(`<h2 class="break">Findings by category</h2>`);
  for (const cat of CATEGORIES) {
    const list = r.findings.map((f, idx) => ({ f, idx })).filter((x) => x.f.category === cat);
    if (!list.length) continue;
    out.push(
      `<h3>${esc(cat)} (${list.length})</h3><table><colgroup><col class="sev"><col class="rule"><col class="obj"><col class="loc"><col>${d.reviewOf ? '<col class="st">' : ""}</colgroup><thead><tr><th>Severity</th><th>Rule</th><th>Object</th><th>Location</th><th>Message</th>${d.reviewOf ? "<th>Status</th>" : ""}</tr></thead><tbody>`,
    );
    for (const { f, idx } of list.slice(0, max)) {
      const c = SEVERITY_COLOR[f.severity];
      const rv = d.reviewOf?.(idx);
      const st = rv?.status ?? "open";
      out.push(
        `<tr><td><span class="sev" style="color:${c.fg};background:${c.bg}">${c.label}</span></td><td class="rule"><code>${esc(f.ruleId)}</code></td><td>${esc(objectName(f))}</td><td><code>${esc(f.file)}:${f.line}</code></td><td>${esc(f.message)}</td>${
          d.reviewOf
            ? `<td><span class="st" style="background:${STATUS_COLOR[st] ?? "#64748b"}">${esc(STATUS_LABEL[st] ?? st)}</span>${rv?.assignee ? `<div class="note">→ ${esc(rv.assignee)}</div>` : ""}${rv?.note ? `<div class="note">${esc(rv.note)}</div>` : ""}</td>`
            : ""
        }</tr>`,
      );
    }
    out.push(`</tbody></table>`);
    if (list.length > max) out.push(`<p class="note">…and ${list.length - max} more in this category (the JSON export has them all).</p>`);
  }

  const manual = Array.isArray(r.manualWorkItems) ? (r.manualWorkItems as ManualItem[]) : [];
  if (manual.length) {
    out.push(
      `<h2>Manual work items (${manual.length})</h2><table><thead><tr><th>Object</th><th>Why</th><th>Way forward</th><th>Location</th></tr></thead><tbody>`,
    );
    for (const m of manual.slice(0, 200))
      out.push(
        `<tr><td>${esc(m.object.name ? `${m.object.kind} ${m.object.schema ? `${m.object.schema}.` : ""}${m.object.name}` : m.object.kind)}</td><td>${esc(m.reason)}</td><td>${esc(m.suggestion)}</td><td><code>${esc(m.file)}:${m.line}</code></td></tr>`,
      );
    out.push(`</tbody></table>`);
  }

  const plan = r.plan as MigrationPlan | undefined;
  if (plan?.phases?.length) {
    const total = plan.phases.reduce((n, p) => n + p.steps.length, 0);
    const checked = plan.phases.reduce((n, p) => n + p.steps.filter((_, i) => d.planChecks?.[planStepKey(p.id, i)]).length, 0);
    out.push(
      `<h2 class="break">Migration plan</h2><p class="muted">${plan.phases.length} phases, ${checked} of ${total} steps done · ${esc(FIGURE_LABEL.effort.toLowerCase())} ${esc(hours(figuresOf(r).effort))}</p>`,
    );
    plan.phases.forEach((p, pi) => {
      out.push(
        `<h3>${pi + 1}. ${esc(p.title.replace(/^\d+\.\s*/, ""))}${p.effortHours ? ` <span class="muted">(${p.effortHours.low}–${p.effortHours.high} h)</span>` : ""}</h3><ul class="steps">`,
      );
      p.steps.forEach((st, si) => {
        const c = d.planChecks?.[planStepKey(p.id, si)];
        out.push(
          `<li><span class="box">${c ? "✓" : ""}</span><b>${esc(st.title)}</b> — ${esc(st.purpose)}${c ? ` <span class="note">(checked off${c.by ? ` by ${esc(c.by)}` : ""}${c.at ? ` on ${esc(date(c.at))}` : ""})</span>` : ""}</li>`,
        );
      });
      out.push(`</ul>`);
    });
  }

  const cost = r.cost as CostEstimate | null | undefined;
  if (cost) {
    out.push(`<h2>Cost summary</h2>`);
    if (cost.status === "estimated" && cost.usdPerMonth) {
      out.push(
        `<table><thead><tr><th></th><th>Low</th><th>High</th></tr></thead><tbody><tr><td>DPU cost per month</td><td>${money(cost.usdPerMonth.dpu.low)}</td><td>${money(cost.usdPerMonth.dpu.high)}</td></tr><tr><td>Storage cost per month</td><td>${money(cost.usdPerMonth.storage.low)}</td><td>${money(cost.usdPerMonth.storage.high)}</td></tr><tr><th>Total per month</th><th>${money(cost.usdPerMonth.total.low)}</th><th>${money(cost.usdPerMonth.total.high)}</th></tr></tbody></table><p class="note">${esc(cost.region)}, ${cost.activeRegions} active Region(s), ${cost.entered ? `entered, not measured: ${esc(cost.entered.transactionsPerSecond)} transactions/s, ${esc(cost.entered.rowsPerTransaction)} rows per transaction, reads:writes ${esc(cost.entered.readWriteRatio)}, ${esc(cost.entered.storageGb)} GB` : `measured over ${Math.round(cost.basis.seconds)} s`}.</p>`,
      );
    } else out.push(`<p>${esc(cost.message ?? "No workload was measured, so there is no DPU estimate.")}</p>`);
  }
  const connections = auditOf(r);
  if (connections) out.push(connectionsHtml(connections, esc));
  out.push(
    `<p class="note" style="margin-top:24px">Generated ${esc(new Date().toISOString().slice(0, 16).replace("T", " "))} UTC by dsql-preflight.</p></div></body></html>`,
  );
  return out.join("\n");
}
