/**
 * Who is calling: a session cookie (browser) or `Authorization: Bearer <personal token>` (API clients).
 * Mutations made with a cookie must come from this site (Origin/Referer or Sec-Fetch-Site), on top of
 * the SameSite=Lax cookie, so a cross-site form or fetch cannot act for a signed-in user.
 */
import { userForApiToken, userForSession } from "@/lib/auth/accounts";
import { atLeast, type AuthUser, type Role } from "@/lib/auth/roles";

export const SESSION_COOKIE = "dsqlp_session";

export class AuthFailure extends Error {
  constructor(
    readonly status: 401 | 403,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function cookieValue(req: Request, name: string): string | undefined {
  const raw = req.headers.get("cookie");
  if (!raw) return undefined;
  for (const part of raw.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** The host the browser talked to (behind a proxy, X-Forwarded-Host when TRUST_PROXY=1). */
function requestHost(req: Request): string | undefined {
  const fwd = process.env.TRUST_PROXY === "1" ? req.headers.get("x-forwarded-host") : null;
  return (fwd ?? req.headers.get("host") ?? new URL(req.url).host)?.split(",")[0]?.trim().toLowerCase();
}

/**
 * Refuse a cookie-authenticated mutation that a browser made from another site: Sec-Fetch-Site says so,
 * or the Origin (or Referer) names another host. Browsers send one or both on every cross-site POST,
 * PUT, PATCH and DELETE; a request with neither does not come from a browser page (scripts, curl).
 */
export function checkSameOrigin(req: Request) {
  if (SAFE.has(req.method)) return;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new AuthFailure(403, "cross-site", "Cross-site request refused");
  const origin = req.headers.get("origin") ?? req.headers.get("referer");
  if (!origin || origin === "null") {
    if (origin === "null") throw new AuthFailure(403, "cross-site", "Request refused: opaque origin");
    return;
  }
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    throw new AuthFailure(403, "cross-site", "Request refused: unreadable Origin");
  }
  const allowed = new Set([
    requestHost(req),
    ...(process.env.ALLOWED_ORIGINS ?? "")
      .split(",")
      .map((o) =>
        o
          .trim()
          .replace(/^https?:\/\//, "")
          .toLowerCase(),
      )
      .filter(Boolean),
  ]);
  if (!allowed.has(host)) throw new AuthFailure(403, "cross-site", "Cross-site request refused");
}

/** The site's own origin as the browser sees it (PUBLIC_URL when set), for links handed out. */
export function publicOrigin(req: Request): string {
  if (process.env.PUBLIC_URL) return process.env.PUBLIC_URL.replace(/\/+$/, "");
  const proto =
    process.env.TRUST_PROXY === "1" ? (req.headers.get("x-forwarded-proto") ?? "http") : new URL(req.url).protocol.replace(":", "");
  return `${proto}://${requestHost(req) ?? new URL(req.url).host}`;
}

export async function callerOf(req: Request): Promise<{ user: AuthUser; via: "session" | "token" } | undefined> {
  const authz = req.headers.get("authorization");
  if (authz) {
    const m = /^Bearer\s+(\S+)$/i.exec(authz);
    const user = m ? await userForApiToken(m[1]!) : undefined;
    if (!user) throw new AuthFailure(401, "invalid-token", "The API token is invalid or revoked");
    return { user, via: "token" };
  }
  const user = await userForSession(cookieValue(req, SESSION_COOKIE));
  return user ? { user, via: "session" } : undefined;
}

/** Authenticate and authorise: reads need a viewer, mutations a member, unless `role` says otherwise. */
export async function requireCaller(req: Request, role?: Role): Promise<AuthUser> {
  const c = await callerOf(req);
  if (!c) throw new AuthFailure(401, "unauthenticated", "Sign in first, or send Authorization: Bearer <personal API token>");
  if (c.via === "session") checkSameOrigin(req);
  const needed = role ?? (SAFE.has(req.method) ? "viewer" : "member");
  if (!atLeast(c.user.role, needed)) throw new AuthFailure(403, "forbidden", `This needs the ${needed} role; you are a ${c.user.role}`);
  return c.user;
}

export function sessionCookie(token: string, expires: Date, req: Request): string {
  const secure =
    process.env.COOKIE_SECURE === "1" || new URL(req.url).protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Expires=${expires.toUTCString()}${secure ? "; Secure" : ""}`;
}

export function clearSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

export function clientIp(req: Request): string {
  const fwd = process.env.TRUST_PROXY === "1" ? req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() : undefined;
  // scripts/serve.mjs sets x-preflight-remote from the socket (and drops any client-sent value).
  return fwd || req.headers.get("x-preflight-remote") || "local";
}
