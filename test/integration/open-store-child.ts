// Opens the app's store (as `npm start` does), with a queue worker when START_WORKER=1, and waits to be
// killed; prints its state as one JSON line.
import { openStore } from "../../lib/store/bootstrap";

const store = await openStore({ log: () => {} });
process.env.DATABASE_URL = store.url;
if (process.env.START_WORKER === "1") {
  const { startWorker } = await import("../../lib/jobs/worker");
  await startWorker(store.url, { log: () => {} });
}
process.stdout.write(`${JSON.stringify({ url: store.url, mode: store.mode })}\n`);
setInterval(() => {}, 60_000);
