/**
 * Opening a read-only session on the source. The session is read-only from its first statement:
 * default_transaction_read_only and the timeouts travel in the startup packet, so nothing the tool
 * sends can run in a writable transaction. If a pooler rejects startup options we reconnect and SET
 * them before anything else, then verify. Errors become SourceError with a message that never
 * contains the password.
 */
import { readFileSync } from "node:fs";
import pg from "pg";
import { APPLICATION_NAME, SESSION_SETTINGS } from "./queries";

export type SslMode = "disable" | "prefer" | "require" | "verify-ca" | "verify-full";

export interface ConnectionFields {
  host: string;
  port?: number;
  database: string;
  user: string;
  password?: string;
  sslMode?: SslMode;
  /** CA certificate (PEM text) for verify-ca / verify-full. */
  sslRootCert?: string;
  /** Or a path to it. */
  sslRootCertFile?: string;
}

/** A URL (`postgresql://user:pass@host:5432/db?sslmode=verify-full&sslrootcert=/path/ca.pem`) or fields. */
export type ConnectionSpec = string | ConnectionFields | { url: string; sslRootCert?: string };

export interface SessionOptions {
  statementTimeoutMs?: number;
  lockTimeoutMs?: number;
  connectTimeoutMs?: number;
}

export type SourceErrorCode =
  | "unreachable"
  | "dns"
  | "auth"
  | "no-database"
  | "timeout"
  | "tls"
  | "tls-required"
  | "permission"
  | "not-read-only"
  | "bad-url"
  | "unknown";

export class SourceError extends Error {
  constructor(
    readonly code: SourceErrorCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "SourceError";
  }
}

export function parseConnection(spec: ConnectionSpec): ConnectionFields {
  if (typeof spec !== "string" && !("url" in spec)) return spec;
  const url = typeof spec === "string" ? spec : spec.url;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new SourceError(
      "bad-url",
      "the connection string is not a valid postgresql:// URL",
      "Example: postgresql://user@host:5432/dbname?sslmode=verify-full",
    );
  }
  if (u.protocol !== "postgresql:" && u.protocol !== "postgres:")
    throw new SourceError("bad-url", `unsupported URL scheme "${u.protocol}"`, "Use postgresql://…");
  const q = u.searchParams;
  const mode = (q.get("sslmode") ?? undefined) as SslMode | undefined;
  if (mode && !["disable", "allow", "prefer", "require", "verify-ca", "verify-full"].includes(mode))
    throw new SourceError("bad-url", `unknown sslmode "${mode}"`);
  return {
    host: decodeURIComponent(u.hostname.replace(/^\[|\]$/g, "")) || q.get("host") || "localhost",
    port: u.port ? Number(u.port) : q.get("port") ? Number(q.get("port")) : 5432,
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || q.get("dbname") || decodeURIComponent(u.username) || "postgres",
    user: decodeURIComponent(u.username) || q.get("user") || "postgres",
    password: u.password ? decodeURIComponent(u.password) : (q.get("password") ?? undefined),
    sslMode: mode === ("allow" as string) ? "prefer" : mode,
    sslRootCert: typeof spec !== "string" && "sslRootCert" in spec ? spec.sslRootCert : undefined,
    sslRootCertFile: q.get("sslrootcert") ?? undefined,
  };
}

function sslConfig(f: ConnectionFields): pg.ClientConfig["ssl"] {
  const mode = f.sslMode ?? "prefer";
  if (mode === "disable" || mode === "prefer") return false; // prefer is handled by connect()
  let ca = f.sslRootCert;
  if (!ca && f.sslRootCertFile) {
    try {
      ca = readFileSync(f.sslRootCertFile, "utf8");
    } catch {
      throw new SourceError("tls", `cannot read the CA certificate file ${f.sslRootCertFile}`);
    }
  }
  if (mode === "require") return { rejectUnauthorized: false };
  if (!ca)
    throw new SourceError(
      "tls",
      `sslmode=${mode} needs a CA certificate`,
      "Pass sslrootcert=/path/to/ca.pem (for RDS: the region's global bundle).",
    );
  // verify-ca checks the chain only; verify-full also checks the host name (Node's default).
  return mode === "verify-ca"
    ? { ca, rejectUnauthorized: true, checkServerIdentity: () => undefined }
    : { ca, rejectUnauthorized: true, servername: f.host };
}

