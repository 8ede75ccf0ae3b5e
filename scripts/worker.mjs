// A standalone queue worker: `npm run worker`. Against DATABASE_URL (any machine), or, without it,
// the embedded PostgreSQL of the web process on this machine (DATA_DIR/server.json), or its own.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { execFileSync } from "node:child_process";

process.env.CHECKPOINT_DISABLE = "1";
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
if (!existsSync(join(root, "dist/server-runtime.js")))
  execFileSync(process.execPath, [join(root, "scripts/build-server.mjs")], { stdio: "inherit" });
const runtime = await import(join(root, "dist/server-runtime.js"));
const backend = await runtime.startBackend({ worker: true, concurrency: Number(process.env.WORKER_CONCURRENCY ?? 1) });
const shutdown = async () => {
  await backend.stop();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
