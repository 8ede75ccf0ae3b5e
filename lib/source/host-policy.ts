/**
 * Which hosts the web app may connect to as a source (connection test and live collection). Without a
 * policy, the app would be a port scanner for anyone signed in, able to reach cloud metadata services
 * and the app's own database. SOURCE_HOSTS lists what is allowed: host names (`db.example.com`,
 * `*.internal.example.com`), addresses and CIDR ranges, separated by commas or spaces. Unset, every
 * host is allowed except link-local addresses (169.254.0.0/16, fe80::/10: metadata services) and the
 * app's own database; listing one of those in SOURCE_HOSTS allows it. The CLI is not restricted: it runs
 * with its user's own rights.
 */
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

export const SOURCE_HOSTS_ENV = "SOURCE_HOSTS";

export class HostNotAllowedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HostNotAllowedError";
  }
}

interface Allowed {
  names: string[];
  ranges: BlockList;
}

function family(address: string): "ipv4" | "ipv6" {
  return isIP(address) === 6 ? "ipv6" : "ipv4";
}

/** Parses SOURCE_HOSTS; an entry that is not a name, address or CIDR is a configuration error. */
export function parseSourceHosts(spec: string): Allowed {
  const names: string[] = [];
  const ranges = new BlockList();
  for (const raw of spec.split(/[\s,]+/).filter(Boolean)) {
    const entry = raw.toLowerCase().replace(/^\[|\]$/g, "");
    const cidr = /^(.+)\/(\d{1,3})$/.exec(entry);
    if (cidr && isIP(cidr[1]!)) {
      const prefix = Number(cidr[2]);
      if (prefix > (isIP(cidr[1]!) === 6 ? 128 : 32)) throw new Error(`${SOURCE_HOSTS_ENV}: "${raw}" has an invalid prefix length`);
      ranges.addSubnet(cidr[1]!, prefix, family(cidr[1]!));
    } else if (isIP(entry)) {
      ranges.addAddress(entry, family(entry));
    } else if (/^(\*\.)?[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\.?$/.test(entry)) {
      names.push(entry.replace(/\.$/, ""));
    } else {
      throw new Error(`${SOURCE_HOSTS_ENV}: "${raw}" is not a host name, address or CIDR range`);
    }
  }
  return { names, ranges };
}

const LINK_LOCAL = new BlockList();
LINK_LOCAL.addSubnet("169.254.0.0", 16, "ipv4");
LINK_LOCAL.addSubnet("fe80::", 10, "ipv6");

function isLoopback(address: string): boolean {
  return /^127\./.test(address) || address === "::1" || address === "0.0.0.0" || address === "::" || /^::ffff:127\./.test(address);
}

function unmapped(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
}

async function addresses(host: string): Promise<string[]> {
  if (isIP(host)) return [unmapped(host)];
  try {
    return (await lookup(host, { all: true, verbatim: true })).map((a) => unmapped(a.address));
  } catch {
    return [];
  }
}

function nameMatches(host: string, names: string[]): boolean {
  return names.some((n) => (n.startsWith("*.") ? host.endsWith(n.slice(1)) && host.length > n.length - 1 : host === n));
}

/**
 * Throws HostNotAllowedError when the policy refuses host:port. The addresses the name resolves to are
 * checked (all of them), so a name pointing at a metadata service or the app's database is refused too.
 */
export async function checkSourceHost(
  hostIn: string,
  port: number,
  env: { allow?: string; appDatabaseUrl?: string } = { allow: process.env[SOURCE_HOSTS_ENV], appDatabaseUrl: process.env.DATABASE_URL },
): Promise<void> {
  const host = hostIn
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");
  const refuse = (why: string) => new HostNotAllowedError(`connections to ${hostIn}:${port} are not allowed: ${why}`);
  const addrs = await addresses(host);
  if (env.allow && env.allow.trim()) {
    const allowed = parseSourceHosts(env.allow);
    if (nameMatches(host, allowed.names)) return;
    if (addrs.length > 0 && addrs.every((a) => allowed.ranges.check(a, family(a)))) return;
    throw refuse(`the host is not in ${SOURCE_HOSTS_ENV} (ask the administrator to add it)`);
  }
  if (addrs.some((a) => LINK_LOCAL.check(a, family(a))))
    throw refuse(`link-local addresses (cloud metadata services) are refused unless listed in ${SOURCE_HOSTS_ENV}`);
  if (env.appDatabaseUrl) {
    let app: URL | undefined;
    try {
      app = new URL(env.appDatabaseUrl);
    } catch {
      app = undefined;
    }
    if (app && port === Number(app.port || 5432)) {
      const appAddrs = await addresses(app.hostname.replace(/^\[|\]$/g, "") || "localhost");
      const same = addrs.some((a) => appAddrs.includes(a) || (isLoopback(a) && appAddrs.some(isLoopback)));
      if (same) throw refuse(`that is this app's own database (list it in ${SOURCE_HOSTS_ENV} to assess it anyway)`);
    }
  }
}

/** Failures that mean "no PostgreSQL server answered" (connection phase only); the web app reports them alike. */
function notPostgres(code: string, message: string): boolean {
  if (code === "unreachable" || code === "dns") return true;
  if (code === "timeout") return /^connecting to /.test(message);
  return code === "unknown" && /^could not use /.test(message);
}

/**
 * The message the web app shows for a failed source connection. Refused, closed, silent and
 * non-PostgreSQL endpoints get one generic answer, so the connection form cannot map a network's
 * ports; failures from a server that did answer as PostgreSQL (authentication, database, TLS) stay
 * specific, because they are what a user needs to fix.
 */
export function sourceErrorForWeb(e: unknown, host: string, port: number): string {
  if (e instanceof HostNotAllowedError) return e.message;
  const code = (e as { code?: string; name?: string }).name === "SourceError" ? (e as { code: string }).code : "";
  if (notPostgres(code, String((e as { message?: string }).message ?? "")))
    return `no PostgreSQL server answered at ${host}:${port}. Check the host, port, firewall rules and TLS setting`;
  const err = e as { message?: string; hint?: string };
  return `${err.message ?? String(e)}${err.hint ? `. ${err.hint}` : ""}`;
}