function clientConfig(f: ConnectionFields, o: SessionOptions, withStartupOptions: boolean): pg.ClientConfig {
  const settings = sessionSettings(o);
  return {
    host: f.host,
    port: f.port ?? 5432,
    database: f.database,
    user: f.user,
    password: f.password,
    ssl: sslConfig(f),
    application_name: APPLICATION_NAME,
    connectionTimeoutMillis: o.connectTimeoutMs ?? 10_000,
    // Client-side guard too, in case the server ignores statement_timeout.
    query_timeout: (o.statementTimeoutMs ?? 60_000) + 5_000,
    ...(withStartupOptions
      ? {
          options: Object.entries(settings)
            .filter(([, v]) => v !== "")
            .map(([k, v]) => `-c ${k}=${v}`)
            .join(" "),
        }
      : {}),
  };
}

function sessionSettings(o: SessionOptions): Record<string, string> {
  return {
    ...SESSION_SETTINGS,
    statement_timeout: `${o.statementTimeoutMs ?? 60_000}`,
    lock_timeout: `${o.lockTimeoutMs ?? 5_000}`,
  };
}

/** Connect, make sure the session is read-only, and hand back the client. */
export async function openReadOnly(spec: ConnectionSpec, o: SessionOptions = {}): Promise<pg.Client> {
  const f = parseConnection(spec);
  const secrets = [f.password].filter((s): s is string => !!s);
  let client: pg.Client;
  try {
    client = await connect(f, o, true);
  } catch (e) {
    // Some poolers (PgBouncer) refuse the startup `options` parameter: retry, then SET first thing.
    if (!/unsupported startup parameter/i.test(String((e as Error).message))) throw toSourceError(e, f, secrets);
    client = await connect(f, o, false).catch((e2) => {
      throw toSourceError(e2, f, secrets);
    });
    for (const [k, v] of Object.entries(sessionSettings(o))) await client.query("SELECT pg_catalog.set_config($1, $2, false)", [k, v]);
  }
  client.on("error", () => {}); // a dropped connection surfaces at the next query, with a mapped error
  try {
    // The options string cannot carry an empty value portably; pg_dump sets search_path the same way.
    await client.query("SELECT pg_catalog.set_config('search_path', '', false)");
    const r = await client.query(
      "SELECT current_setting('default_transaction_read_only') AS ro, current_setting('transaction_read_only') AS tro",
    );
    if (r.rows[0].ro !== "on" || r.rows[0].tro !== "on")
      throw new SourceError("not-read-only", "the session could not be made read-only, so the assessment stopped before reading anything");
  } catch (e) {
    await client.end().catch(() => {});
    throw e instanceof SourceError ? e : toSourceError(e, f, secrets);
  }
  return client;
}

async function connect(f: ConnectionFields, o: SessionOptions, startup: boolean): Promise<pg.Client> {
  if (f.sslMode === undefined || f.sslMode === "prefer") {
    // prefer (libpq's default): TLS without verification if the server offers it, else plain.
    const tls = new pg.Client(clientConfig({ ...f, sslMode: "require" }, o, startup));
    tls.on("error", () => {});
    try {
      await tls.connect();
      return tls;
    } catch (e) {
      await tls.end().catch(() => {});
      if (!/does not support SSL/i.test(String((e as Error).message))) throw e;
    }
  }
  const c = new pg.Client(clientConfig(f, o, startup));
  c.on("error", () => {});
  try {
    await c.connect();
  } catch (e) {
    await c.end().catch(() => {});
    throw e;
  }
  return c;
}

