/**
 * A quick gate in front of the pages: without a session cookie, anything but the public pages
 * redirects to sign-in. The real check (the session in the database, the role) happens in the pages
 * and API handlers; API routes answer 401 themselves.
 */
import { NextResponse, type NextRequest } from "next/server";

const PUBLIC = [/^\/signin$/, /^\/setup$/, /^\/invite\/[^/]+$/, /^\/share\/[^/]+(\/.*)?$/, /^\/api\//, /^\/_next\//, /^\/favicon\.ico$/];

export function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname;
  const headers = new Headers(req.headers);
  headers.set("x-preflight-path", path + req.nextUrl.search);
  if (PUBLIC.some((re) => re.test(path)) || req.cookies.has("dsqlp_session")) return NextResponse.next({ request: { headers } });
  const url = req.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?next=${encodeURIComponent(path + req.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
