/**
 * The connection audit in the Markdown export and the print view (which the PDF renders): summary,
 * per-application table and the connection-age histogram, with DSQL's limits beside the numbers.
 */
import { duration, type ConnectionAudit } from "../workload/connections";
import { mdCell } from "./md-escape";

export function auditOf(report: Record<string, unknown>): ConnectionAudit | undefined {
  const c = report.connections as ConnectionAudit | null | undefined;
  return c && typeof c === "object" && Array.isArray(c.applications) ? c : undefined;
}

const age = (s: number) => (s ? duration(s) : "—");

function summaryLine(a: ConnectionAudit): string {
  const t = a.totals;
  const rate = t.sessionsPerSecond ?? t.openedPerSecond;
  return `${a.applications.length} application(s) in ${a.samples} samples over ${duration(a.seconds)}: peak ${t.peak} connections, oldest ${age(t.oldestSeconds)}, ${t.peakIdleInTransaction} idle in transaction, ${rate.toLocaleString("en-US", { maximumFractionDigits: 1 })} new connections/s. DSQL limits: connections closed after ${a.limits.connectionMinutes} min, transactions aborted after ${a.limits.transactionSeconds / 60} min, ${a.limits.newConnectionsPerSecond} new connections/s and ${a.limits.connectionsPerCluster.toLocaleString("en-US")} per cluster, IAM tokens valid ${a.limits.tokenMinutes} min.`;
}

export function connectionsMarkdown(a: ConnectionAudit, maxRows = 50): string[] {
  const out = ["## Connections", "", summaryLine(a), ""];
  if (a.applications.length) {
    out.push(
      "| Application | User | Client | Peak (idle / active / idle in txn) | Oldest | Longest transaction | Opened while sampled | Login |",
      "|---|---|---|---|---|---|---|---|",
    );
    for (const x of a.applications.slice(0, maxRows))
      out.push(
        `| ${mdCell(x.application)} | ${mdCell(x.user)} | ${mdCell(x.client)} | ${x.peak} (${x.peakIdle} / ${x.peakActive} / ${x.peakIdleInTransaction}) | ${x.ageSeconds ? age(x.ageSeconds.max) : "hidden"} | ${age(x.longestTransactionSeconds)} | ${x.opened} | ${x.auth.join(", ") || "hidden"} |`,
      );
    if (a.applications.length > maxRows) out.push("", `_…and ${a.applications.length - maxRows} more (see the JSON export)._`);
    out.push("");
  }
  out.push("| Connection age | Connections |", "|---|---|", ...a.ageHistogram.map((b) => `| ${b.bucket} | ${b.connections} |`), "");
  const settings = a.settings
    .map((s) => `${s.name} = ${s.value ?? "not visible"}`)
    .concat(a.overrides.map((o) => `${o.role ? `role ${o.role}` : "all roles"}: ${o.settings.join(", ")}`));
  if (settings.length) out.push(`Settings: ${mdCell(settings.join("; "))}.`, "");
  return out;
}

export function connectionsHtml(a: ConnectionAudit, esc: (s: unknown) => string): string {
  const rows = a.applications
    .slice(0, 200)
    .map(
      (x) =>
        `<tr><td>${esc(x.application)}<br><span class="muted">${esc(x.user)} · ${esc(x.client)}</span></td><td>${x.peak} (${x.peakIdle} idle, ${x.peakActive} active, ${x.peakIdleInTransaction} idle in txn)</td><td>${x.ageSeconds ? esc(age(x.ageSeconds.max)) : "hidden"}</td><td>${esc(age(x.longestTransactionSeconds))}</td><td>${x.opened}</td><td>${esc(x.auth.join(", ") || "hidden")}</td></tr>`,
    )
    .join("");
  const max = Math.max(1, ...a.ageHistogram.map((b) => b.connections));
  const bw = 90;
  const bars = a.ageHistogram
    .map((b, i) => {
      const h = Math.round((b.connections / max) * 80);
      const over = i >= 4;
      return `<rect x="${i * bw + 10}" y="${95 - h}" width="${bw - 20}" height="${h}" fill="${over ? "#b45309" : "#4338ca"}"/><text class="val" x="${i * bw + bw / 2}" y="${88 - h}" text-anchor="middle">${b.connections}</text><text class="lbl" x="${i * bw + bw / 2}" y="108" text-anchor="middle">${esc(b.bucket)}</text>`;
    })
    .join("");
  return [
    `<h2>Connections</h2><p>${esc(summaryLine(a))}</p>`,
    rows
      ? `<table><thead><tr><th>Application</th><th>Peak</th><th>Oldest</th><th>Longest transaction</th><th>Opened while sampled</th><th>Login</th></tr></thead><tbody>${rows}</tbody></table>`
      : `<p class="muted">No other sessions were connected while sampling.</p>`,
    `<figure class="chart"><figcaption>Connection age</figcaption><svg role="img" aria-label="Connections by age" viewBox="0 0 ${a.ageHistogram.length * bw} 116" width="100%">${bars}</svg></figure>`,
  ].join("\n");
}
