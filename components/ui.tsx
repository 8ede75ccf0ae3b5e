/** Small shared presentational pieces (server-safe: no hooks). */
import { BAND_COLOR, severityColor } from "@/lib/report/vocabulary";

export function SeverityBadge({ severity }: { severity: string }) {
  const c = severityColor(severity);
  return (
    <span
      className="inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-semibold"
      style={{ color: c.fg, background: c.bg, borderColor: c.border }}
      data-severity={severity}
    >
      {c.label}
    </span>
  );
}

export function StatusPill({ status }: { status: string }) {
  const styles: Record<string, string> = {
    done: "bg-emerald-50 text-emerald-800 border-emerald-200",
    running: "bg-indigo-50 text-indigo-800 border-indigo-200",
    queued: "bg-slate-100 text-slate-700 border-slate-300",
    failed: "bg-red-50 text-red-800 border-red-200",
  };
  return (
    <span className={`inline-flex rounded-full border px-2 py-0.5 text-xs font-medium ${styles[status] ?? styles.queued}`}>{status}</span>
  );
}

export function ReadinessBadge({ score, band }: { score: number | null | undefined; band: string | null | undefined }) {
  if (score === null || score === undefined) return <span className="text-slate-500">—</span>;
  const color = BAND_COLOR[band ?? ""] ?? "#334155";
  return (
    <span className="inline-flex items-baseline gap-1.5">
      <span className="text-base font-semibold tabular-nums" style={{ color }}>
        {score}
      </span>
      <span className="text-xs text-slate-600">{band}</span>
    </span>
  );
}

export function Card({
  title,
  children,
  className = "",
  actions,
}: {
  title?: string;
  children: React.ReactNode;
  className?: string;
  actions?: React.ReactNode;
}) {
  return (
    <section className={`rounded-lg border border-slate-200 bg-white p-5 shadow-sm ${className}`}>
      {(title || actions) && (
        <div className="mb-3 flex items-center justify-between gap-4">
          {title && <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">{title}</h2>}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}

export function Empty({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
      <p className="font-medium text-slate-800">{title}</p>
      {children && <div className="mt-2 text-sm text-slate-600">{children}</div>}
    </div>
  );
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

export function formatDate(d: Date | string): string {
  const x = typeof d === "string" ? new Date(d) : d;
  return x.toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

export function objectLabel(o: { kind: string; schema?: string | null; name: string }): string {
  if (!o.name) return o.kind;
  return `${o.kind} ${o.schema ? `${o.schema}.` : ""}${o.name}`;
}
