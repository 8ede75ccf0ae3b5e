/** Reading a `postgresql://` connection URI into the live-source form's fields (pure: runs in the browser). */

export interface ConnFields {
  host: string;
  port: string;
  database: string;
  user: string;
  password: string;
  sslmode: string;
}

/** The TLS modes the form offers (the ones the connection errors suggest). */
const MODES = ["disable", "prefer", "require", "verify-full"];

/** The fields a postgresql:// URI names, or a message saying why it is not one. */
export function parseConnectionUri(uri: string): { fields: Partial<ConnFields> } | { error: string } {
  const m = /^(postgres(?:ql)?):\/\//i.exec(uri.trim());
  if (!m) return { error: "A connection URI starts with postgresql:// (example: postgresql://user@host:5432/dbname?sslmode=require)" };
  let u: URL;
  try {
    u = new URL(`http://${uri.trim().slice(m[0].length)}`);
  } catch {
    return { error: "This connection URI could not be read: check the host and port" };
  }
  const sslmode = u.searchParams.get("sslmode") ?? undefined;
  if (sslmode && !MODES.includes(sslmode === "allow" ? "prefer" : sslmode))
    return { error: `Unknown sslmode "${sslmode}": use one of ${MODES.join(", ")}` };
  const fields: Partial<ConnFields> = {};
  if (u.hostname) fields.host = decodeURIComponent(u.hostname.replace(/^\[|\]$/g, ""));
  if (u.port) fields.port = u.port;
  const db = decodeURIComponent(u.pathname.replace(/^\//, ""));
  if (db) fields.database = db;
  if (u.username) fields.user = decodeURIComponent(u.username);
  if (u.password) fields.password = decodeURIComponent(u.password);
  if (sslmode) fields.sslmode = sslmode === "allow" ? "prefer" : sslmode;
  return { fields };
}
