/**
 * Exports of a stored assessment, shared by the API, the share links and the CLI: Markdown, PDF,
 * JSON (the report contract plus review states) and SARIF, plus the print view's HTML.
 */
import type { AssessmentReport } from "../report/contract";
import { toMarkdown } from "../report/markdown";
import { toMarkdownSummary } from "../report/markdown-summary";
import { withFigures } from "../report/figures";
import { toSarif } from "../report/sarif";
import { reportHtml } from "../report/html";
import { htmlToPdf } from "../report/pdf";
import { getAssessment, getReportWithState } from "../store/assessments";
import { planChecks } from "./plan-checks";

import type { ExportFormat } from "../report/vocabulary";

export { EXPORT_FORMATS, type ExportFormat } from "../report/vocabulary";

export class ExportError extends Error {
  constructor(
    readonly code: "not-found" | "not-ready",
    message: string,
  ) {
    super(message);
  }
}

const SOURCE_KIND: Record<string, string> = {
  upload: "Uploaded SQL",
  paste: "Pasted SQL",
  connection: "Live PostgreSQL collection",
  snapshot: "Offline snapshot",
};

type StatedReport = NonNullable<Awaited<ReturnType<typeof getReportWithState>>>;

/** What a share link may show: no connection details, database user or host names. */
export function redactForShare(report: StatedReport): StatedReport {
  const out = { ...report } as StatedReport & { source?: Record<string, unknown> };
  if (out.source && typeof out.source === "object") {
    const { user: _u, database: _d, catalogFile: _c, ...rest } = out.source as Record<string, unknown>;
    out.source = rest;
  }
  const catalog = /^catalog:.*/;
  out.findings = report.findings.map((f) => ({
    ...f,
    file: catalog.test(f.file) ? "catalog" : f.file,
    state: { ...f.state, assignee: f.state.assignee ? { ...f.state.assignee, email: "" } : null },
  }));
  out.files = report.files.map((f) => ({ ...f, file: catalog.test(f.file) ? "catalog" : f.file }));
  return out;
}

export interface LoadedAssessment {
  meta: {
    id: string;
    name: string;
    source: string;
    sourceKind: string;
    createdAt: Date;
    runNumber: number;
    targetDate: string;
    keyStrategy: string;
  };
  report: StatedReport;
  checks: Awaited<ReturnType<typeof planChecks>>;
}

export async function loadForExport(id: string, opts: { shared?: boolean } = {}): Promise<LoadedAssessment> {
  const a = await getAssessment(id);
  if (!a) throw new ExportError("not-found", "No such assessment");
  if (a.status !== "done")
    throw new ExportError("not-ready", a.status === "failed" ? `Assessment failed: ${a.error}` : `Assessment is ${a.status}`);
  const report = await getReportWithState(id);
  if (!report) throw new ExportError("not-found", "Report missing");
  const checks = await planChecks(id);
  const source = opts.shared && a.sourceKind === "connection" ? SOURCE_KIND.connection! : a.sourceLabel;
  return {
    meta: {
      id: a.id,
      name: a.name,
      source,
      sourceKind: a.sourceKind,
      createdAt: a.createdAt,
      runNumber: a.runNumber,
      targetDate: a.targetDate,
      keyStrategy: a.keyStrategy,
    },
    report: opts.shared ? redactForShare(report) : report,
    checks,
  };
}

export function fileBase(name: string): string {
  return name.replace(/[^\w.-]+/g, "_").slice(0, 80) || "assessment";
}

/** Checked-off plan steps as the renderers show them: who and when, by step key. */
function checkedSteps(l: LoadedAssessment) {
  return Object.fromEntries(Object.entries(l.checks).map(([k, v]) => [k, { by: v.checkedBy?.name, at: v.checkedAt }]));
}

export function printHtml(l: LoadedAssessment, extra: { banner?: string; links?: Array<{ href: string; label: string }> } = {}): string {
  const byIdx = l.report.findings;
  return reportHtml({
    report: l.report as unknown as AssessmentReport,
    assessment: {
      name: l.meta.name,
      source: l.meta.source,
      createdAt: l.meta.createdAt,
      runNumber: l.meta.runNumber,
      targetDate: l.meta.targetDate,
    },
    reviewOf: (i) => {
      const s = byIdx[i]?.state;
      return s ? { status: s.status, note: s.note, assignee: s.assignee?.name ?? null, comments: s.comments } : undefined;
    },
    planChecks: checkedSteps(l),
    ...extra,
  });
}

export async function renderExport(
  l: LoadedAssessment,
  format: ExportFormat,
  extra: { banner?: string; origin?: string } = {},
): Promise<{ body: string | Buffer; contentType: string; filename: string }> {
  const base = fileBase(l.meta.name);
  const report = l.report as unknown as AssessmentReport;
  switch (format) {
    case "summary": {
      const page = `${extra.origin ?? ""}/assessments/${l.meta.id}`;
      const md = toMarkdownSummary(report, {
        title: `${l.meta.name}: Aurora DSQL migration assessment`,
        subtitle: `Source: ${l.meta.source}${l.meta.runNumber > 1 ? ` · run ${l.meta.runNumber}` : ""} · assessed ${l.meta.createdAt.toISOString().slice(0, 10)}`,
        planChecks: checkedSteps(l),
        links: [
          { label: "Dashboard", href: page },
          { label: "Checklist of problems that need a person", href: `${page}/checklist` },
          { label: "Full report (Markdown)", href: `${extra.origin ?? ""}/api/assessments/${l.meta.id}/export?format=md` },
        ],
      });
      return { body: md, contentType: "text/markdown; charset=utf-8", filename: `${base}-summary.md` };
    }
    case "md": {
      const md = toMarkdown(report, {
        title: `${l.meta.name}: Aurora DSQL migration assessment`,
        subtitle: `Source: ${l.meta.source}${l.meta.runNumber > 1 ? ` · run ${l.meta.runNumber}` : ""} · assessed ${l.meta.createdAt.toISOString().slice(0, 10)}`,
        statusOf: (f) => (f as unknown as { state?: { status: string } }).state?.status,
        planChecks: checkedSteps(l),
      });
      return { body: md, contentType: "text/markdown; charset=utf-8", filename: `${base}.md` };
    }
    case "sarif":
      return { body: JSON.stringify(toSarif(report), null, 2) + "\n", contentType: "application/sarif+json", filename: `${base}.sarif` };
    case "json":
      return {
        body:
          JSON.stringify(
            {
              ...withFigures(report),
              assessment: {
                id: l.meta.id,
                name: l.meta.name,
                source: { kind: l.meta.sourceKind, label: l.meta.source },
                run: l.meta.runNumber,
                options: { targetDate: l.meta.targetDate, keyStrategy: l.meta.keyStrategy },
                createdAt: l.meta.createdAt,
              },
              planChecks: l.checks,
            },
            null,
            2,
          ) + "\n",
        contentType: "application/json; charset=utf-8",
        filename: `${base}.json`,
      };
    case "html":
      return { body: printHtml(l, extra), contentType: "text/html; charset=utf-8", filename: `${base}.html` };
    case "pdf": {
      const pdf = await htmlToPdf(printHtml(l, extra), { title: l.meta.name });
      return { body: pdf, contentType: "application/pdf", filename: `${base}.pdf` };
    }
  }
}