/** Map pg / Node errors to one clear message per failure kind, scrubbing any secret that leaked in. */
export function toSourceError(e: unknown, f: ConnectionFields, secrets: string[] = []): SourceError {
  if (e instanceof SourceError) return e;
  const err = e as { code?: string; message?: string };
  const where = `${f.host}:${f.port ?? 5432}`;
  const raw = scrub(String(err?.message ?? e), secrets);
  const code = err?.code ?? "";
  // Our own wording holds only host, port, user and database; only the driver's text is scrubbed (in raw).
  const mk = (c: SourceErrorCode, m: string, hint?: string) => new SourceError(c, m, hint);
  if (code === "ECONNREFUSED")
    return mk(
      "unreachable",
      `nothing is listening at ${where} (connection refused)`,
      "Check the host and port, and that the server accepts TCP connections from this machine.",
    );
  if (code === "ENOTFOUND" || code === "EAI_AGAIN")
    return mk("dns", `host name ${f.host} could not be resolved`, "Check the host name or DNS.");
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH")
    return mk("unreachable", `host ${where} is unreachable from this machine`, "Check routing, VPN or security groups.");
  if (code === "ETIMEDOUT" || /timeout expired|Connection terminated due to connection timeout/i.test(raw))
    return mk("timeout", `connecting to ${where} timed out`, "A firewall may be dropping packets; check security groups and the port.");
  if (code === "28P01" || code === "28000") {
    if (/no pg_hba\.conf entry/i.test(raw) && /SSL off|no encryption/i.test(raw))
      return mk(
        "tls-required",
        `the server at ${where} requires TLS for user ${f.user}`,
        "Use sslmode=require (or verify-full with the server's CA certificate).",
      );
    return mk(
      "auth",
      `authentication failed for user ${f.user} at ${where}`,
      "Check the user name and password (the password is never shown).",
    );
  }
  if (code === "3D000") return mk("no-database", `database ${f.database} does not exist on ${where}`, "Check the database name.");
  if (code === "42501") return mk("permission", `permission denied: ${raw}`, "Grant CONNECT on the database to this role.");
  if (code === "57014") return mk("timeout", `a query hit statement_timeout: ${raw}`, "Raise the statement timeout, or collect off-peak.");
  if (code === "55P03") return mk("timeout", `a catalog lock could not be taken within lock_timeout (another session holds it): ${raw}`);
  if (/The server does not support SSL connections/i.test(raw))
    return mk(
      "tls",
      `the server at ${where} does not support TLS, but sslmode=${f.sslMode} requires it`,
      "Use sslmode=disable or prefer only on trusted networks, or enable TLS on the server.",
    );
  if (
    /self[- ]signed certificate|unable to verify|certificate|Hostname\/IP does not match|ERR_TLS|SSL/i.test(raw) ||
    /^ERR_TLS|^DEPTH_ZERO|^SELF_SIGNED|^UNABLE_TO|^CERT_/.test(code)
  )
    return mk(
      "tls",
      `TLS verification of ${where} failed: ${raw}`,
      "Check sslrootcert (the CA that signed the server certificate) and, for verify-full, that the host name matches the certificate.",
    );
  if (/Connection terminated unexpectedly|ECONNRESET/i.test(raw) || code === "ECONNRESET")
    return mk("unreachable", `the server at ${where} closed the connection`, "A proxy or the server may require TLS; try sslmode=require.");
  return mk("unknown", `could not use ${where}: ${raw}`);
}

/**
 * Removes credentials from a driver or server message: the password part of connection URLs,
 * `password=…` settings, and a password of 8 or more characters where it stands as a whole token (a
 * short one would match ordinary text). Never substrings of words: "timeout expired" stays intact
 * whatever the password is.
 */
export function scrub(text: string, secrets: string[]): string {
  let out = text
    .replace(/(postgres(?:ql)?:\/\/[^:/@\s]+:)[^@\s]+@/gi, "$1***@")
    .replace(/(\bpassword\s*=\s*)('(?:[^']|'')*'|"[^"]*"|[^\s&;,]+)/gi, "$1***");
  for (const s of secrets) {
    if (!s || s.length < 8) continue;
    const escaped = s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, "gu"), "***");
  }
  return out;
}
