/**
 * The "Connections" section: how the applications connect to the source (pg_stat_activity sampled by
 * the live collector or the psql snapshot), per application, with the age histogram and the settings
 * that bound connections, judged against DSQL's 60-minute, 5-minute and IAM-token limits.
 */
import type { AssessmentReport } from "../lib/report/contract";
import { duration, type ApplicationConnections, type ConnectionAudit } from "../lib/workload/connections";
import { ConnectionAgeChart } from "./connection-chart";

export function connectionsOf(report: AssessmentReport): ConnectionAudit | undefined {
  const c = report.connections as ConnectionAudit | null | undefined;
  return c && typeof c === "object" && Array.isArray(c.applications) ? c : undefined;
}

const SETTING_LABEL: Record<string, string> = {
  max_connections: "Max connections",
  superuser_reserved_connections: "Reserved for superusers",
  statement_timeout: "Statement timeout",
  idle_in_transaction_session_timeout: "Idle-in-transaction timeout",
  idle_session_timeout: "Idle session timeout",
  password_encryption: "Password encryption",
};

const warn = "font-semibold text-amber-800";

function Age({ seconds, limit }: { seconds: number; limit: number }) {
  if (!seconds) return <span className="text-slate-500">—</span>;
  return <span className={seconds >= limit ? warn : undefined}>{duration(seconds)}</span>;
}

function AppRow({ a, limits }: { a: ApplicationConnections; limits: ConnectionAudit["limits"] }) {
  return (
    <tr className="align-top">
      <td className="py-1.5 pr-3 [overflow-wrap:anywhere]">
        <span className="font-medium text-slate-900">{a.application}</span>
        <div className="text-xs text-slate-600">
          {a.user} · {a.client}
        </div>
      </td>
      <td className="py-1.5 pr-3 text-right tabular-nums">
        {a.peak}
        <div className="text-xs text-slate-600">
          {a.peakIdle} idle · {a.peakActive} active
        </div>
      </td>
      <td className="py-1.5 pr-3 text-right tabular-nums">
        {a.ageSeconds ? (
          <Age seconds={a.ageSeconds.max} limit={limits.connectionMinutes * 60} />
        ) : (
          <span className="text-slate-500">hidden</span>
        )}
      </td>
      <td className="py-1.5 pr-3 text-right tabular-nums">
        <Age seconds={a.longestTransactionSeconds} limit={limits.transactionSeconds} />
      </td>
      <td className="py-1.5 pr-3 text-right tabular-nums">
        {a.peakIdleInTransaction ? (
          <span className={warn}>
            {a.peakIdleInTransaction} for {duration(a.longestIdleInTransactionSeconds)}
          </span>
        ) : (
          <span className="text-slate-500">—</span>
        )}
      </td>
      <td className="py-1.5 pr-3 text-right tabular-nums">{a.opened || <span className="text-slate-500">—</span>}</td>
      <td className="py-1.5 text-xs text-slate-700">{a.auth.length ? a.auth.join(", ") : "hidden"}</td>
    </tr>
  );
}

export function ConnectionsSection({ report, compact }: { report: AssessmentReport; compact?: boolean }) {
  const audit = connectionsOf(report);
  if (!audit) {
    return (
      <p className="text-sm text-slate-600" data-testid="connections-missing">
        Not collected: how applications connect (pools, connection ages, long and idle transactions, logins) comes from pg_stat_activity,
        which only a live connection or an offline snapshot samples.
      </p>
    );
  }
  const t = audit.totals;
  const L = audit.limits;
  const apps = compact ? audit.applications.slice(0, 5) : audit.applications;
  const rate = t.sessionsPerSecond ?? t.openedPerSecond;
  return (
    <div className="space-y-4" data-testid="connections">
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-600">Peak connections</dt>
          <dd className="text-xl font-semibold tabular-nums">{t.peak}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Oldest connection</dt>
          <dd
            className={`text-xl font-semibold tabular-nums ${t.oldestSeconds >= L.connectionMinutes * 60 ? "text-amber-800" : ""}`}
            data-testid="oldest-connection"
          >
            {t.oldestSeconds ? duration(t.oldestSeconds) : "—"}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Idle in transaction</dt>
          <dd className="text-xl font-semibold tabular-nums">{t.peakIdleInTransaction}</dd>
        </div>
        <div>
          <dt className="text-slate-600">New connections</dt>
          <dd className="text-xl font-semibold tabular-nums">{rate.toLocaleString("en", { maximumFractionDigits: 1 })}/s</dd>
        </div>
      </dl>
      <p className="text-xs text-slate-600">
        {audit.applications.length} application{audit.applications.length === 1 ? "" : "s"} seen in {audit.samples} samples over{" "}
        {duration(audit.seconds)}. DSQL closes connections after {L.connectionMinutes} minutes, aborts transactions after{" "}
        {L.transactionSeconds / 60} minutes, accepts {L.newConnectionsPerSecond} new connections per second and{" "}
        {L.connectionsPerCluster.toLocaleString("en")} per cluster, and logs in with IAM tokens valid {L.tokenMinutes} minutes.
        {t.hidden > 0 && ` ${t.hidden} connections of other roles show no times: grant pg_read_all_stats to the assessment role.`}
      </p>
      <div className={compact ? "grid gap-4 lg:grid-cols-[3fr_2fr]" : "space-y-4"}>
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="connections-table">
            <thead className="text-left text-slate-600">
              <tr>
                <th className="py-1 pr-3 font-medium">Application</th>
                <th className="py-1 pr-3 text-right font-medium">Peak</th>
                <th className="py-1 pr-3 text-right font-medium">Oldest</th>
                <th className="py-1 pr-3 text-right font-medium">Longest transaction</th>
                <th className="py-1 pr-3 text-right font-medium">Idle in transaction</th>
                <th className="py-1 pr-3 text-right font-medium">Opened while sampled</th>
                <th className="py-1 font-medium">Login</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {apps.map((a) => (
                <AppRow key={`${a.application}|${a.user}|${a.client}`} a={a} limits={L} />
              ))}
            </tbody>
          </table>
          {apps.length === 0 && (
            <p className="mt-2 text-sm text-slate-600">No other sessions were connected to this database while it was sampled.</p>
          )}
          {compact && audit.applications.length > apps.length && (
            <p className="mt-1 text-xs text-slate-600">
              and {audit.applications.length - apps.length} more on the Cost &amp; hotspots page.
            </p>
          )}
        </div>
        <div>
          <h3 className="mb-1 text-sm font-semibold text-slate-800">Connection age</h3>
          <ConnectionAgeChart data={audit.ageHistogram} />
        </div>
      </div>
      {!compact && audit.settings.length > 0 && (
        <div>
          <h3 className="mb-1 text-sm font-semibold text-slate-800">Server settings</h3>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            {audit.settings.map((s) => (
              <div key={s.name} className="contents">
                <dt className="text-slate-600">{SETTING_LABEL[s.name] ?? s.name}</dt>
                <dd className="text-slate-900">
                  {s.value ?? <span className="text-slate-600">not visible (the assessment session sets its own)</span>}
                </dd>
              </div>
            ))}
            {audit.overrides.map((o, i) => (
              <div key={i} className="contents">
                <dt className="text-slate-600">
                  Set for {o.role ? `role ${o.role}` : "every role"}
                  {o.database ? ` in ${o.database}` : ""}
                </dt>
                <dd className="font-mono text-xs text-slate-900">{o.settings.join(", ")}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </div>
  );
}
