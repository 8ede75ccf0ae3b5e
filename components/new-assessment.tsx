"use client";
import { ConnectionUriField } from "./connection-uri";
/** The intake form: files (drag and drop, many .sql or a .zip), pasted SQL, a live connection, or a snapshot. */
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { ConnectionTest as CheckResult } from "@/lib/source/connection";

type Mode = "upload" | "paste" | "connect" | "snapshot";

const TABS: Array<{ id: Mode; label: string }> = [
  { id: "upload", label: "Upload files" },
  { id: "paste", label: "Paste SQL" },
  { id: "connect", label: "Connect to a database" },
  { id: "snapshot", label: "Offline snapshot" },
];

function fmt(n: number) {
  return n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} B`;
}

export function NewAssessmentForm({
  latestDate,
  earliestDate,
  keyStrategies,
}: {
  latestDate: string;
  earliestDate: string;
  keyStrategies: Array<{ id: string; label: string; help: string }>;
}) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("upload");
  const [files, setFiles] = useState<File[]>([]);
  const [snapshot, setSnapshot] = useState<File | null>(null);
  const [sql, setSql] = useState("");
  const [name, setName] = useState("");
  const [targetDate, setTargetDate] = useState(latestDate);
  const [keyStrategy, setKeyStrategy] = useState(keyStrategies[0]?.id ?? "keep");
  const [conn, setConn] = useState({
    host: "",
    port: "5432",
    database: "",
    user: "",
    password: "",
    sslmode: "require",
    sampleSeconds: "60",
  });
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [checking, setChecking] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const tabRefs = useRef<Array<HTMLButtonElement | null>>([]);

  const addFiles = (list: FileList | null) => {
    if (!list) return;
    const next = [...files];
    for (const f of Array.from(list)) if (!next.some((x) => x.name === f.name && x.size === f.size)) next.push(f);
    setFiles(next);
    setError(null);
  };

  const options = () => ({ ...(name.trim() ? { name: name.trim() } : {}), targetDate, keyStrategy });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      let res: Response;
      if (mode === "upload" || mode === "snapshot") {
        const fd = new FormData();
        const o = options();
        for (const [k, v] of Object.entries(o)) fd.set(k, v);
        if (mode === "snapshot") {
          fd.set("kind", "snapshot");
          if (snapshot) fd.append("files", snapshot);
        } else for (const f of files) fd.append("files", f);
        res = await fetch("/api/assessments", { method: "POST", body: fd });
      } else if (mode === "paste") {
        res = await fetch("/api/assessments", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ...options(), sql }),
        });
      } else {
        res = await fetch("/api/assessments", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            ...options(),
            connection: {
              ...conn,
              port: Number(conn.port) || 5432,
              sampleSeconds: Number(conn.sampleSeconds) || 0,
              password: conn.password || undefined,
            },
          }),
        });
      }
      const body = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(body?.error?.message ?? `Request failed (${res.status})`);
      router.push(`/assessments/${body.id}`);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  }

  async function testConnection() {
    setChecking(true);
    setCheck(null);
    setError(null);
    try {
      const res = await fetch("/api/connections/test", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          host: conn.host,
          port: Number(conn.port) || 5432,
          database: conn.database,
          user: conn.user,
          sslmode: conn.sslmode,
          password: conn.password || undefined,
        }),
      });
      const body = await res.json();
      if (!res.ok) throw new Error(body?.error?.message ?? `Request failed (${res.status})`);
      setCheck(body);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setChecking(false);
    }
  }

  const canSubmit =
    !busy &&
    (mode === "upload"
      ? files.length > 0
      : mode === "paste"
        ? sql.trim().length > 0
        : mode === "snapshot"
          ? !!snapshot
          : conn.host && conn.database && conn.user);

  const onTabKey = (e: React.KeyboardEvent, i: number) => {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
    const j = (i + (e.key === "ArrowRight" ? 1 : TABS.length - 1)) % TABS.length;
    setMode(TABS[j].id);
    tabRefs.current[j]?.focus();
  };

  const input = "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

  return (
    <form onSubmit={submit} className="space-y-5" aria-busy={busy}>
      <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <div role="tablist" aria-label="Source" className="flex border-b border-slate-200">
          {TABS.map((t, i) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={mode === t.id}
              aria-controls={`panel-${t.id}`}
              tabIndex={mode === t.id ? 0 : -1}
              ref={(el) => {
                tabRefs.current[i] = el;
              }}
              onKeyDown={(e) => onTabKey(e, i)}
              onClick={() => setMode(t.id)}
              className={`-mb-px border-b-2 px-4 py-3 text-sm font-medium ${mode === t.id ? "border-indigo-700 text-indigo-800" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            >
              {t.label}
            </button>
          ))}
        </div>

        <div role="tabpanel" id={`panel-${mode}`} aria-labelledby={`tab-${mode}`} className="p-5">
          {mode === "upload" && (
            <div className="space-y-3">
              <div
                onDragOver={(e) => {
                  e.preventDefault();
                  setDragging(true);
                }}
                onDragLeave={() => setDragging(false)}
                onDrop={(e) => {
                  e.preventDefault();
                  setDragging(false);
                  addFiles(e.dataTransfer.files);
                }}
                className={`flex flex-col items-center justify-center rounded-lg border-2 border-dashed px-6 py-10 text-center ${dragging ? "border-indigo-500 bg-indigo-50" : "border-slate-300 bg-slate-50"}`}
                data-testid="dropzone"
              >
                <p className="font-medium text-slate-800">Drop .sql, .sql.gz or .zip files here</p>
                <p className="mt-1 text-sm text-slate-600">pg_dump --schema-only output, a migrations folder, psql scripts. Up to 50 MB.</p>
                <button
                  type="button"
                  onClick={() => fileInput.current?.click()}
                  className="mt-4 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
                >
                  Choose files…
                </button>
                <input
                  ref={fileInput}
                  type="file"
                  multiple
                  accept=".sql,.psql,.pgsql,.txt,.zip,.gz"
                  className="sr-only"
                  aria-label="SQL or zip files"
                  data-testid="file-input"
                  onChange={(e) => addFiles(e.target.files)}
                />
              </div>
              {files.length > 0 && (
                <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 text-sm" aria-label="Selected files">
                  {files.map((f) => (
                    <li key={`${f.name}-${f.size}`} className="flex items-center justify-between px-3 py-2">
                      <span className="font-mono text-slate-800">{f.name}</span>
                      <span className="flex items-center gap-3 text-slate-600">
                        {fmt(f.size)}
                        <button
                          type="button"
                          onClick={() => setFiles(files.filter((x) => x !== f))}
                          className="text-red-700 hover:underline"
                          aria-label={`Remove ${f.name}`}
                        >
                          Remove
                        </button>
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}

          {mode === "paste" && (
            <div>
              <label htmlFor="sql" className="mb-1 block text-sm font-medium text-slate-800">
                SQL
              </label>
              <textarea
                id="sql"
                value={sql}
                onChange={(e) => setSql(e.target.value)}
                rows={14}
                className={`${input} font-mono`}
                placeholder="CREATE TABLE …"
                spellCheck={false}
              />
            </div>
          )}

          {mode === "connect" && (
            <div className="space-y-4">
              <p className="text-sm text-slate-600">
                Read-only: the collector reads the catalog and statistics (pg_stat_statements when available), never table data. The
                password is used for this run only and is not stored with the assessment.
              </p>
              <div className="grid grid-cols-1 gap-3 sm:grid-cols-6">
                <ConnectionUriField inputClass={input} onFields={(f) => setConn((c) => ({ ...c, ...f }))} />
                <label className="sm:col-span-4 text-sm font-medium text-slate-800">
                  Host
                  <input
                    className={`${input} mt-1`}
                    value={conn.host}
                    onChange={(e) => setConn({ ...conn, host: e.target.value })}
                    placeholder="db.example.internal"
                  />
                </label>
                <label className="sm:col-span-2 text-sm font-medium text-slate-800">
                  Port
                  <input
                    className={`${input} mt-1`}
                    inputMode="numeric"
                    value={conn.port}
                    onChange={(e) => setConn({ ...conn, port: e.target.value })}
                  />
                </label>
                <label className="sm:col-span-2 text-sm font-medium text-slate-800">
                  Database
                  <input
                    className={`${input} mt-1`}
                    value={conn.database}
                    onChange={(e) => setConn({ ...conn, database: e.target.value })}
                  />
                </label>
                <label className="sm:col-span-2 text-sm font-medium text-slate-800">
                  User
                  <input
                    className={`${input} mt-1`}
                    value={conn.user}
                    onChange={(e) => setConn({ ...conn, user: e.target.value })}
                    autoComplete="off"
                  />
                </label>
                <label className="sm:col-span-2 text-sm font-medium text-slate-800">
                  Password
                  <input
                    className={`${input} mt-1`}
                    type="password"
                    value={conn.password}
                    onChange={(e) => setConn({ ...conn, password: e.target.value })}
                    autoComplete="off"
                  />
                </label>
                <label className="sm:col-span-2 text-sm font-medium text-slate-800">
                  Workload sample (seconds)
                  <input
                    className={`${input} mt-1`}
                    inputMode="numeric"
                    value={conn.sampleSeconds}
                    onChange={(e) => setConn({ ...conn, sampleSeconds: e.target.value })}
                    aria-describedby="sample-help"
                  />
                  <span id="sample-help" className="mt-1 block text-xs font-normal text-slate-600">
                    Time between two activity snapshots (rates for cost and hotspots); 0 uses cumulative counters.
                  </span>
                </label>
                <label className="sm:col-span-2 text-sm font-medium text-slate-800">
                  TLS
                  <select className={`${input} mt-1`} value={conn.sslmode} onChange={(e) => setConn({ ...conn, sslmode: e.target.value })}>
                    <option value="require">require</option>
                    <option value="verify-full">verify-full</option>
                    <option value="prefer">prefer</option>
                    <option value="disable">disable</option>
                  </select>
                </label>
              </div>
              <div className="flex items-center gap-3">
                <button
                  type="button"
                  onClick={testConnection}
                  disabled={checking || !conn.host || !conn.database || !conn.user}
                  className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50"
                >
                  {checking ? "Testing…" : "Test connection"}
                </button>
                {check && (
                  <span className={`text-sm font-medium ${check.ok ? "text-emerald-800" : "text-red-800"}`} role="status">
                    {check.ok
                      ? `Connected to PostgreSQL ${check.serverVersion} as ${check.user} (${check.elapsedMs} ms)`
                      : `Cannot assess: ${check.error ?? "a required permission is missing"}`}
                  </span>
                )}
              </div>
              {check && check.checks.length > 0 && (
                <div className="overflow-x-auto">
                  <table className="w-full text-sm" aria-label="Permission preflight">
                    <thead>
                      <tr className="text-left text-slate-600">
                        <th className="py-1 font-medium">Check</th>
                        <th className="py-1 font-medium">Result</th>
                        <th className="py-1 font-medium">Detail</th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {check.checks.map((c) => (
                        <tr key={c.id}>
                          <td className="py-1.5 pr-3">
                            {c.label}
                            {c.required ? "" : <span className="ml-1 text-xs text-slate-500">(optional)</span>}
                          </td>
                          <td
                            className={`py-1.5 pr-3 font-medium ${c.ok ? "text-emerald-800" : c.required ? "text-red-800" : "text-amber-800"}`}
                          >
                            {c.ok ? "✓ ok" : c.required ? "✗ missing" : "! degraded"}
                          </td>
                          <td className="py-1.5 font-mono text-xs text-slate-700">{c.detail}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </div>
          )}

          {mode === "snapshot" && (
            <div className="space-y-3 text-sm">
              <p className="text-slate-600">
                For databases this app cannot reach: run the collector next to the database (
                <code className="rounded bg-slate-100 px-1">dsql-preflight collect --out snapshot.json</code>), then upload the file here.
              </p>
              <label className="block font-medium text-slate-800">
                Snapshot file
                <input
                  type="file"
                  accept=".json,.gz,.zip"
                  className="mt-1 block text-sm"
                  onChange={(e) => setSnapshot(e.target.files?.[0] ?? null)}
                />
              </label>
            </div>
          )}
        </div>
      </div>

      <fieldset className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <legend className="px-1 text-sm font-semibold uppercase tracking-wide text-slate-600">Options</legend>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <label className="text-sm font-medium text-slate-800">
            Name
            <input
              className={`${input} mt-1`}
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="Defaults to the file name"
              maxLength={200}
            />
          </label>
          <label className="text-sm font-medium text-slate-800">
            DSQL capabilities as of
            <input
              className={`${input} mt-1`}
              type="date"
              value={targetDate}
              min={earliestDate}
              onChange={(e) => setTargetDate(e.target.value)}
            />
          </label>
          <label className="text-sm font-medium text-slate-800">
            Key strategy
            <select className={`${input} mt-1`} value={keyStrategy} onChange={(e) => setKeyStrategy(e.target.value)}>
              {keyStrategies.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.label}
                </option>
              ))}
            </select>
            <span className="mt-1 block text-xs font-normal text-slate-600">{keyStrategies.find((k) => k.id === keyStrategy)?.help}</span>
          </label>
        </div>
      </fieldset>

      {error && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {error}
        </p>
      )}

      <div className="flex justify-end">
        <button
          type="submit"
          disabled={!canSubmit}
          className="rounded-md bg-indigo-700 px-5 py-2 text-sm font-semibold text-white hover:bg-indigo-800 disabled:cursor-not-allowed disabled:opacity-50"
        >
          {busy ? "Starting…" : "Start assessment"}
        </button>
      </div>
    </form>
  );
}
