// The web process: opens the store (embedded PostgreSQL under DATA_DIR unless DATABASE_URL is set),
// applies migrations, starts a queue worker in-process (WORKER=0 turns it off), then serves Next.js.
//   node scripts/serve.mjs          production (after `npm run build`)
//   node scripts/serve.mjs --dev    development (next dev)
import { createServer } from "node:http";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { execFileSync } from "node:child_process";

process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.CHECKPOINT_DISABLE = "1";
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "127.0.0.1";

if (dev || !existsSync(join(root, "dist/server-runtime.js"))) {
  execFileSync(process.execPath, [join(root, "scripts/build-server.mjs")], { stdio: "inherit" });
}
const runtime = await import(join(root, "dist/server-runtime.js"));
const backend = await runtime.startBackend({
  worker: process.env.WORKER !== "0",
  concurrency: Number(process.env.WORKER_CONCURRENCY ?? 1),
});

const { default: next } = await import("next");
const app = next({ dev, dir: root, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
const server = createServer((req, res) => {
  // The client address for the sign-in rate limit; a client cannot supply its own.
  req.headers["x-preflight-remote"] = req.socket.remoteAddress ?? "unknown";
  return handle(req, res);
});
server.listen(port, hostname, () =>
  console.log(`[web] DSQL Preflight on http://${hostname}:${port} (${dev ? "development" : "production"})`),
);

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`[web] ${signal}: shutting down`);
  server.close();
  await backend.worker?.stop().catch(() => {});
  // Close the pools the request handlers opened before the embedded server goes away.
  await globalThis.__preflightPrisma?.client.$disconnect().catch(() => {});
  const pdf = globalThis.__preflightPdf;
  if (pdf) await (await pdf.browser.catch(() => undefined))?.close().catch(() => {});
  const sender = globalThis.__preflightSender;
  if (sender) await (await sender.boss.catch(() => undefined))?.stop({ graceful: false }).catch(() => {});
  await backend.stop();
  process.exit(0);
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
